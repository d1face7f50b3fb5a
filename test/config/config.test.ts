import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { cli, tempProject, FIXTURES } from '../support/cli.js';
import { pluginPrefix } from '../../src/config/resolver.js';
import { builtinRules } from '../../src/engine/registry.js';

const phone = 'Ring 020 7946 0123.\n';
/** Severity only, whatever options the schema filled in. */
const severities = (rules: Record<string, unknown>) => Object.fromEntries(Object.entries(rules).map(([id, v]) => [id, Array.isArray(v) ? v[0] : v]));
const rulesFor = async (cwd: string, file: string, extra: string[] = []) => {
  const r = await cli(['--print-config', file, ...extra], { cwd });
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

describe('config discovery (cosmiconfig)', () => {
  it('searches up from each linted file, and the nearest config wins', async () => {
    const dir = tempProject({
      '.cftlintrc': 'extends: []\nrules:\n  contact-details: warn\n',
      'drafts/2026/post.md': phone,
      'drafts/strict/.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': 'error' } }),
      'drafts/strict/post.md': phone,
    });
    expect(severities((await rulesFor(dir, 'drafts/2026/post.md')).rules)).toEqual({ 'contact-details': 'warn' });
    expect((await rulesFor(dir, 'drafts/strict/post.md')).configFile).toBe(join(dir, 'drafts/strict/.cftlintrc.json'));
    const r = await cli(['.', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { messages: { severity: number }[] }) => x.messages[0]!.severity)).toEqual([1, 2]);
  });

  it('reads package.json#cftlint and cftlint.config.mjs', async () => {
    const pkg = tempProject({ 'package.json': JSON.stringify({ name: 'content', cftlint: { extends: [], rules: { 'contact-details': 'warn' } } }) });
    expect(severities((await rulesFor(pkg, 'a.md')).rules)).toEqual({ 'contact-details': 'warn' });
    const mjs = tempProject({ 'cftlint.config.mjs': "export default { extends: [], rules: { 'contact-details': ['error', { email: false }] } };" });
    expect((await rulesFor(mjs, 'a.md')).rules['contact-details'][1].email).toBe(false);
  });

  it('with no config file, cftlint:recommended applies; --no-config-lookup ignores config files', async () => {
    const builtins = await builtinRules();
    const dir = tempProject({ '.cftlintrc.json': JSON.stringify({ extends: [], rules: {} }) });
    expect((await rulesFor(dir, 'a.md')).rules).toEqual({});
    const recommended = (await rulesFor(dir, 'a.md', ['--no-config-lookup'])).rules;
    const expected = Object.fromEntries([...builtins].filter(([, r]) => r.meta.defaultSeverity !== 'off').map(([id, r]) => [id, r.meta.defaultSeverity]));
    expect(Object.fromEntries(Object.entries(recommended).map(([id, v]) => [id, Array.isArray(v) ? v[0] : v]))).toEqual(expected);
  });

  it('cftlint:strict makes every built-in rule an error; extends a path and overrides it', async () => {
    const dir = tempProject({
      'base.yaml': 'extends: cftlint:strict\n',
      '.cftlintrc.yaml': 'extends: ./base.yaml\nrules:\n  contact-details: warn\n',
    });
    const { rules } = await rulesFor(dir, 'a.md');
    const severities = Object.entries(rules).map(([id, v]) => [id, Array.isArray(v) ? v[0] : v]);
    expect(severities.filter(([id]) => id !== 'contact-details').every(([, s]) => s === 'error')).toBe(true);
    expect(rules['contact-details'][0] ?? rules['contact-details']).toBe('warn');
  });

  it('overrides apply by glob, with excludedFiles; a bare severity keeps earlier options', async () => {
    const dir = tempProject({
      '.cftlintrc.yaml': [
        'extends: []',
        'rules:',
        '  contact-details: [error, { email: false }]',
        'overrides:',
        '  - files: ["newsletters/**/*.md"]',
        '    excludedFiles: ["**/draft-*.md"]',
        '    rules: { contact-details: warn }',
        '  - files: ["*.txt"]',
        '    rules: { contact-details: off }',
      ].join('\n'),
    });
    expect((await rulesFor(dir, 'newsletters/2026/june.md')).rules['contact-details']).toEqual(['warn', { allow: [], phone: true, email: false, postcode: true }]);
    expect((await rulesFor(dir, 'newsletters/2026/draft-june.md')).rules['contact-details'][0]).toBe('error');
    expect((await rulesFor(dir, 'deep/notes/a.txt')).rules).toEqual({});
  });

  it('ignorePatterns in config skip files', async () => {
    const dir = tempProject({ '.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': 'error' }, ignorePatterns: ['archive/'] }), 'archive/a.md': phone, 'b.md': phone });
    const r = await cli(['.', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'b.md')]);
  });
});

