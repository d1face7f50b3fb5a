/** The review hook as the engine will wire it: `reviewedBy: (source) => reviewSuppression(source, settings)`. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintSource } from '../../src/engine/linter.js';
import { load } from '../../src/processors/index.js';
import { resolveRuleOptions } from '../../src/config/rule-options.js';
import { attachSidecar, readSidecar, reviewSuppression } from '../../src/review/signoff.js';
import rule from '../../rules/political-content.js';
import type { Settings } from '../../src/types.js';

const FIXTURES = 'fixtures/text/political-content';

/** Lints a fixture with political-content as an error (strict), the way the engine will. */
async function lintStrict(name: string, settings: Settings = {}) {
  const path = `${FIXTURES}/${name}`;
  const loaded = load(path, readFileSync(path));
  if (!loaded.ok) throw new Error(loaded.problem);
  attachSidecar(loaded.source, readSidecar(path));
  const { result } = await lintSource(loaded.source, {
    rules: [{ id: 'political-content', rule, severity: 2, options: resolveRuleOptions(rule, {}) }],
    settings,
    reviewedBy: (source) => reviewSuppression(source, settings),
  });
  return result;
}

describe('second pair of eyes, through the engine', () => {
  it('fails an unreviewed political draft under strict', async () => {
    const result = await lintStrict('unreviewed.md');
    expect(result.errorCount).toBe(2);
    expect(result.messages.map((m) => m.evidence?.text)).toEqual(['MP', 'petition']);
    expect(result.messages[0]!.message).toMatch(/\("MP", 2 times\)/);
  });

  it('passes the same draft once reviewed, keeping the messages as suppressed', async () => {
    const result = await lintStrict('reviewed.md');
    expect(result.errorCount).toBe(0);
    expect(result.suppressedMessages).toHaveLength(2);
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'review', justification: 'reviewed by A. Reviewer on 2026-11-25' }]);
  });

  it('fails again after an edit, saying who reviewed it', async () => {
    const result = await lintStrict('reviewed-then-edited.md');
    expect(result.errorCount).toBe(3);
    expect(result.messages[0]!.message).toMatch(/Reviewed by A\. Reviewer on 2026-11-25, but changed since/);
  });

  it('does not accept a reviewer outside settings.reviewers', async () => {
    const result = await lintStrict('reviewed.md', { reviewers: ['Line Manager'] });
    expect(result.errorCount).toBe(2);
    expect(result.messages[0]!.message).toMatch(/not listed in settings\.reviewers/);
  });
});
