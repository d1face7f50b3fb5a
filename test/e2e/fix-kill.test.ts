/**
 * Nothing lost: SIGKILL a `--fix` run over 200 geotagged photos at random moments, many times. Every file must be,
 * byte for byte, either the untouched original or the completely fixed file, and the next run removes the temp
 * files the killed runs left. Runs: CFTLINT_KILL_RUNS (default 4; `npm run test:fuzz` raises it).
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { geotagged } from '../../fixtures/images/generate.js';
import { BIN, spawnCli } from '../support/cli.js';

const FILES = 200;
const RUNS = Number(process.env.CFTLINT_KILL_RUNS ?? 4);
const CONFIG = JSON.stringify({ extends: [], rules: { 'image-location': 'error', 'image-metadata': 'warn' } });

function killAfter(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '.', '--fix', '-f', 'json'], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('--fix is atomic under SIGKILL', () => {
  it(`every file is the original or the fixed file, ${RUNS} kills over ${FILES} photos`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cftlint-kill-'));
    const originals = new Map<string, Buffer>();
    for (let i = 0; i < FILES; i++) {
      const bytes = await geotagged('jpeg', { width: 48, height: 32, seed: i });
      originals.set(`p${String(i).padStart(3, '0')}.jpg`, bytes);
    }
    for (const [name, bytes] of originals) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, '.cftlintrc.json'), CONFIG);

    // The reference: the same folder fixed by a run that is not interrupted.
    const reference = mkdtempSync(join(tmpdir(), 'cftlint-kill-ref-'));
    cpSync(dir, reference, { recursive: true });
    expect(spawnCli(['.', '--fix'], { cwd: reference }).code).toBe(0);
    const fixed = new Map([...originals.keys()].map((name) => [name, readFileSync(join(reference, name))]));
    expect([...fixed].filter(([name, bytes]) => bytes.equals(originals.get(name)!))).toEqual([]);

    const delays = fc.sample(fc.integer({ min: 150, max: 2500 }), { numRuns: RUNS, seed: 20261125 });
    let sawPartial = false;
    for (const delay of delays) {
      await killAfter(dir, delay);
      let done = 0;
      for (const [name, original] of originals) {
        const now = readFileSync(join(dir, name));
        const state = now.equals(original) ? 'original' : now.equals(fixed.get(name)!) ? 'fixed' : 'damaged';
        expect(state, `${name} after a kill at ${delay} ms`).not.toBe('damaged');
        if (state === 'fixed') done++;
      }
      if (done > 0 && done < FILES) sawPartial = true;
      // Put the originals back so each kill starts from the same place.
      for (const [name, bytes] of originals) writeFileSync(join(dir, name), bytes);
    }
    if (RUNS >= 4) expect(sawPartial, 'at least one kill landed in the middle of the run').toBe(true);

    const leftovers = readdirSync(dir).filter((f) => f.includes('.cftlint-tmp-'));
    const next = spawnCli(['.', '--fix', '--debug'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.cftlint-tmp-'))).toEqual([]);
    if (leftovers.length) expect(next.stderr).toContain(`removed ${leftovers.length} temp file(s)`);
    for (const [name] of originals) expect(readFileSync(join(dir, name)).equals(fixed.get(name)!), name).toBe(true);
  }, 180_000);
});
