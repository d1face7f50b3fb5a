import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The cases of a rule's fixture draft (`fixtures/text/<rule>/<name>`): its list items, one per line (at least ten, so the loops that use them test something). */
export function fixtureLines(ruleId: string, name: string): string[] {
  const lines = readFileSync(new URL(`../../fixtures/text/${ruleId}/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => /^\s*-\s+/.test(l))
    .map((l) => l.replace(/^\s*-\s+/, '').trim());
  expect(lines.length).toBeGreaterThanOrEqual(10);
  return lines;
}
