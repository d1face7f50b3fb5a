import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { cli, FIXTURES, tempProject, ONLY_CONTACT } from '../support/cli.js';
import { parseDirectives } from '../../src/engine/directives.js';
import { LineIndex } from '../../src/processors/line-index.js';

const lintJson = async (args: string[], cwd?: string) => {
  const r = await cli([...args, '-f', 'json', '--no-redact', '--rule', 'contact-details: error'], { cwd });
  return JSON.parse(r.stdout)[0];
};

describe('inline directives', () => {
  it('parses every form, with rule lists and reasons', () => {
    const text = '<!-- cftlint-disable child-name, school-name -- consent on file, ref 2291 -->\n<!-- cftlint-enable -->\n<!-- cftlint-disable-next-line -->\n<!-- not a directive -->';
    const ds = parseDirectives(text, 'markdown', new LineIndex(text));
    expect(ds.map((d) => [d.type, d.ruleIds, d.justification, d.line, d.targetLine])).toEqual([
      ['disable', ['child-name', 'school-name'], 'consent on file, ref 2291', 1, 1],
      ['enable', [], '', 2, 2],
      ['disable-next-line', [], '', 3, 4],
    ]);
  });

  it('Markdown: disable-line, disable-next-line, disable/enable blocks; suppressed messages keep the reason', async () => {
    const result = await lintJson([join(FIXTURES, 'directives/all-forms.md')]);
    expect(result.messages.map((m: { line: number }) => m.line)).toEqual([8, 14]);
    expect(result.suppressedMessages.map((m: { line: number; suppressions: unknown }) => [m.line, m.suppressions])).toEqual([
      [3, [{ kind: 'directive', justification: 'number is the Trust office, ref 2291' }]],
      [6, [{ kind: 'directive', justification: 'consent on file' }]],
      [11, [{ kind: 'directive', justification: '' }]],
    ]);
  });

  it('plain text: directives on a line of their own', async () => {
    const result = await lintJson([join(FIXTURES, 'directives/plain.txt')]);
    expect(result.messages.map((m: { line: number }) => m.line)).toEqual([5]);
    expect(result.suppressedMessages.map((m: { line: number }) => m.line)).toEqual([4]);
  });

  it('--report-unused-disable-directives reports a directive that suppresses nothing', async () => {
    const r = await cli([join(FIXTURES, 'directives/all-forms.md'), '-f', 'json', '--rule', 'contact-details: error', '--report-unused-disable-directives']);
    const unused = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string | null }) => m.ruleId === null);
    expect(unused).toEqual([expect.objectContaining({ line: 16, severity: 2, message: "Unused cftlint-disable-next-line directive (no problems were reported from 'child-name')." })]);
  });

  it('a disable for one rule leaves the others on', async () => {
    const dir = tempProject({ 'a.md': '<!-- cftlint-disable child-name -->\nRing 020 7946 0123.\n', '.cftlintrc.json': ONLY_CONTACT });
    const result = await lintJson(['a.md'], dir);
    expect(result.messages).toHaveLength(1);
  });
});
