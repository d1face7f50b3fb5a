/** The JSON Schema of a cftlint config file: unknown keys and bad severities stop the run with one clear line. */
const severity = { anyOf: [{ enum: ['off', 'warn', 'error', 0, 1, 2] }] };
const stringOrList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
const rules = {
  type: 'object',
  additionalProperties: {
    anyOf: [severity, { type: 'array', minItems: 1, items: [severity], additionalItems: true }],
  },
};

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    root: { type: 'boolean' },
    extends: stringOrList,
    rules,
    settings: { type: 'object' },
    plugins: {
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'object', additionalProperties: { type: 'string' } },
      ],
    },
    ignorePatterns: stringOrList,
    reportUnusedDisableDirectives: severity,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: { files: stringOrList, excludedFiles: stringOrList, rules, settings: { type: 'object' } },
      },
    },
  },
} as const;
