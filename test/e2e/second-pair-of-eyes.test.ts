import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempProject } from '../support/cli.js';

const draft = ['---', 'title: Funding news', 'author: Sam Writer', '---', '', 'Our local MP visited and talked about the funding cuts facing children in care.', ''].join('\n');
const strict = JSON.stringify({ extends: 'cftlint:strict', rules: {} });

describe('second pair of eyes, end to end', () => {
  it('an unreviewed political draft fails strict in CI; after `cftlint approve` it passes; an edit re-opens it', async () => {
    const dir = tempProject({ 'post.md': draft, '.cftlintrc.json': strict });
    const env = { CI: 'true' };
    const before = await cli(['post.md', '-f', 'json'], { cwd: dir, env });
    expect(before.code).toBe(1);
    const political = JSON.parse(before.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'political-content');
    expect(political.length).toBeGreaterThan(0);

    const refused = await cli(['approve', 'post.md', '--by', 'Sam Writer'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("author");

    const approved = await cli(['approve', 'post.md', '--by', 'A. Reviewer', '--on', '2026-11-25'], { cwd: dir });
    expect(approved.code).toBe(0);
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toMatch(/review:\n {2}by: A\. Reviewer\n {2}on: 2026-11-25\n {2}hash: [0-9a-f]{64}/);

    const after = await cli(['post.md', '-f', 'json'], { cwd: dir, env });
    const [result] = JSON.parse(after.stdout);
    expect(result.messages.filter((m: { ruleId: string }) => m.ruleId === 'political-content')).toEqual([]);
    expect(result.suppressedMessages[0].suppressions).toEqual([{ kind: 'review', justification: 'reviewed by A. Reviewer on 2026-11-25' }]);

    writeFileSync(join(dir, 'post.md'), readFileSync(join(dir, 'post.md'), 'utf8').replace('visited', 'visited again'));
    const edited = await cli(['post.md', '-f', 'json', '--no-redact'], { cwd: dir, env });
    expect(edited.code).toBe(1);
    const messages = JSON.parse(edited.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'political-content');
    expect(messages[0].message).toContain('Reviewed by A. Reviewer on 2026-11-25, but changed since');
  });

  it('plain text drafts get a sidecar sign-off, and the cache notices it', async () => {
    const dir = tempProject({ 'note.txt': 'The MP spoke about asylum seekers.\n', '.cftlintrc.json': strict });
    expect((await cli(['.', '--cache'], { cwd: dir })).code).toBe(1);
    expect((await cli(['approve', 'note.txt', '--by', 'Line Manager'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'note.txt.review.yaml'))).toBe(true);
    const r = await cli(['.', '--cache', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'political-content')).toEqual([]);
  });

  it('settings.reviewers restricts who may sign off', async () => {
    const dir = tempProject({ 'post.md': draft, '.cftlintrc.json': JSON.stringify({ settings: { reviewers: ['Line Manager'] } }) });
    const r = await cli(['approve', 'post.md', '--by', 'A. Reviewer'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not listed in settings.reviewers');
    expect((await cli(['approve', 'post.md', '--by', 'Line Manager'], { cwd: dir })).code).toBe(0);
  });

  it('approve without --by is a usage error', async () => {
    expect((await cli(['approve', 'post.md'], { cwd: tempProject({ 'post.md': draft }) })).code).toBe(2);
  });
});
