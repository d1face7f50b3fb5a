/** Validates a rule's options against its JSON Schema and fills in the schema's defaults (ajv). */
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Rule } from '../types.js';
import { assertSafeRegex } from './safe-regex.js';

// ajv is CommonJS: under NodeNext its default export is the module object.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule.default;

export const ajv = new Ajv({ useDefaults: true, allErrors: true, strict: false });

/**
 * `{ type: 'string', safeRegex: true }` in a rule's schema: the option is a regular expression written by a user,
 * so it must compile and must not backtrack catastrophically (a hostile pattern would hang a pre-commit hook).
 */
ajv.addKeyword({
  keyword: 'safeRegex',
  type: 'string',
  schemaType: 'boolean',
  validate: function check(enabled: boolean, pattern: string): boolean {
    if (!enabled) return true;
    try {
      assertSafeRegex(pattern, 'this pattern');
      return true;
    } catch (error) {
      (check as unknown as { errors: object[] }).errors = [{ keyword: 'safeRegex', message: `is unsafe: ${(error as Error).message}`, params: {} }];
      return false;
    }
  },
});
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
  if (!validate) validators.set(rule, (validate = ajv.compile({ type: 'object', additionalProperties: false, ...schema })));
  if (!validate(options)) throw new OptionsError(describeAjvErrors(validate.errors));
  return options;
}
