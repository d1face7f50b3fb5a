/**
 * The data rules read: YAML files in `rules/data/`, and values derived from them and from installed packages
 * (word lists, the GB place index). `npm run build` precomputes each into `dist/data/` as JSON, which loads far
 * faster than YAML or the packages' raw files. A precomputed file records its sources and is used only while they
 * are unchanged; otherwise (or when it is missing) the value is computed from the sources, as the build does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlModule } from '../yaml.js';
import { PACKAGE_ROOT, dataFile } from '../paths.js';


/** Where the build writes precomputed data. */
export const PRECOMPUTED_DIR = join(PACKAGE_ROOT, 'dist', 'data');

export { yamlModule };

/** A precomputed file's value, when it was computed from exactly `sources`. */
function precomputed(file: string, sources: string): unknown {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { sources?: unknown; value?: unknown };
    return data.sources === sources ? data.value : undefined;
  } catch {
    return undefined;
  }
}

/** Path of the precomputed JSON of a YAML data file. */
export const precomputedYamlFile = (name: string): string => join(PRECOMPUTED_DIR, 'yaml', `${name}.json`);

/** A YAML data file from `rules/data/`, parsed (from its precomputed JSON while that matches the file). */
export function readDataYaml<T>(name: string): T {
  const source = readFileSync(dataFile(name), 'utf8');
  const value = precomputed(precomputedYamlFile(name), source);
  return (value !== undefined ? value : yamlModule().parse(source)) as T;
}

/** The installed version of a package, for the sources of derived data (`name@version`). */
export function packageVersionOf(pkg: string, manifest: string): string {
  return `${pkg}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`;
}

interface Derivation {
  sources: () => string;
  compute: () => unknown;
}

/** Every derivation defined so far, by name (the build script writes them all). */
export const derivations = new Map<string, Derivation>();

/** Path of a derived value's precomputed JSON. */
export const derivedFile = (name: string): string => join(PRECOMPUTED_DIR, `${name}.json`);

/**
 * A value derived from data files and packages: `compute()` gives it as JSON data, `revive` turns that into what
 * the code uses (a Set, a Map). `sources()` names everything it depends on (file contents, package versions).
 */
export function derived<J, T>(name: string, sources: () => string, compute: () => J, revive: (json: J) => T): () => T {
  derivations.set(name, { sources, compute });
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      const json = precomputed(derivedFile(name), sources()) as J | undefined;
      value = revive(json !== undefined ? json : compute());
      done = true;
    }
    return value as T;
  };
}
