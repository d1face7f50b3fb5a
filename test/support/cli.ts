/** Runs the CLI in-process (fast, for most tests) or as a real process (bin/cftlint.js, for end-to-end tests). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = join(ROOT, 'bin/cftlint.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string; tty?: boolean; stderrTty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.stderrTty ?? false },
    readStdin: async () => opts.stdin ?? '',
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {}): CliRun {
  const env = { ...process.env, CI: '', FORCE_COLOR: '0', ...opts.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, input: opts.stdin ?? '', encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder filled with `files` (path → content). */
export function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cftlint-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function copyFixture(sub: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cftlint-fx-'));
  cpSync(join(FIXTURES, sub), dir, { recursive: true });
  return dir;
}

/** A config that runs only contact-details, so expected outputs don't move when other rules change. */
export const ONLY_CONTACT = JSON.stringify({ extends: [], rules: { 'contact-details': 'error' } });
