/**
 * Shared pieces of the fuzz tests: run counts and seeds (fixed by default; `FUZZ_RUNS` and `FUZZ_SEED` for the long
 * runs of `npm run test:fuzz`), generators of hostile drafts, the built-in rules as configured by default, and the
 * invariants every lint result must keep.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { LintMessage, LintResult, Rule } from '../../src/types.js';
import { builtinRules } from '../../src/engine/registry.js';
import { resolveRuleOptions } from '../../src/config/rule-options.js';
import type { ConfiguredRule } from '../../src/engine/linter.js';

/** Set by `npm run test:fuzz`: the run count for the cheap properties (the expensive ones take a share of it). */
const LONG_RUNS = Number(process.env.FUZZ_RUNS) || 0;
export const LONG = LONG_RUNS > 0;
export const SEED = Number(process.env.FUZZ_SEED ?? 20260207);

/** Runs for a property: `base` in `npm test`; with FUZZ_RUNS, that count divided by how costly one run is. */
export function runs(base: number, costPerRun = 1): number {
  return LONG ? Math.max(base, Math.floor(LONG_RUNS / costPerRun)) : base;
}

/** fast-check parameters: the fixed seed, the run count, and no shrinking hang (shrinking is bounded in time). */
export function params(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns, endOnFailure: false, interruptAfterTimeLimit: LONG ? 3_000_000 : 50_000, markInterruptAsFailure: true };
}

/** A vitest timeout: `ms` in `npm test`, an hour in the long runs. */
export const budget = (ms: number) => (LONG ? 3_600_000 : ms);

/** Every built-in rule of `kind`, at its default options (as `cftlint:recommended` runs it, at error level). */
export async function defaultRules(kind: 'text' | 'image'): Promise<ConfiguredRule[]> {
  const all = await builtinRules();
  return [...all]
    .filter(([, rule]) => rule.meta.kind === kind)
    .map(([id, rule]: [string, Rule]) => ({ id, rule, severity: 2 as const, options: resolveRuleOptions(rule, {}) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Strange characters: combining marks, emoji (ZWJ, flags, skin tones), RTL text and controls, NUL, lone surrogates. */
const oddities = fc.constantFrom(
  'e\u0301', 'a\u0308\u0323\u0301', '\u0301', 'Zalgo\u0336\u0337\u0338', '\u200d', '\u200b', '\ufeff', '\u00a0',
  '👍', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇬🇧', '👋🏽', '\u{1F600}\u{1F600}', '𝔏𝔦𝔩𝔶', 'ﬁ',
  'שלום', 'مرحبا بكم', '\u202eLily\u202c', '\u200fRTL\u200e', '\u2066isolated\u2069',
  '\0', '\0\0', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\u2029', '\f', '\v', '\t',
  '\ud800', '\udfff', '\udc00x', 'x\ud83d', '\ud83d\ud83d', '\uffff', '\ufffd',
);

/** Words and phrases that make the rules fire, so their reports (and positions) are exercised too. */
const policyish = fc.constantFrom(
  'Lily', 'Jamal', 'Xander', 'our foster son Tom', 'aged 9', '(7)', 'age 12', 'is 14 years old', 'born on 3 March 2015',
  'DOB 03/03/2015', "St Mary's Primary School", 'Oakfield Academy', 'Year 6', '020 7946 0000', '07700 900123',
  'lily@example.org', 'SW1A 1AA', 'M1 1AE', '12 Oak Road', 'lives in Leeds', '@lily_2015', 'password: hunter2',
  'AKIAIOSFODNN7EXAMPLE', 'Vote Labour', 'the Conservatives', 'Brexit', 'the Trust is failing', 'In my opinion',
  'I think', 'Photo: Getty Images', 'https://example.org/a?b=c', 'placement breakdown', 'contact with birth mum',
);

/** Markdown syntax pieces, in the middle of a line. */
const inlineMarkup = fc.constantFrom(
  '*', '**', '_', '`', '``', '~~', '[', ']', '](', ')', '![', '<', '>', '<br>', '<!--', '-->', '\\', '|', '&amp;',
  '&#0;', '&#xD800;', '[^1]', '<https://x.y>', '<!-- cftlint-disable -->', '<!-- cftlint-disable-line child-name -- ok -->',
);

/** What may start a line: nesting, headings, lists, tables, fences, front matter, directives. */
const linePrefix = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => '> '.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => '- '.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((n) => '  '.repeat(n) + '* ') },
  { weight: 1, arbitrary: fc.constantFrom('# ', '###### ', '1. ', '1) ', '    ', '\t', '| ', '|---|---|', '```', '~~~', '---', '***', '+++', '[x]: ') },
  { weight: 1, arbitrary: fc.constantFrom('cftlint-disable-next-line', '# cftlint-disable child-age', '// cftlint-enable') },
);

const lineEnd = fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n', '\r\r\n', '');

/** One line of a draft: a prefix and a mix of words, oddities, markup and random Unicode. */
const line = fc
  .tuple(
    linePrefix,
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: policyish },
        { weight: 2, arbitrary: oddities },
        { weight: 2, arbitrary: inlineMarkup },
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        { weight: 3, arbitrary: fc.constantFrom(' ', '  ', ', ', '. ', ' and ', ' who is ') },
      ),
      { maxLength: 16 },
    ),
    lineEnd,
  )
  .map(([prefix, parts, end]) => prefix + parts.join('') + end);

