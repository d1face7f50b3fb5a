/**
 * Git as a file source, for hooks and CI: the staged files with their staged content (what `git show :path`
 * returns, not the working copy), and the files changed since a ref.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitError extends Error {}

async function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding, maxBuffer: 1024 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

const paths = (out: string | Buffer) => String(out).split('\0').filter(Boolean);

async function topLevel(cwd: string): Promise<string> {
  return String(await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** Absolute paths of files added, copied, modified or renamed in the index. */
export async function stagedFiles(cwd: string): Promise<string[]> {
  const top = await topLevel(cwd);
  return paths(await git(top, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'])).map((p) => resolve(top, p));
}

/** The staged content of a file (the blob in the index). */
export async function readStaged(filePath: string): Promise<Buffer> {
  const cwd = resolve(filePath, '..');
  const top = await topLevel(cwd);
  const rel = filePath.slice(top.length + 1).split('\\').join('/');
  return (await git(top, ['show', `:${rel}`], 'buffer')) as Buffer;
}

/** Absolute paths of files that differ from `ref` in the working tree (committed or not), plus untracked files. */
export async function changedSince(cwd: string, ref: string): Promise<string[]> {
  const top = await topLevel(cwd);
  const changed = paths(await git(top, ['diff', '--name-only', '--diff-filter=ACMR', '-z', ref, '--']));
  const untracked = paths(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
  return [...new Set([...changed, ...untracked])].map((p) => resolve(top, p));
}
