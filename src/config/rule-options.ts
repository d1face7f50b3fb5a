/** Validates a rule's options against its JSON Schema and fills in the schema's defaults (ajv). */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Rule } from '../types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { assertSafeRegex } from './safe-regex.js';

const require = createRequire(import.meta.url);

/** How schemas are compiled, at run time and by the build (precompile-validators.ts). */
export const AJV_OPTIONS = { useDefaults: true, allErrors: true, strict: false } as const;

type Ajv = InstanceType<typeof AjvModule.default>;
let ajvInstance: Ajv | undefined;

/** ajv, loaded on first need (built-in schemas usually come precompiled; ajv is CommonJS). */
export function getAjv(): Ajv {
  if (!ajvInstance) {
    const mod = require('ajv') as { default?: typeof AjvModule.default };
    const Ajv = (mod.default ?? mod) as typeof AjvModule.default;
    ajvInstance = new Ajv(AJV_OPTIONS);
  }
  return ajvInstance;
}

/**
 * `{ type: 'string', safeRegex: true }` in a rule's schema marks an option that is a regular expression written by
 * a user: it must compile and must not backtrack catastrophically (a hostile pattern would hang a pre-commit hook).
 * Checked here after schema validation, so the schema itself stays plain JSON that the build can precompile.
 */
function checkRegexOptions(schema: unknown, value: unknown, path: string): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as { safeRegex?: boolean; properties?: Record<string, unknown>; items?: unknown };
  if (s.safeRegex === true && typeof value === 'string') {
    try {
      assertSafeRegex(value, 'this pattern');
    } catch (error) {
      throw new OptionsError(`${path || '(options)'} is unsafe: ${(error as Error).message}`);
    }
  }
  if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(s.properties)) checkRegexOptions(sub, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
  }
  if (s.items && Array.isArray(value)) value.forEach((item, i) => checkRegexOptions(s.items, item, `${path}.${i}`));
}

/** Where the build writes the validators of the built-in schemas (ajv's standalone code, keyed by schema JSON). */
export const PRECOMPILED_VALIDATORS = join(PACKAGE_ROOT, 'dist', 'data', 'validators.cjs');

let precompiled: Record<string, ValidateFunction> | undefined;

function precompiledValidators(): Record<string, ValidateFunction> {
  if (!precompiled) {
    try {
      precompiled = require(PRECOMPILED_VALIDATORS) as Record<string, ValidateFunction>;
    } catch {
      precompiled = {};
    }
  }
  return precompiled;
}

/** A validator for `schema`: the build's precompiled one when it has this very schema, else compiled by ajv now. */
export function compileSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  const ready = Object.hasOwn(precompiledValidators(), key) ? precompiledValidators()[key] : undefined;
  // JSON would drop a RegExp or a function: use the precompiled code only for a schema that is plain JSON.
  if (ready && isDeepStrictEqual(JSON.parse(key), schema)) return ready;
  return getAjv().compile(schema);
}

/** The schema a rule's options object is validated against. */
export const optionsSchema = (schema: Record<string, unknown>): Record<string, unknown> => ({ type: 'object', additionalProperties: false, ...schema });

const validators = new WeakMap<Rule, ValidateFunction>();

export class OptionsError extends Error {}

/** Describes ajv errors in one line: `contextWindow must be integer`. */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root = ''): string {
  return (errors ?? [])
    .map((e) => {
      const where = `${root}${e.instancePath.replace(/^\//, '').replace(/\//g, '.')}` || '(options)';
      if (e.keyword === 'additionalProperties') return `${where}: unknown option '${(e.params as { additionalProperty: string }).additionalProperty}'`;
      if (e.keyword === 'enum') return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      return `${where} ${e.message}`;
    })
    .join('; ');
}

/** The options a rule runs with: the given object, validated, with defaults filled in. Throws OptionsError. */
export function resolveRuleOptions(rule: Rule, given: unknown): Record<string, unknown> {
  const options = structuredClone(given ?? {}) as Record<string, unknown>;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new OptionsError('options must be an object');
  const schema = rule.meta.schema;
  if (!schema) {
    if (Object.keys(options).length > 0) throw new OptionsError('this rule takes no options');
    return options;
  }
  let validate = validators.get(rule);
  if (!validate) validators.set(rule, (validate = compileSchema(optionsSchema(schema))));
  if (!validate(options)) throw new OptionsError(describeAjvErrors(validate.errors));
  checkRegexOptions(optionsSchema(schema), options, '');
  return options;
}
