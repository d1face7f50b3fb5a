/**
 * Pre-commit speed: wall time of `cftlint --staged` on one staged Markdown draft in a real git repository,
 * side by side with `node -e ""` (the floor any Node tool pays). Medians of interleaved runs.
 *   npm run bench:hook [-- --runs 15]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const bin = join(PACKAGE_ROOT, 'bin/cftlint.js');

const dir = mkdtempSync(join(tmpdir(), 'cftlint-hook-bench-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
git('init', '-q');
writeFileSync(
  join(dir, 'post.md'),
  '# Summer picnic\n\nA huge thank you to all our foster carers who came along to the picnic in the park. ' +
    'We are recruiting carers across Kent: call the Trust to find out more.\n',
);
git('add', 'post.md');

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, CI: '' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const floor: number[] = [];
const hook: number[] = [];
time([bin, '--staged']); // warm the file cache
for (let i = 0; i < runs; i++) {
  floor.push(time(['-e', '']));
  hook.push(time([bin, '--staged']));
}
const f = median(floor);
const h = median(hook);
console.log(`pre-commit hook bench: ${runs} interleaved runs, ${cpus().length} cores, node ${process.version}`);
console.log('| command | median wall time |');
console.log('| --- | --- |');
console.log(`| node -e "" (floor) | ${f.toFixed(0)} ms |`);
console.log(`| cftlint --staged (1 Markdown file) | ${h.toFixed(0)} ms |`);
console.log(`| ratio | ${(h / f).toFixed(2)}x |`);
