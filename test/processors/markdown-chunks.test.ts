import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkStarts, parseMarkdown } from '../../src/processors/markdown.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** Everything a parse gives the rules: each segment's text, kind, block, field and file range, and the front matter. */
function view(text: string, chunkSize: number) {
  const { segments, frontMatter } = parseMarkdown(text, chunkSize);
  return { frontMatter, segments: segments.map((s) => [s.text, s.kind, s.block, s.field, s.range(0, s.text.length), s.range(1, 3)]) };
}

/** Pieces that stress the places a draft is cut: blocks that run past blank lines, containers, definitions. */
const PIECES = [
  'Lily, aged 7, started at Oakfield Primary.',
  'A plain paragraph\nthat goes on\nover three lines.',
  '# A heading',
  'Heading\n=======',
  '- one\n- two\n\n  still two\n- three',
  '1. first\n2. second\n\n   more of second',
  '> a quote\n> goes on',
  '>quote\nlazy line',
  '```\ncode\n\nLetter inside a fence\n```',
  '~~~md\nunclosed fence\n\nLetter',
  '    indented code\n\n    more code',
  '<!-- a comment -->',
  '<!--\nmulti-line\n\nLetter in a comment\n-->',
  '<div>\nhtml block\n</div>',
  '<pre>\npre block\n\nLetter in pre\n</pre>',
  '| a | b |\n| --- | --- |\n| Tom | 7 |',
  'See www.example.com or jo@example.com, and [a link](https://example.com/x).',
  '![alt text](photo.jpg "title")',
  'Text with [a reference][ref] and a footnote[^1].',
  '[ref]: https://example.com/ref',
  '[^1]: The footnote.\n\n    Continued.',
  'Über straße, émigré café.',
  '* * *',
  'Line one  \nhard break\\\nand another',
  'Windows line\r\nendings\r\n\r\nLetter after CRLF',
  '  - nested\n    - deeper\n\n      Letter indented',
  '***bold italic*** and ~~struck~~ `code`',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces after which a draft is never cut (definitions anywhere; fences and long HTML blocks from there on). */
const STOPPERS = PIECES.filter((p) => /\]:|```|~~~|<pre>/.test(p));

function randomDraft(next: () => number): string {
  const parts: string[] = [];
  if (next() < 0.2) parts.push(next() < 0.5 ? '---\ntitle: A post\n\ncaption: Tom at the fair\n---' : '---\nnot closed');
  const n = 5 + Math.floor(next() * 30);
  // Half the drafts leave out the pieces that stop all cutting, so that cuts happen among the other tricky blocks.
  const pieces = next() < 0.5 ? PIECES : PIECES.filter((p) => !STOPPERS.includes(p));
  for (let i = 0; i < n; i++) parts.push(pieces[Math.floor(next() * pieces.length)]!);
  const seps = ['\n\n', '\n', '\n\n\n', '\r\n\r\n', '\n  \n'];
  return parts.map((p, i) => (i === 0 ? p : seps[Math.floor(next() * seps.length)]! + p)).join('');
}

describe('parsing a long draft in parts', () => {
  it('gives the same segments as parsing it whole (random drafts cut at every chance)', () => {
    const next = random(20251125);
    let cut = 0;
    for (let i = 0; i < 400; i++) {
      const draft = randomDraft(next);
      if (chunkStarts(draft, 8).length > 1) cut++;
      expect(view(draft, 8), draft).toEqual(view(draft, Infinity));
    }
    expect(cut).toBeGreaterThan(100);
  });

  it('gives the same segments for every Markdown fixture, cut small', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.md')) files.push(p);
      }
    };
    walk(join(PACKAGE_ROOT, 'fixtures'));
    const all = files.map((f) => readFileSync(f, 'utf8'));
    for (const text of [...all, all.join('\n\n')]) expect(view(text, 16)).toEqual(view(text, Infinity));
  });

  it('does cut a long plain draft into parts', () => {
    const draft = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} about the summer fair.`).join('\n\n');
    const starts = chunkStarts(draft, 256);
    expect(starts.length).toBeGreaterThan(10);
    for (const at of starts.slice(1)) expect(draft.slice(at - 2, at + 9)).toBe('\n\nParagraph');
    expect(view(draft, 256)).toEqual(view(draft, Infinity));
  });
});
