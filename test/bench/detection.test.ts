import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseLabelled, readLabelledDir } from '../../bench/labelled.js';
import { score } from '../../bench/detection.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

describe('parseLabelled', () => {
  it('strips labels and keeps their spans on the plain text', () => {
    const { text, spans } = parseLabelled('Our son {{child-name|Tom}}, {{child-age|aged 7}}, is here.');
    expect(text).toBe('Our son Tom, aged 7, is here.');
    expect(spans).toEqual([
      { start: 8, end: 11, label: 'child-name' },
      { start: 13, end: 19, label: 'child-age' },
    ]);
  });

  it('nests labels', () => {
    const { text, spans } = parseLabelled('{{date-of-birth|her {{child-age|9th birthday}} on 12 May}}!');
    expect(text).toBe('her 9th birthday on 12 May!');
    expect(spans).toEqual([
      { start: 0, end: 26, label: 'date-of-birth' },
      { start: 4, end: 16, label: 'child-age' },
    ]);
  });

  it('leaves other braces alone and refuses an unclosed label', () => {
    expect(parseLabelled('a {{evidence}} b }} c').text).toBe('a {{evidence}} b }} c');
    expect(() => parseLabelled('x {{child-name|Tom')).toThrow(/unclosed/);
  });

  it('reads the project fixtures: enough sentences, every label a rule id', () => {
    const items = readLabelledDir(join(PACKAGE_ROOT, 'fixtures', 'text', 'labelled'));
    const sentences = items.reduce((n, i) => n + (i.text.match(/[.!?](?=\s|$)/g) ?? []).length, 0);
    expect(sentences).toBeGreaterThanOrEqual(150);
    for (const item of items) {
      expect(item.text).not.toMatch(/\{\{[a-z-]+\|/);
      for (const s of item.spans) expect(s.label).toMatch(/^(?:child-name|child-age|date-of-birth|school-name|home-location|care-details|social-handle|contact-details|jigsaw-identification)$/);
    }
  });
});

describe('score', () => {
  const spans = [
    { start: 0, end: 3, label: 'child-name' },
    { start: 10, end: 16, label: 'child-name' },
    { start: 20, end: 26, label: 'child-age' },
  ];

  it('counts overlapping reports of the same rule as true positives and found spans', () => {
    const reports = [
      { ruleId: 'child-name', start: 1, end: 2 }, // inside span 1
      { ruleId: 'child-name', start: 30, end: 33 }, // no span: false positive
      { ruleId: 'child-age', start: 12, end: 14 }, // overlaps a child-name span only: false positive for child-age
    ];
    const [name, age] = score([{ spans, reports }], ['child-name', 'child-age']);
    expect(name).toMatchObject({ reports: 2, truePositives: 1, spans: 2, found: 1, precision: 0.5, recall: 0.5 });
    expect(age).toMatchObject({ reports: 1, truePositives: 0, spans: 1, found: 0, precision: 0, recall: 0 });
  });

  it('treats touching spans as not overlapping and sums over texts', () => {
    const a = { spans: [spans[0]!], reports: [{ ruleId: 'child-name', start: 3, end: 5 }] };
    const b = { spans: [spans[1]!], reports: [{ ruleId: 'child-name', start: 9, end: 11 }, { ruleId: 'child-name', start: 15, end: 20 }] };
    const [name] = score([a, b], ['child-name']);
    expect(name).toMatchObject({ reports: 3, truePositives: 2, spans: 2, found: 1 });
  });

  it('gives NaN when there is nothing to divide by', () => {
    const [s] = score([{ spans: [], reports: [] }], ['school-name']);
    expect(Number.isNaN(s!.precision)).toBe(true);
    expect(Number.isNaN(s!.recall)).toBe(true);
  });
});
