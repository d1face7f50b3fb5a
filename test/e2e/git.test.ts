import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, cli, spawnCli, tempProject, ONLY_CONTACT } from '../support/cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function repo(files: Record<string, string>): string {
  const dir = tempProject(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'comms@cft.example');
  git(dir, 'config', 'user.name', 'Comms Team');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

/** Installs the hook recipe from the README: a plain .git/hooks/pre-commit running `cftlint --staged`. */
function installHook(dir: string): void {
  const hook = join(dir, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --staged\n`);
  chmodSync(hook, 0o755);
}

const commit = (dir: string) => spawnSync('git', ['commit', '-q', '-m', 'post'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });

describe('pre-commit hook (cftlint --staged) in a real git repository', () => {
  it('refuses a commit with a child\'s details, lints the staged content not the working copy, and lets the fix through', () => {
    const dir = repo({ '.cftlintrc.json': ONLY_CONTACT, 'README.md': '# Content\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'init', '--no-verify');
    installHook(dir);

    writeFileSync(join(dir, 'post.md'), 'Lovely day. Call Sam on 020 7946 0123.\n');
    git(dir, 'add', 'post.md');
    const refused = commit(dir);
    expect(refused.status).not.toBe(0);
    // git shows a hook's output on stderr.
    const shown = refused.stdout + refused.stderr;
    expect(shown).toContain(join(dir, 'post.md'));
    expect(shown).toContain('contact-details');
    expect(shown).not.toContain('7946');

    // An unstaged fix does not hide the staged problem.
    writeFileSync(join(dir, 'post.md'), 'Lovely day.\n');
    expect(commit(dir).status).not.toBe(0);

    git(dir, 'add', 'post.md');
    const accepted = commit(dir);
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    expect(git(dir, 'log', '--oneline')).toContain('post');
  });

  it('lints only staged files, with their real paths; deleted files are skipped', async () => {
    const dir = repo({ '.cftlintrc.json': ONLY_CONTACT, 'old.md': 'Call 020 7946 0001.\n', 'drafts/a.md': 'fine\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'init');
    git(dir, 'rm', '-q', 'old.md');
    writeFileSync(join(dir, 'drafts/a.md'), 'Call 020 7946 0002.\n');
    writeFileSync(join(dir, 'unstaged.md'), 'Call 020 7946 0003.\n');
    git(dir, 'add', 'drafts/a.md');
    const r = await cli(['--staged', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'drafts/a.md')]);
    expect((await cli(['--staged', '--fix'], { cwd: dir })).code).toBe(2);
  });

  it('a staged run loads no image machinery (no TensorFlow, face model, sharp or exifr)', () => {
    const dir = repo({ '.cftlintrc.json': ONLY_CONTACT, 'post.md': 'Hello there.\n' });
    git(dir, 'add', '.');
    const log = join(mkdtempSync(join(tmpdir(), 'cftlint-modlog-')), 'modules.txt');
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/module-log.mjs'), BIN, '--staged'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CFTLINT_MODULE_LOG: log },
    });
    expect(r.status, r.stderr).toBe(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain('/dist/src/cli/main.js');
    for (const heavy of ['@tensorflow', 'face-api', '/sharp/', '/exifr/', 'heic-decode', 'exiftool', 'piscina']) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  });
});

describe('CI helpers', () => {
  it('--changed-since lints only files changed since a ref (committed, uncommitted and untracked)', async () => {
    const dir = repo({ '.cftlintrc.json': ONLY_CONTACT, 'a.md': 'Call 020 7946 0001.\n', 'b.md': 'fine\n', 'c.md': 'fine\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(dir, 'b.md'), 'Call 020 7946 0002.\n');
    git(dir, 'commit', '-q', '-am', 'edit b');
    writeFileSync(join(dir, 'c.md'), 'changed\n');
    writeFileSync(join(dir, 'new.md'), 'new\n');
    const r = await cli(['.', '--changed-since', base, '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1))).toEqual(['b.md', 'c.md', 'new.md']);
    const bad = await cli(['.', '--changed-since', 'no-such-ref'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cftlint: git diff failed: /);
  });

  it('--shard splits the files deterministically and merge-reports joins the shards', async () => {
    const files: Record<string, string> = { '.cftlintrc.json': ONLY_CONTACT };
    for (let i = 0; i < 7; i++) files[`p${i}.md`] = i % 2 ? `Call 020 7946 000${i}.\n` : 'fine\n';
    const dir = tempProject(files);
    const shards = [];
    for (let i = 1; i <= 3; i++) {
      const r = await cli(['.', '--shard', `${i}/3`, '-f', 'json', '-o', `shard-${i}.json`], { cwd: dir });
      shards.push(JSON.parse(readFileSync(join(dir, `shard-${i}.json`), 'utf8')).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1)));
      expect(r.code).toBe(1);
    }
    expect(shards).toEqual([['p0.md', 'p3.md', 'p6.md'], ['p1.md', 'p4.md'], ['p2.md', 'p5.md']]);
    const merged = await cli(['merge-reports', 'shard-1.json', 'shard-2.json', 'shard-3.json', '-f', 'json'], { cwd: dir });
    expect(merged.code).toBe(1);
    expect(JSON.parse(merged.stdout)).toHaveLength(7);
    const whole = await cli(['.', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
    expect((await cli(['.', '--shard', '4/3'], { cwd: dir })).code).toBe(2);
  });

  it('--format github under CI prints redacted annotations', () => {
    const dir = tempProject({ '.cftlintrc.json': ONLY_CONTACT, 'post.md': 'Call 020 7946 0123.\n' });
    const r = spawnCli(['.', '-f', 'github'], { cwd: dir, env: { CI: 'true' } });
    expect(r.stdout).toBe('::error file=post.md,line=1,col=6,endLine=1,endColumn=19,title=contact-details::Phone number 0*** (phone number): contact details can lead to a child or their foster family. Remove it, or give the Trust\'s main number.\n');
  });
});
