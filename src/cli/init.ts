/** --init: writes a commented `.cftlintrc.yaml`; asks for a preset only when someone is at the terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { PACKAGE_ROOT } from '../paths.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import type { CliIO } from './main.js';

export const INIT_FILE = '.cftlintrc.yaml';

async function askPreset(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question('Which preset? recommended (errors for child details, warnings for the rest) or strict (everything is an error) [recommended]: ')).trim().toLowerCase();
    return answer.startsWith('s') ? 'cftlint:strict' : 'cftlint:recommended';
  } finally {
    rl.close();
  }
}

export async function initConfig(cwd: string, io: Pick<CliIO, 'stdout' | 'stderr' | 'stdinIsTTY'>): Promise<number> {
  const target = join(cwd, INIT_FILE);
  if (existsSync(target)) {
    io.stderr.write(`cftlint: ${target} already exists; not overwritten.\n`);
    return 2;
  }
  const preset = io.stdinIsTTY ? await askPreset() : 'cftlint:recommended';
  const example = readFileSync(join(PACKAGE_ROOT, '.cftlintrc.example'), 'utf8');
  await writeFileAtomic(target, example.replace(/^extends: .*$/m, `extends: ${preset}`));
  io.stdout.write(`Wrote ${target} (extends ${preset}).\n`);
  return 0;
}
