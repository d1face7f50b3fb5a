import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempProject, FIXTURES } from '../support/cli.js';
import { applyTextFixes } from '../../src/engine/fixer.js';

const config = JSON.stringify({ extends: [], plugins: [join(FIXTURES, 'plugins/cftlint-plugin-demo.js')], rules: { 'demo/no-nicknames': 'error' } });

describe('fixes', () => {
  it('applies non-overlapping fixes in order and skips overlaps', () => {
    expect(applyTextFixes('abcdef', [{ range: [4, 5], text: 'E' }, { range: [0, 2], text: 'AB' }, { range: [1, 3], text: 'x' }])).toEqual({ output: 'ABcdEf', applied: 2 });
  });

  it('--fix writes the fixed file atomically, keeps its mode, leaves no temp files', async () => {
    const dir = tempProject({ 'a.md': '\ufeffHi Bubbles!\r\nBye Bubbles.\r\n', '.cftlintrc.json': config });
    chmodSync(join(dir, 'a.md'), 0o640);
    const r = await cli(['.', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('\ufeffHi our young person!\r\nBye our young person.\r\n');
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.includes('cftlint-tmp'))).toEqual([]);
  });

  it('--fix-dry-run reports the output in JSON and leaves the file alone', async () => {
    const dir = tempProject({ 'a.md': 'Hi Bubbles!\n', '.cftlintrc.json': config });
    const r = await cli(['.', '--fix-dry-run', '-f', 'json', '--no-redact'], { cwd: dir });
    const [result] = JSON.parse(r.stdout);
    expect(result.output).toBe('Hi our young person!\n');
    expect(result.messages).toEqual([]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Hi Bubbles!\n');
  });

  it('never fixes a file it could not parse', async () => {
    const dir = tempProject({ 'a.txt': Buffer.from('Hi Bubbles \xff\n', 'latin1'), '.cftlintrc.json': config });
    await cli(['.', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'latin1')).toBe('Hi Bubbles \xff\n');
  });
});
