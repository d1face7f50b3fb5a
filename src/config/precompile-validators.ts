/**
 * Build step (`npm run build`): compiles the JSON Schemas of the config file and of every built-in rule's options
 * into one CommonJS module of ajv standalone validators (`dist/data/validators.cjs`), exported under each schema's
 * JSON. A run then validates options without loading ajv or compiling schemas; a schema that is not there (a
 * plugin's, or one changed since the build) is compiled by ajv at run time, as before.
 *   node dist/src/config/precompile-validators.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type AjvModule from 'ajv';
import { builtinRules } from '../engine/registry.js';
import { configSchema } from './schema.js';
import { AJV_OPTIONS, PRECOMPILED_VALIDATORS, optionsSchema } from './rule-options.js';

const require = createRequire(import.meta.url);

async function main(): Promise<void> {
  const mod = require('ajv') as { default?: typeof AjvModule.default };
  const Ajv = (mod.default ?? mod) as typeof AjvModule.default;
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, refs: Record<string, string>) => string }).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const schemas: object[] = [configSchema];
  for (const rule of (await builtinRules()).values()) if (rule.meta.schema) schemas.push(optionsSchema(rule.meta.schema));
  const refs: Record<string, string> = {};
  schemas.forEach((schema, i) => {
    const key = JSON.stringify(schema);
    if (refs[key]) return;
    ajv.addSchema(schema, `s${i}`);
    refs[key] = `s${i}`;
  });
  mkdirSync(dirname(PRECOMPILED_VALIDATORS), { recursive: true });
  writeFileSync(PRECOMPILED_VALIDATORS, standaloneCode(ajv, refs));
  console.log(`cftlint: precompiled ${Object.keys(refs).length} option schemas into ${PRECOMPILED_VALIDATORS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