describe('config validation: exit 2 and one clear line naming the file and key', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['unknown rule', { '.cftlintrc.json': JSON.stringify({ rules: { 'child-nam': 'error' } }) }, /\.cftlintrc\.json: rules\.child-nam: unknown rule 'child-nam'/],
    ['bad severity', { '.cftlintrc.json': JSON.stringify({ rules: { 'contact-details': 'loud' } }) }, /\.cftlintrc\.json: rules\.contact-details/],
    ['bad options', { '.cftlintrc.json': JSON.stringify({ rules: { 'contact-details': ['error', { phone: 'yes' }] } }) }, /\.cftlintrc\.json: rules\.contact-details: phone must be boolean/],
    ['unknown option', { '.cftlintrc.json': JSON.stringify({ rules: { 'contact-details': ['error', { phones: true }] } }) }, /rules\.contact-details: \(options\): unknown option 'phones'/],
    ['unknown key', { '.cftlintrc.json': JSON.stringify({ rulez: {} }) }, /\.cftlintrc\.json: \(options\): unknown option 'rulez'|\.cftlintrc\.json: .*rulez/],
    ['broken YAML', { '.cftlintrc.yaml': 'rules:\n  contact-details: [error\n' }, /Cannot read config file: YAML Error in .*\.cftlintrc\.yaml/],
    ['broken JSON', { '.cftlintrc.json': '{ "rules": ' }, /JSON Error in .*\.cftlintrc\.json/],
    ['missing extends', { '.cftlintrc.json': JSON.stringify({ extends: './nope.json' }) }, /Cannot read config file .*nope\.json: file not found/],
    ['missing plugin', { '.cftlintrc.json': JSON.stringify({ plugins: ['./nope.js'] }) }, /plugins: cannot load '\.\/nope\.js'/],
  ];
  for (const [name, files, pattern] of cases) {
    it(name, async () => {
      const dir = tempProject({ ...files, 'a.md': phone });
      const r = await cli(['.'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    });
  }
  it('-c with a missing file', async () => {
    const r = await cli(['.', '-c', 'missing.yaml'], { cwd: tempProject({ 'a.md': phone }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read config file .*missing\.yaml: file not found/);
  });
});

describe('plugins', () => {
  const pluginPath = join(FIXTURES, 'plugins/cftlint-plugin-demo.js');
  it('a local plugin adds rules under its prefix', async () => {
    const dir = tempProject({ 'a.md': 'Bubbles was here.\n', '.cftlintrc.json': JSON.stringify({ extends: [], plugins: [pluginPath], rules: { 'demo/no-nicknames': 'error' } }) });
    const r = await cli(['.', '-f', 'compact', '--no-redact'], { cwd: dir });
    expect(r.stdout).toContain(`${join(dir, 'a.md')}: line 1, col 1, Error - Nickname Bubbles is on the team list; do not publish it. (demo/no-nicknames)`);
    expect((await cli(['--list-rules'], { cwd: dir })).stdout).toMatch(/demo\/no-nicknames\s+text\s+error\s+code/);
  });
  it('the object form chooses the prefix; a package is found in node_modules', async () => {
    const dir = tempProject({
      'a.md': 'Bubbles was here.\n',
      'node_modules/@team/cftlint-plugin/package.json': JSON.stringify({ name: '@team/cftlint-plugin', type: 'module', main: 'index.js' }),
      'node_modules/@team/cftlint-plugin/index.js': `export { default } from ${JSON.stringify(pluginPath)};`,
      '.cftlintrc.json': JSON.stringify({ extends: [], plugins: { team: './node_modules/@team/cftlint-plugin/index.js' }, rules: { 'team/no-nicknames': 'error' } }),
      'pkg/.cftlintrc.json': JSON.stringify({ extends: [], plugins: ['@team/cftlint-plugin'], rules: { 'demo/no-nicknames': ['error', { words: ['Bubbles'] }] } }),
      'pkg/b.md': 'Bubbles.\n',
    });
    const r = await cli(['.', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { messages: { ruleId: string }[] }) => x.messages[0]!.ruleId)).toEqual(['team/no-nicknames', 'demo/no-nicknames']);
  });
  it('names plugin prefixes as ESLint does', () => {
    expect(pluginPrefix('cftlint-plugin-foo')).toBe('foo');
    expect(pluginPrefix('@team/cftlint-plugin')).toBe('@team');
    expect(pluginPrefix('@team/cftlint-plugin-foo')).toBe('@team/foo');
    expect(pluginPrefix('./rules/my-rules.js')).toBe('my-rules');
  });
});

describe('regular expressions in options', () => {
  const plugin = `export default { rules: { words: {
    meta: { kind: 'text', description: 'd', policy: 'p', docs: 'rules/words.md', defaultSeverity: 'error', messages: { m: 'm' },
            schema: { properties: { patterns: { type: 'array', items: { type: 'string', safeRegex: true }, default: [] } } } },
    create: () => ({}) } } };`;
  const project = (patterns: string[]) =>
    tempProject({ 'p.mjs': plugin, 'a.md': 'x\n', '.cftlintrc.json': JSON.stringify({ extends: [], plugins: { team: './p.mjs' }, rules: { 'team/words': ['error', { patterns }] } }) });

  it('refuses a pattern that can backtrack catastrophically, with a clear line', async () => {
    const r = await cli(['.'], { cwd: project(['ok', '(a+)+$']) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\.team\/words: patterns\.1 is unsafe: .*exponential time/);
  });
  it('refuses a pattern that does not compile, and accepts safe ones', async () => {
    expect((await cli(['.'], { cwd: project(['(unclosed']) })).stderr).toMatch(/patterns\.0 is unsafe: this pattern is not a valid regular expression/);
    expect((await cli(['.'], { cwd: project(['colou?r', '\\bTom\\b']) })).code).toBe(0);
  });
});