/** A draft: maybe YAML front matter, then lines. */
export const draft = fc
  .tuple(
    fc.option(
      fc.tuple(fc.constantFrom('title', 'caption', 'tags', 'author'), fc.array(fc.oneof(policyish, oddities, fc.string()), { maxLength: 4 })).map(
        ([key, values]) => `---\n${key}: ${JSON.stringify(values.join(' '))}\nlist:\n  - ${values[0] ?? ''}\n---\n`,
      ),
      { freq: 5 },
    ),
    fc.array(line, { maxLength: 30 }),
  )
  .map(([front, lines]) => (front ?? '') + lines.join(''));

export const format = fc.constantFrom('markdown' as const, 'plaintext' as const);

// ---------------------------------------------------------------------------------------------------------------
// Invariants

/** Lengths of the lines of `text` as LineIndex splits them (CRLF, CR and LF each end a line). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Throws, naming the problem, unless `m`'s line/column and end lie inside `text` and do not split a character. */
export function assertInside(m: LintMessage, text: string, lengths = lineLengths(text)): void {
  const where = `${m.ruleId ?? '(fatal)'} at ${m.line}:${m.column}–${m.endLine}:${m.endColumn} (${lengths.length} lines)`;
  const check = (line: number, column: number) => {
    if (!Number.isInteger(line) || line < 1 || line > lengths.length) throw new Error(`line outside the file: ${where}`);
    if (!Number.isInteger(column) || column < 1 || column > lengths[line - 1]! + 1) throw new Error(`column outside line ${line} (length ${lengths[line - 1]}): ${where}`);
  };
  check(m.line, m.column);
  if (m.endLine !== undefined || m.endColumn !== undefined) {
    check(m.endLine ?? m.line, m.endColumn ?? m.column);
    const endLine = m.endLine ?? m.line;
    if (endLine < m.line || (endLine === m.line && (m.endColumn ?? m.column) < m.column)) throw new Error(`end before start: ${where}`);
  }
}

/** A fatal message from a rule that threw: a bug in that rule, never an acceptable outcome. */
export function ruleCrashes(result: LintResult): LintMessage[] {
  return result.messages.filter((m) => m.fatal && m.ruleId !== null);
}

/** The invariants for one text result: no rule crashed, every position is inside the file. */
export function assertTextResult(result: LintResult, text: string): void {
  const crashed = ruleCrashes(result);
  if (crashed.length > 0) throw new Error(`rule crashed: ${crashed.map((m) => m.message).join(' | ')}`);
  const lengths = lineLengths(text);
  for (const m of [...result.messages, ...result.suppressedMessages]) assertInside(m, text, lengths);
  expect(result.errorCount + result.warningCount).toBe(result.messages.length);
}
