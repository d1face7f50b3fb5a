/**
 * Detection bench: runs the text rules (as a user runs them, through the Linter) over the labelled drafts in
 * fixtures/text/labelled and over any JSONL files given on the command line, and prints precision and recall per
 * rule, then how long all text rules take on 1 MB of Markdown.
 *
 *   npm run bench:detection -- [more.jsonl ...] [--verbose]
 *
 * A report is a true positive when it overlaps a span labelled with its rule id; a labelled span is found when
 * some report of that rule overlaps it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { LintMessage, Rule, TextSource } from '../src/types.js';
import { builtinRules } from '../src/engine/registry.js';
import { lintSource, type ConfiguredRule } from '../src/engine/linter.js';
import { loadText } from '../src/processors/index.js';
import { resolveRuleOptions } from '../src/config/rule-options.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { readJsonl, readLabelledDir, type LabelledSpan, type LabelledText } from './labelled.js';

/** The rules whose findings are child-identifying details; they are always in the table. */
export const DETAIL_RULES = [
  'child-name', 'child-age', 'date-of-birth', 'school-name', 'home-location', 'care-details', 'social-handle',
  'contact-details', 'jigsaw-identification',
];

export interface Report {
  ruleId: string;
  start: number;
  end: number;
}

export interface Scored {
  spans: LabelledSpan[];
  reports: Report[];
}

export interface RuleScore {
  rule: string;
  reports: number;
  truePositives: number;
  spans: number;
  found: number;
  precision: number;
  recall: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Precision and recall per rule over scored texts (NaN where there is nothing to divide by). */
export function score(items: Scored[], rules: string[]): RuleScore[] {
  return rules.map((rule) => {
    let reports = 0;
    let truePositives = 0;
    let spans = 0;
    let found = 0;
    for (const item of items) {
      const mine = item.reports.filter((r) => r.ruleId === rule);
      const labelled = item.spans.filter((s) => s.label === rule);
      reports += mine.length;
      truePositives += mine.filter((r) => labelled.some((s) => overlaps(r, s))).length;
      spans += labelled.length;
      found += labelled.filter((s) => mine.some((r) => overlaps(r, s))).length;
    }
    return { rule, reports, truePositives, spans, found, precision: truePositives / reports, recall: found / spans };
  });
}

/** The file offsets a message covers. */
function messageRange(source: TextSource, m: LintMessage): Report {
  const start = source.lines.lineStart(m.line) + m.column - 1;
  const end = m.endLine !== undefined && m.endColumn !== undefined ? source.lines.lineStart(m.endLine) + m.endColumn - 1 : start + 1;
  return { ruleId: m.ruleId ?? '', start, end: Math.max(end, start + 1) };
}

/** All built-in text rules with their default options, as `cftlint:recommended` runs them. */
export async function textRules(): Promise<ConfiguredRule[]> {
  const rules: Map<string, Rule> = await builtinRules();
  return [...rules]
    .filter(([, rule]) => rule.meta.kind === 'text')
    .map(([id, rule]) => ({ id, rule, severity: 2 as const, options: resolveRuleOptions(rule, {}) }));
}

/** Lints one labelled text with the rules and returns its reports as offsets. */
export async function lintLabelled(item: LabelledText, rules: ConfiguredRule[]): Promise<Scored & { source: TextSource }> {
  const source = loadText(item.name, item.text, item.format);
  const { result } = await lintSource(source, { rules, settings: {} });
  const reports = result.messages.filter((m) => !m.fatal).map((m) => messageRange(source, m));
  for (const m of result.messages.filter((m) => m.fatal)) console.error(`${item.name}: ${m.message}`);
  return { spans: item.spans, reports, source };
}

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : x.toFixed(3).padStart(6));

function printTable(title: string, scores: RuleScore[]): void {
  console.log(`\n${title}`);
  console.log('rule                    spans found reports  TP  precision recall');
  for (const s of scores) {
    console.log(`${s.rule.padEnd(22)} ${String(s.spans).padStart(6)} ${String(s.found).padStart(5)} ${String(s.reports).padStart(7)} ${String(s.truePositives).padStart(4)}    ${pct(s.precision)} ${pct(s.recall)}`);
  }
}

