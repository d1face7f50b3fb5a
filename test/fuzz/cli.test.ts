/**
 * Fuzz the command line (in-process): random drafts and damaged bytes on disk, and random flag combinations.
 * Exit codes are 0/1/2 only; a folder of bad files still lints (exit 0/1, never an internal error), each bad file
 * gets at most one fatal message, and the JSON report always parses.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/types.js';
import { cli } from '../support/cli.js';
import { budget, draft, lineLengths, params, runs, assertInside } from './support.js';

const dirs: string[] = [];
/** A fresh temporary folder, removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cftlint-fuzz-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A draft's bytes, sometimes damaged: bit flips, truncation, a UTF-16 BOM, NULs. */
const draftBytes = fc
  .tuple(
    draft,
    fc.constantFrom('none', 'flip', 'truncate', 'utf16', 'bom8'),
    fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  )
  .map(([text, damage, positions]) => {
    let bytes = Buffer.from(text, 'utf8');
    if (damage === 'flip' && bytes.length > 0) {
      bytes = Buffer.from(bytes);
      for (const p of positions) bytes[p % bytes.length] ^= 1 << (p % 8);
    } else if (damage === 'truncate') bytes = bytes.subarray(0, positions[0]! % (bytes.length + 1));
    else if (damage === 'utf16') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    else if (damage === 'bom8') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    return bytes;
  });

const fileName = fc.constantFrom('post.md', 'caption.txt', 'notes.markdown', 'a b/ü.md', '.hidden.md', 'UPPER.MD', 'x.mdx', 'dir/deep/er.txt');

describe('fuzz: command line', () => {
  it('lints a folder of random and damaged drafts: exit 0/1, JSON parses, one result per file, positions inside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(fileName, draftBytes), { minLength: 1, maxLength: 3, selector: ([name]) => name }), async (files) => {
        const dir = tempDir();
        const { mkdirSync } = await import('node:fs');
        for (const [name, bytes] of files) {
          mkdirSync(join(dir, name, '..'), { recursive: true });
          writeFileSync(join(dir, name), bytes);
        }
        const run = await cli(['.', '-f', 'json', '--no-config-lookup', '--no-redact', '--no-error-on-unmatched-pattern'], { cwd: dir });
        expect(run.stderr, 'an internal error').not.toMatch(/This is a bug in cftlint/);
        expect([0, 1], `exit ${run.code}: ${run.stderr}`).toContain(run.code);
        const results = JSON.parse(run.stdout) as LintResult[];
        for (const result of results) {
          const fatal = result.messages.filter((m) => m.fatal);
          expect(fatal.filter((m) => m.ruleId !== null).map((m) => m.message), 'a rule crashed').toEqual([]);
          expect(fatal.length).toBeLessThanOrEqual(1);
          if (fatal.length === 0 && result.source !== undefined) {
            const lengths = lineLengths(result.source);
            for (const m of result.messages) assertInside(m, result.source, lengths);
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      params(runs(30, 20)),
    );
  }, budget(40_000));

  /** Flags with plausible and hostile values; paths stay inside the temporary folder. */
  const safeString = fc.string({ maxLength: 12 }).filter((s) => !s.includes('..') && !/^[/~\\]/.test(s) && !s.includes('\0'));
  const flag = fc.oneof(
    fc.constantFrom(['--quiet'], ['--no-color'], ['--color'], ['--redact'], ['--no-redact'], ['--fix-dry-run'], ['--no-ignore'],
      ['--no-config-lookup'], ['--report-unused-disable-directives'], ['--list-rules'], ['--cache'], ['--no-error-on-unmatched-pattern'],
      ['-v'], ['-h'], ['--bogus'], ['-Z'], ['--'], ['--print-config', 'post.md'], ['-o', 'out/report.txt'], ['--stdin'], ['--init'],
      ['merge-reports'], ['approve']),
    fc.tuple(fc.constantFrom('-f', '--format'), fc.constantFrom('json', 'stylish', 'sarif', 'junit', 'github', 'compact', 'unix', 'html', 'nope', './nope.js')),
    fc.tuple(fc.constantFrom('--max-warnings', '--concurrency', '--max-file-size'), fc.oneof(fc.integer({ min: -3, max: 5 }).map(String), safeString)),
    fc.tuple(fc.constant('--rule'), fc.oneof(fc.constantFrom('child-name: off', 'contact-details: [error, {allow: ["x"]}]', 'nope: error', 'contact-details: purple', '{', 'a: [', '- x'), safeString)),
    fc.tuple(fc.constantFrom('--ignore-pattern', '--stdin-filename', '--ignore-path', '-c', '--cache-location'), safeString),
    fc.constantFrom(['post.md'], ['.'], ['*.md'], ['missing.md'], ['**/*.txt'], ['photo.jpg'], ['']),
  );

  it('survives random flag combinations: exit 0/1/2, never an internal error or a rejected promise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(flag, { maxLength: 6 }), draft, async (flags, stdin) => {
        const dir = tempDir();
        writeFileSync(join(dir, 'post.md'), 'Lily, aged 9, goes to Oakfield Academy. Call 020 7946 0000.\n');
        writeFileSync(join(dir, 'photo.jpg'), 'not really a photo');
        const argv = flags.flat();
        const run = await cli(argv, { cwd: dir, stdin });
        expect([0, 1, 2], `exit ${run.code} for ${JSON.stringify(argv)}`).toContain(run.code);
        expect(run.stderr, `internal error for ${JSON.stringify(argv)}`).not.toMatch(/This is a bug in cftlint|internal error/);
        rmSync(dir, { recursive: true, force: true });
      }),
      params(runs(60, 10)),
    );
  }, budget(40_000));
});
