import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Chalk } from 'chalk';
import AjvDraft04 from 'ajv-draft-04';
import type { LintResult, LintMessage } from '../../src/types.js';
import { loadFormatter } from '../../src/formatters/index.js';
import { countResult } from '../../src/engine/linter.js';
import { redactResults } from '../../src/formatters/redact.js';
import { tempProject, cli } from '../support/cli.js';

const cwd = '/work/content';
const msg = (m: Partial<LintMessage>): LintMessage => ({ ruleId: 'contact-details', severity: 2, message: 'Problem.', line: 1, column: 1, nodeType: null, ...m });
const results: LintResult[] = [
  countResult(`${cwd}/drafts/post.md`, [
    msg({ line: 3, column: 13, endLine: 3, endColumn: 26, message: 'Phone number 020 7946 0123: remove it.', evidence: { text: '020 7946 0123', kind: 'phone number' } }),
    msg({ line: 12, column: 2, severity: 1, ruleId: 'political-content', message: 'Mentions a political party: "Labour", needs a second reviewer.', fix: { range: [0, 1], text: 'x' } }),
  ], []),
  countResult(`${cwd}/drafts/fine.md`, [], []),
  countResult(`${cwd}/photos/x.jpg`, [msg({ ruleId: null, fatal: true, message: 'x.jpg is named as a JPEG image but its content is text; nothing was checked.' })], []),
];
const context = { cwd, rulesMeta: {}, color: new Chalk({ level: 0 }), redacted: false, version: '0.1.0' };
const format = async (name: string, r = results) => (await loadFormatter(name, cwd))(r, context);

describe('formatters (compared with ESLint output)', () => {
  it('stylish', async () => {
    expect(await format('stylish')).toBe(
      [
        '',
        '/work/content/drafts/post.md',
        `   3:13  error    ${'Phone number 020 7946 0123: remove it'.padEnd(61)}  contact-details`,
        '  12:2   warning  Mentions a political party: "Labour", needs a second reviewer  political-content',
        '',
        '/work/content/photos/x.jpg',
        '  1:1  error  x.jpg is named as a JPEG image but its content is text; nothing was checked',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('stylish in colour underlines the path and colours the summary', async () => {
    const out = await (await loadFormatter('stylish', cwd))(results, { ...context, color: new Chalk({ level: 1 }) });
    expect(out).toContain('\u001b[4m/work/content/drafts/post.md\u001b[24m');
    expect(out).toContain('\u001b[31m\u001b[1m✖ 3 problems');
    expect(await format('stylish', [results[1]!])).toBe('');
  });

  it('json is ESLint-shaped', async () => {
    const parsed = JSON.parse(await format('json'));
    expect(Object.keys(parsed[0])).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules']);
    expect(parsed[0].messages[0]).toMatchObject({ ruleId: 'contact-details', severity: 2, line: 3, column: 13, endLine: 3, endColumn: 26, nodeType: null });
    expect(parsed[2]).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
  });

  it('compact and unix', async () => {
    expect(await format('compact')).toBe(
      '/work/content/drafts/post.md: line 3, col 13, Error - Phone number 020 7946 0123: remove it. (contact-details)\n' +
        '/work/content/drafts/post.md: line 12, col 2, Warning - Mentions a political party: "Labour", needs a second reviewer. (political-content)\n' +
        '/work/content/photos/x.jpg: line 1, col 1, Error - x.jpg is named as a JPEG image but its content is text; nothing was checked.\n\n3 problems',
    );
    expect(await format('unix')).toBe(
      '/work/content/drafts/post.md:3:13: Phone number 020 7946 0123: remove it. [Error/contact-details]\n' +
        '/work/content/drafts/post.md:12:2: Mentions a political party: "Labour", needs a second reviewer. [Warning/political-content]\n' +
        '/work/content/photos/x.jpg:1:1: x.jpg is named as a JPEG image but its content is text; nothing was checked. [Error]\n\n3 problems',
    );
  });

  it('junit', async () => {
    const out = await format('junit');
    expect(out).toContain('<testsuite package="org.cftlint" time="0" tests="2" errors="2" name="/work/content/drafts/post.md">');
    expect(out).toContain('<testcase time="0" name="org.cftlint.political-content" classname="/work/content/drafts/post"><failure message="Mentions a political party: &quot;Labour&quot;, needs a second reviewer."><![CDATA[line 12, col 2, Warning - Mentions a political party: &quot;Labour&quot;, needs a second reviewer. (political-content)]]></failure></testcase>');
    expect(out).toContain('<testcase time="0" name="/work/content/drafts/fine.md" classname="/work/content/drafts/fine" />');
    expect(out).toContain('<error message="x.jpg is named');
  });

  it('github workflow commands', async () => {
    expect((await format('github')).split('\n')).toEqual([
      '::error file=drafts/post.md,line=3,col=13,endLine=3,endColumn=26,title=contact-details::Phone number 020 7946 0123: remove it.',
      '::warning file=drafts/post.md,line=12,col=2,title=political-content::Mentions a political party: "Labour", needs a second reviewer.',
      '::error file=photos/x.jpg,line=1,col=1,title=cftlint::x.jpg is named as a JPEG image but its content is text; nothing was checked.',
      '',
    ]);
  });

  it('sarif validates against the SARIF 2.1.0 schema', async () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    const log = JSON.parse(await format('sarif'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'drafts/post.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 13 } });
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('a custom formatter module by path', async () => {
    const dir = tempProject({ 'a.md': 'Ring 020 7946 0123.\n', 'count.mjs': 'export default (results) => `files: ${results.length}`;', '.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': 'error' } }) });
    expect((await cli(['.', '-f', './count.mjs'], { cwd: dir })).stdout).toBe('files: 1\n');
    const bad = await cli(['.', '-f', 'nope'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('There was a problem loading formatter: nope')]);
  });
});

describe('redaction', () => {
  it('masks evidence to its first character and kind, in messages and evidence, and drops the file text', () => {
    const [r] = redactResults([{ ...results[0]!, source: 'Ring 020 7946 0123' }]);
    expect(r!.messages[0]!.message).toBe('Phone number 0*** (phone number): remove it.');
    expect(r!.messages[0]!.evidence).toEqual({ text: '0*** (phone number)', kind: 'phone number' });
    expect(r!.source).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain('7946');
  });
  it('every formatter prints the masked form', async () => {
    const redacted = redactResults(results);
    for (const name of ['stylish', 'json', 'compact', 'unix', 'sarif', 'junit', 'github']) {
      expect(await format(name, redacted), name).not.toContain('7946');
    }
  });
});