/** Prints the misses and false alarms of each rule, with a little context. */
function printMistakes(item: LabelledText, scored: Scored, rules: string[]): void {
  const snippet = (r: { start: number; end: number }) =>
    `${item.text.slice(Math.max(0, r.start - 30), r.start)}[${item.text.slice(r.start, r.end)}]${item.text.slice(r.end, r.end + 30)}`.replace(/\n/g, '⏎');
  for (const rule of rules) {
    const mine = scored.reports.filter((r) => r.ruleId === rule);
    const labelled = scored.spans.filter((s) => s.label === rule);
    for (const r of mine) if (!labelled.some((s) => overlaps(r, s))) console.log(`  FP ${rule} ${item.name}: ${snippet(r)}`);
    for (const s of labelled) if (!mine.some((r) => overlaps(r, s))) console.log(`  FN ${rule} ${item.name}: ${snippet(s)}`);
  }
}

/** Milliseconds to parse and lint about 1 MB of Markdown with all text rules (best of a few runs). */
async function speed(items: LabelledText[], rules: ConfiguredRule[]): Promise<{ bytes: number; parseMs: number; lintMs: number; perRule: [string, number][] }> {
  const markdown = items.filter((i) => i.format === 'markdown').map((i) => i.text).join('\n\n');
  let text = '';
  while (Buffer.byteLength(text) < 1024 * 1024) text += `${markdown}\n\n`;
  let parseMs = Infinity;
  let lintMs = Infinity;
  let source!: TextSource;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    source = loadText('bench.md', text, 'markdown');
    const t1 = performance.now();
    await lintSource(source, { rules, settings: {} });
    const t2 = performance.now();
    parseMs = Math.min(parseMs, t1 - t0);
    lintMs = Math.min(lintMs, t2 - t1);
  }
  const perRule: [string, number][] = [];
  for (const rule of rules) {
    const t0 = performance.now();
    await lintSource(source, { rules: [rule], settings: {} });
    perRule.push([rule.id, performance.now() - t0]);
  }
  return { bytes: Buffer.byteLength(text), parseMs, lintMs, perRule: perRule.sort((a, b) => b[1] - a[1]) };
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const files = argv.filter((a) => !a.startsWith('--'));
  const rules = await textRules();
  const fixtures = readLabelledDir(join(PACKAGE_ROOT, 'fixtures', 'text', 'labelled'));
  const sets: [string, LabelledText[]][] = [['fixtures/text/labelled', fixtures], ...files.map((f) => [f, readJsonl(f)] as [string, LabelledText[]])];
  for (const [title, items] of sets) {
    const scored: Scored[] = [];
    for (const item of items) {
      const result = await lintLabelled(item, rules);
      scored.push(result);
      if (verbose) printMistakes(item, result, DETAIL_RULES);
    }
    const labels = new Set(scored.flatMap((s) => s.spans.map((x) => x.label)));
    const ruleIds = [...new Set([...DETAIL_RULES, ...labels])].filter((id) => rules.some((r) => r.id === id) || labels.has(id));
    const sentences = items.reduce((n, i) => n + (i.text.match(/[.!?](?=\s|$)/g) ?? []).length, 0);
    printTable(`${title}: ${items.length} texts, ~${sentences} sentences, ${scored.reduce((n, s) => n + s.spans.length, 0)} labelled spans`, score(scored, ruleIds));
  }
  const { bytes, parseMs, lintMs, perRule } = await speed(fixtures, rules);
  console.log(`\nSpeed: ${rules.length} text rules on ${(bytes / 1024 / 1024).toFixed(2)} MB of Markdown, one core: parse ${parseMs.toFixed(0)} ms, rules ${lintMs.toFixed(0)} ms, total ${(parseMs + lintMs).toFixed(0)} ms`);
  console.log(`  slowest rules alone (incl. directives): ${perRule.slice(0, 5).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
