import { describe, it, expect } from 'vitest';
import { loadText, load } from '../../src/processors/index.js';
import type { TextSource } from '../../src/types.js';

/** Where `needle` (the n-th time it appears in a segment) lands in the file, as line:column. */
function where(source: TextSource, needle: string): string[] {
  return source.segments.flatMap((seg) => {
    const at = seg.text.indexOf(needle);
    if (at < 0) return [];
    const [start, end] = seg.range(at, at + needle.length);
    expect(source.text.slice(start, end)).toBe(needle);
    const from = source.lines.locate(start);
    return [`${seg.kind} ${from.line}:${from.column}`];
  });
}

describe('Markdown segments map back to exact positions', () => {
  const md = [
    '---',
    'title: Lily starts school',
    'tags: [news, "Sam\'s day"]',
    '---',
    '',
    '# A day with **Lily** 🎉',
    '',
    'We met _Sam_ and [his carer](https://example.com/sam-smith) at the café — Tom, 12, was there.',
    '',
    '> Quote from Jo,',
    '> aged 9.',
    '',
    '| Name | Age |',
    '| ---- | --- |',
    '| Amy  | 7   |',
    '',
    '![Photo of Ben at the park](ben.jpg)',
    '',
    '- item about Zoe',
    '',
    '```',
    'code mentions Max',
    '```',
    '',
    '<!-- comment about Hidden -->',
  ].join('\r\n');
  const source = loadText('a.md', md, 'markdown');

  it('collects what a reader sees, and not comments', () => {
    expect(source.segments.map((s) => s.kind)).toEqual(['frontMatter', 'frontMatter', 'frontMatter', 'heading', 'paragraph', 'linkUrl', 'paragraph', 'tableCell', 'tableCell', 'tableCell', 'tableCell', 'imageAlt', 'linkUrl', 'paragraph', 'code']);
    expect(source.segments.some((s) => s.text.includes('Hidden'))).toBe(false);
    expect(source.frontMatter).toEqual({ title: 'Lily starts school', tags: ['news', "Sam's day"] });
    expect(source.segments[0]!.field).toBe('title');
  });

  it('with CRLF line endings, markup, emoji and accents', () => {
    expect(where(source, 'Lily')).toEqual(['frontMatter 2:8', 'heading 6:16']);
    expect(where(source, "Sam's day")).toEqual(['frontMatter 3:15']);
    expect(where(source, 'Sam')).toContain('paragraph 8:9');
    expect(where(source, 'sam-smith')).toEqual(['linkUrl 8:50']);
    expect(where(source, 'Tom, 12,')).toEqual(['paragraph 8:75']);
    expect(where(source, 'aged 9')).toEqual(['paragraph 11:3']);
    expect(where(source, 'Amy')).toEqual(['tableCell 15:3']);
    expect(where(source, 'Ben')).toEqual(['imageAlt 17:12']);
    expect(where(source, 'Zoe')).toEqual(['paragraph 19:14']);
    expect(where(source, 'Max')).toEqual(['code 22:15']);
  });

  it('keeps a paragraph, its links and alt texts in one block; separate paragraphs in separate blocks', () => {
    const para = source.segments.find((s) => s.text.startsWith('We met'))!;
    const url = source.segments.find((s) => s.kind === 'linkUrl' && s.text.includes('sam-smith'))!;
    const quote = source.segments.find((s) => s.text.startsWith('Quote'))!;
    expect(url.block).toBe(para.block);
    expect(quote.block).not.toBe(para.block);
    expect(quote.text.replace(/\r/g, '')).toBe('Quote from Jo,\naged 9.');
  });
});

describe('plain text and decoding', () => {
  it('splits plain text into paragraphs at blank lines', () => {
    const s = loadText('a.txt', 'Line one\nline two\n\n\nThird para\r\n', 'plaintext');
    expect(s.segments.map((x) => [x.text, x.block])).toEqual([['Line one\nline two', 0], ['Third para', 1]]);
  });
  it('strips a UTF-8 BOM and decodes UTF-16 with a BOM', () => {
    const bom = load('a.txt', Buffer.from('\ufeffHello', 'utf8'));
    expect(bom.ok && bom.source.kind === 'text' && bom.source.text).toBe('Hello');
    const utf16 = load('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo', 'utf16le')]));
    expect(utf16.ok && utf16.source.kind === 'text' && utf16.source.text).toBe('Héllo');
  });
  it('names the offset of the first invalid UTF-8 byte', () => {
    const bad = load('a.txt', Buffer.from([0x68, 0xc3, 0xa9, 0x21, 0xe2, 0x82, 0x41]));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toContain('invalid byte at offset 4');
  });
});
