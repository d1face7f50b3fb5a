/**
 * RuleTester, after ESLint's: a rule's tests are a table of cases. Text cases lint `text` as Markdown (or as
 * plain text when `filename` ends in .txt); image cases lint the bytes in `image`.
 *
 *   ruleTester.run('contact-details', rule, {
 *     valid: ['Call the Trust on our main line.'],
 *     invalid: [{ text: 'Ring 020 7946 0123', errors: [{ messageId: 'phone', line: 1, column: 6 }] }],
 *   });
 */
import { describe, it, expect } from 'vitest';
import { basename } from 'node:path';
import type { LintMessage, LintResult, Rule, Settings, Source } from '../../src/types.js';
import { lintSource } from '../../src/engine/linter.js';
import { loadText, loadImage } from '../../src/processors/index.js';
import { resolveRuleOptions } from '../../src/config/rule-options.js';
import { kindFromName } from '../../src/files/kind.js';
import { applyTextFixes, isTextFix } from '../../src/engine/fixer.js';

export interface ErrorSpec {
  messageId?: string;
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: 1 | 2;
  /** The matched text the message carries as evidence (unredacted). */
  evidence?: string;
  evidenceKind?: string;
  /** A file the rule could not read: one fatal message with no rule id. */
  fatal?: boolean;
}

interface CaseBase {
  name?: string;
  options?: Record<string, unknown>;
  settings?: Settings;
  /** Decides the format: `.md` (default), `.txt`, or an image extension. */
  filename?: string;
  only?: boolean;
}
export type TextCase = CaseBase & { text: string };
export type ImageCase = CaseBase & { image: Buffer | (() => Promise<Buffer>) };
export type ValidCase = string | TextCase | ImageCase;
export type InvalidCase = (TextCase | ImageCase) & {
  /** The number of problems, or one spec per problem in order. */
  errors: number | ErrorSpec[];
  /** For fixable text rules: the text after applying the fixes. */
  output?: string;
};

export async function lintCase(ruleId: string, rule: Rule, c: TextCase | ImageCase, defaults: Settings = {}): Promise<LintResult> {
  const options = resolveRuleOptions(rule, c.options);
  let source: Source;
  if ('text' in c) {
    const filename = c.filename ?? 'draft.md';
    const kind = kindFromName(filename);
    source = loadText(filename, c.text, kind?.kind === 'text' ? kind.format : 'markdown');
  } else {
    const filename = c.filename ?? 'photo.jpg';
    const bytes = typeof c.image === 'function' ? await c.image() : c.image;
    const kind = kindFromName(filename);
    if (kind?.kind !== 'image') throw new Error(`${filename} is not an image file name`);
    const loaded = loadImage(filename, bytes, kind);
    if (!loaded.ok) throw new Error(loaded.problem);
    source = loaded.source;
  }
  const { result } = await lintSource(source, {
    rules: [{ id: ruleId, rule, severity: 2, options }],
    settings: { ...defaults, ...c.settings },
  });
  return result;
}

const title = (c: ValidCase) =>
  typeof c === 'string' ? c : (c.name ?? ('text' in c ? c.text : `image ${c.filename ?? 'photo.jpg'}`));
const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s).replace(/\n/g, '\\n');

function checkMessage(actual: LintMessage, spec: ErrorSpec): void {
  if (spec.messageId !== undefined) expect(actual.messageId, 'messageId').toBe(spec.messageId);
  if (spec.message instanceof RegExp) expect(actual.message).toMatch(spec.message);
  else if (spec.message !== undefined) expect(actual.message).toBe(spec.message);
  for (const key of ['line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
    if (spec[key] !== undefined) expect(actual[key], key).toBe(spec[key]);
  }
  if (spec.evidence !== undefined) expect(actual.evidence?.text, 'evidence').toBe(spec.evidence);
  if (spec.fatal !== undefined) expect([!!actual.fatal, actual.ruleId], 'fatal, with no rule id').toEqual(spec.fatal ? [true, null] : [false, actual.ruleId]);
  if (spec.evidenceKind !== undefined) expect(actual.evidence?.kind, 'evidence kind').toBe(spec.evidenceKind);
}

export class RuleTester {
  constructor(private readonly defaults: { settings?: Settings } = {}) {}

  run(ruleId: string, rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(ruleId, () => {
      it('has complete meta', () => {
        expect(rule.meta.description.length).toBeGreaterThan(0);
        expect(rule.meta.policy.length).toBeGreaterThan(0);
        expect(basename(rule.meta.docs)).toBe(`${ruleId.split('/').pop()}.md`);
      });
      describe('valid', () => {
        for (const c of cases.valid) {
          const test = typeof c !== 'string' && c.only ? it.only : it;
          test(short(title(c)), async () => {
            const result = await lintCase(ruleId, rule, typeof c === 'string' ? { text: c } : c, this.defaults.settings);
            expect(result.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid) {
          const test = c.only ? it.only : it;
          test(short(title(c)), async () => {
            const result = await lintCase(ruleId, rule, c, this.defaults.settings);
            const expectsFatal = Array.isArray(c.errors) && c.errors.some((e) => e.fatal);
            if (!expectsFatal) expect(result.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
            if (typeof c.errors === 'number') {
              expect(result.messages, result.messages.map((m) => m.message).join('\n')).toHaveLength(c.errors);
            } else {
              expect(result.messages.map((m) => m.message), 'number of problems').toHaveLength(c.errors.length);
              c.errors.forEach((spec, i) => checkMessage(result.messages[i]!, spec));
            }
            if (c.output !== undefined && 'text' in c) {
              const fixes = result.messages.map((m) => m.fix).filter(isTextFix);
              expect(applyTextFixes(c.text, fixes).output).toBe(c.output);
            }
          });
        }
      });
    });
  }
}
