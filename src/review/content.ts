/**
 * The reviewed content of a draft and its hash. The hash ignores the review block itself (so writing the
 * sign-off does not invalidate it) and line endings (so a CRLF checkout hashes like an LF one); any other
 * change to the draft changes it, which re-opens the review.
 */
import { createHash } from 'node:crypto';

/** `---` front matter at the very start of a Markdown file: the YAML between the fences, with offsets. */
export interface FrontMatterBlock {
  /** Offset of the first YAML line (just after the opening fence and its line break). */
  start: number;
  /** Offset of the closing fence line. */
  end: number;
}

const OPEN = /^---[ \t]*(\r\n|\r|\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Finds the front matter block of a Markdown text (BOM already removed), or undefined. */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  // An immediately closed block (`---\n---`) is front matter too.
  const rest = text.slice(start);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  return { start, end: start + close.index };
}

/** Offset just after the line that contains `at` (after its `\n`), or the text's length. */
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
};

/** The line range `[from, to)` of the top-level `review:` entry inside front matter YAML, or undefined. */
export function findReviewEntry(yaml: string): [number, number] | undefined {
  const key = /^review[ \t]*:/m.exec(yaml);
  if (!key) return undefined;
  let to = lineEnd(yaml, key.index);
  // Continuation lines are indented; the entry ends at the first line that is not.
  while (to < yaml.length && /^[ \t]+\S/.test(yaml.slice(to, lineEnd(yaml, to)))) to = lineEnd(yaml, to);
  return [key.index, to];
}

/** Normalises line endings to `\n`. */
export const normaliseEol = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * The content a reviewer signs off: the text with LF line endings, without the front matter's `review:` entry
 * (and without the front matter fences when nothing else is left in it).
 */
export function reviewedContent(text: string, format: 'markdown' | 'plaintext'): string {
  const lf = normaliseEol(text.replace(/^\uFEFF/, ''));
  if (format !== 'markdown') return lf;
  const fm = findFrontMatter(lf);
  if (!fm) return lf;
  const yaml = lf.slice(fm.start, fm.end);
  const entry = findReviewEntry(yaml);
  const remaining = entry ? yaml.slice(0, entry[0]) + yaml.slice(entry[1]) : yaml;
  // Front matter with nothing but the review in it hashes like no front matter (approve may have added it).
  if (remaining.trim() === '') return lf.slice(lineEnd(lf, fm.end));
  return lf.slice(0, fm.start) + remaining + lf.slice(fm.end);
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The review hash of a text draft. */
export const textHash = (text: string, format: 'markdown' | 'plaintext'): string => sha256(reviewedContent(text, format));

/** The review hash of an image (its exact bytes: any edit, even metadata stripping, re-opens the review). */
export const bytesHash = (bytes: Uint8Array): string => sha256(bytes);
