/** The `yaml` package, loaded on first use: most runs read only precomputed JSON and need no YAML parser. */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

export const yamlModule = (): typeof Yaml => require('yaml') as typeof Yaml;
