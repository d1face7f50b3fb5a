/**
 * Extreme drafts through the built CLI (bin/cftlint.js, so `npm run build` first; `pretest` does): 10,000-deep
 * block quotes, lists and inline nesting, and a single line of megabytes (1 MB in `npm test`, 5 MB with FUZZ_RUNS).
 * Each runs in its own process with a deadline, beside a small control draft: the run must end in time with exit
 * 0/1 and a JSON report that parses, the control draft must still be linted, and the extreme draft gets either
 * normal messages or one clear fatal message (never a rule crash).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/types.js';
import { BIN } from '../support/cli.js';
import { LONG, assertInside, lineLengths } from './support.js';

const DEPTH = 10_000;
const LINE_BYTES = (LONG ? 5 : 1) * 1024 * 1024;
/** Wall-clock limit for one run; generous (a 2-core CI machine), but a hang or quadratic blow-up fails. */
const DEADLINE_MS = LONG ? 120_000 : 12_000;

/** Prose as drafts have it: mostly harmless sentences, now and then a detail the rules flag. */
const SENTENCES = [
  'Thank you to everyone who came to the summer fair on Saturday.',
  'Our carers raised more than four hundred pounds for the sensory room.',
  'Lily, aged 9, loved the face painting.',
  'The weather held until the very end, which felt like a small miracle.',
  'If you are thinking about fostering, come and talk to us.',
  'Call the Trust on 020 7946 0000 to find out more.',
  'Volunteers from the local rotary club ran the tombola.',
  'We will be back next year with an even bigger bouncy castle.',
  'Jamal and his foster family live near Oakfield Academy.',
  'Every child deserves a safe and loving home.',
];
/** One line of about `bytes` characters of prose (no line breaks). */
function proseLine(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const s = SENTENCES[i % SENTENCES.length]!;
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ');
}

const CASES: { name: string; file: string; text: () => string }[] = [
  { name: `${DEPTH}-deep block quotes on one line`, file: 'quotes.md', text: () => '> '.repeat(DEPTH) + 'Lily, aged 9, goes to Oakfield Academy.\n' },
  { name: `${DEPTH}-deep lists on one line`, file: 'lists.md', text: () => '- '.repeat(DEPTH) + 'Lily, aged 9, goes to Oakfield Academy.\n' },
  { name: `${DEPTH} quote markers without spaces, then a list`, file: 'quote-lines.md', text: () => Array.from({ length: DEPTH }, () => '>').join('') + ' ' + Array.from({ length: 100 }, (_, i) => `- item ${i}`).join('\n') },
  { name: `${DEPTH}-deep links and emphasis`, file: 'inline.md', text: () => '[*'.repeat(DEPTH) + 'Lily' + '*](x)'.repeat(DEPTH) + '\n' },
  { name: `a ${LINE_BYTES / 1048576} MB single line of prose (Markdown)`, file: 'long.md', text: () => proseLine(LINE_BYTES) },
  { name: `a ${LINE_BYTES / 1048576} MB single line of prose (plain text)`, file: 'long.txt', text: () => proseLine(LINE_BYTES) },
  { name: `a ${LINE_BYTES / 1048576} MB line of spaces and tabs (plain text)`, file: 'blank.txt', text: () => ' \t'.repeat(LINE_BYTES / 2) + 'x\n' },
  { name: `a ${LINE_BYTES / 1048576} MB line of spaces and tabs (Markdown)`, file: 'blank.md', text: () => ' \t'.repeat(LINE_BYTES / 2) + 'x\n' },
];

const CONTROL = 'Call us on 020 7946 0000.\n';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** At most two runs at once (a 2-core machine). */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Runs the built CLI with a deadline (killed when it passes). */
function runCli(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '', FORCE_COLOR: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, DEADLINE_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - start, timedOut });
    });
  });
}

describe('extreme inputs through the built CLI', () => {
  it.concurrent.each(CASES)('$name: ends in time, exit 0/1, JSON parses, no crash', async ({ file, text }) => {
    const dir = mkdtempSync(join(tmpdir(), 'cftlint-extreme-'));
    dirs.push(dir);
    const content = text();
    writeFileSync(join(dir, file), content);
    writeFileSync(join(dir, 'control.md'), CONTROL);
    const run = await slot(() => runCli([file, 'control.md', '-f', 'json', '--no-config-lookup'], dir));
    const summary = `${file} (${content.length} chars): ${run.timedOut ? `killed after ${DEADLINE_MS} ms` : `exit ${run.code} in ${Math.round(run.ms)} ms`}; stderr: ${run.stderr.slice(0, 300)}`;
    expect(run.timedOut, summary).toBe(false);
    expect([0, 1], summary).toContain(run.code);
    const results = JSON.parse(run.stdout) as LintResult[];
    const control = results.find((r) => r.filePath.endsWith('control.md'));
    expect(control?.messages.some((m) => m.ruleId === 'contact-details' && m.line === 1 && m.column === 12), `control draft not linted: ${summary}`).toBe(true);
    const extreme = results.find((r) => r.filePath.endsWith(file))!;
    const fatal = extreme.messages.filter((m) => m.fatal);
    expect(fatal.filter((m) => m.ruleId !== null).map((m) => m.message), 'a rule crashed').toEqual([]);
    expect(fatal.length).toBeLessThanOrEqual(1);
    const lengths = lineLengths(content);
    for (const m of extreme.messages) assertInside(m, content, lengths);
  }, DEADLINE_MS * 2 + 10_000);
});
