import { describe, it, expect } from 'vitest';
import { spawnCli, tempProject } from '../support/cli.js';

const drafts = (n: number) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`d${String(i).padStart(3, '0')}.md`] = i % 3 ? `# Post ${i}\n\nWe are recruiting carers across Kent.\n` : `# Post ${i}\n\nOur foster son Tom, aged ${(i % 9) + 5}, loves football. Ring 020 7946 0${String(i).padStart(3, '0')}.\n`;
  }
  return files;
};

describe('large text runs use worker threads', () => {
  it('gives the same report with 2 threads as with 1, in the same order', () => {
    const dir = tempProject(drafts(240));
    const one = spawnCli(['.', '-f', 'json', '--concurrency', '1', '--debug'], { cwd: dir });
    const two = spawnCli(['.', '-f', 'json', '--concurrency', '2', '--debug'], { cwd: dir });
    expect(one.stderr).not.toContain('threads');
    expect(two.stderr).toContain('linting 240 files in 2 threads');
    expect(two.code).toBe(1);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it('a config error in a worker stops the run with exit 2 and one line', () => {
    const dir = tempProject({ ...drafts(240), 'sub/.cftlintrc.json': JSON.stringify({ rules: { 'no-such-rule': 'error' } }), 'sub/x.md': 'hi\n' });
    const r = spawnCli(['.', '--concurrency', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^cftlint: .*sub\/\.cftlintrc\.json: rules\.no-such-rule: unknown rule 'no-such-rule'/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
