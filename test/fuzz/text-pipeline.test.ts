/**
 * Fuzz: hostile drafts through the Markdown and plain-text processors and every built-in text rule (whatever rules
 * exist when the test runs), at default options. A rule that throws becomes a fatal "Rule … failed" message: that
 * is a failure here, reported with the rule and the shrunk input.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadText } from '../../src/processors/index.js';
import { lintSource, type ConfiguredRule } from '../../src/engine/linter.js';
import { loadFormatter } from '../../src/formatters/index.js';
import { redactResults } from '../../src/formatters/redact.js';
import { ROOT } from '../support/cli.js';
import { assertTextResult, budget, defaultRules, draft, format, params, runs } from './support.js';

let rules: ConfiguredRule[];
beforeAll(async () => {
  rules = await defaultRules('text');
});

describe('fuzz: text pipeline', () => {
  it('finds the built-in text rules', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it('loads any draft: segments stay inside the file and map back to offsets in it', () => {
    fc.assert(
      fc.property(draft, format, (text, fmt) => {
        const source = loadText('draft', text, fmt);
        for (const segment of source.segments) {
          const [from, to] = segment.range(0, segment.text.length);
          expect(0 <= from && from <= to && to <= text.length, `segment ${JSON.stringify(segment.text.slice(0, 40))} at ${from}-${to} of ${text.length}`).toBe(true);
        }
      }),
      params(runs(400)),
    );
  }, budget(30_000));

  it('lints any draft with every text rule: no crash, positions inside the file, JSON output parses', async () => {
    const json = await loadFormatter('json', ROOT);
    await fc.assert(
      fc.asyncProperty(draft, format, async (text, fmt) => {
        const source = loadText(fmt === 'markdown' ? 'draft.md' : 'draft.txt', text, fmt);
        const { result } = await lintSource(source, { rules, settings: {}, reportUnusedDisableDirectives: 1 });
        assertTextResult(result, text);
        for (const results of [[result], redactResults([result])]) {
          const printed = await json(results, { cwd: ROOT, rulesMeta: {} } as never);
          expect(JSON.parse(printed)).toHaveLength(1);
        }
      }),
      params(runs(150, 2)),
    );
  }, budget(40_000));

  it('lints each line ending the same way: CRLF, CR and LF give the same problems on the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')), { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\r'), format, async (lines, eol, fmt) => {
          const lint = async (text: string) => (await lintSource(loadText('d', text, fmt), { rules, settings: {} })).result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
          expect(await lint(lines.join(eol))).toEqual(await lint(lines.join('\n')));
        },
      ),
      params(runs(60, 2)),
    );
  }, budget(30_000));
});
