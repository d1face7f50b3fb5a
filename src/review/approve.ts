/**
 * Writing a sign-off: `approve(file, { by })` records who reviewed the draft, when, and the hash of what they
 * reviewed. Markdown gets a `review:` entry in its front matter (everything else in the file is kept byte for
 * byte); plain text and images get a sidecar `<file>.review.yaml`. Files are written atomically.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import type { Settings } from '../types.js';
import { kindFromName } from '../files/kind.js';
import { decodeText } from '../processors/index.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import { bytesHash, findFrontMatter, findReviewEntry, textHash } from './content.js';
import { sidecarPath, whyNotAllowed } from './signoff.js';

export interface ApproveOptions {
  by: string;
  /** The review date, `YYYY-MM-DD`; today (UTC) by default. */
  on?: string;
  settings?: Settings;
}

export interface ApproveOutcome {
  ok: boolean;
  message: string;
}

/** A YAML scalar, quoted only when it must be. */
const scalar = (value: string) => stringify(value).trimEnd();

/** The `review:` entry as YAML lines, with the file's own line ending. */
function reviewEntry(by: string, on: string, hash: string, eol: string): string {
  return ['review:', `  by: ${scalar(by)}`, `  on: ${scalar(on)}`, `  hash: ${hash}`, ''].join(eol);
}

/** The Markdown text with its front-matter `review:` entry set (added, or replaced in place). */
export function withReviewEntry(text: string, entry: string, eol: string): string {
  const fm = findFrontMatter(text);
  if (!fm) return `---${eol}${entry}---${eol}${text}`;
  const yaml = text.slice(fm.start, fm.end);
  const existing = findReviewEntry(yaml);
  if (existing) return text.slice(0, fm.start) + yaml.slice(0, existing[0]) + entry + yaml.slice(existing[1]) + text.slice(fm.end);
  const sep = yaml === '' || yaml.endsWith('\n') ? '' : eol;
  return text.slice(0, fm.end) + sep + entry + text.slice(fm.end);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Records `by`'s sign-off on the draft at `filePath`; refuses the draft's author and, when set, anyone not in `settings.reviewers`. */
export async function approve(filePath: string, options: ApproveOptions): Promise<ApproveOutcome> {
  const by = options.by.trim();
  const on = options.on ?? today();
  if (by === '') return { ok: false, message: `${filePath}: --by needs the reviewer's name` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) return { ok: false, message: `${filePath}: the review date must be YYYY-MM-DD, not "${on}"` };
  const kind = kindFromName(filePath);
  if (!kind) return { ok: false, message: `${filePath}: cftlint does not know how to read this kind of file` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    return { ok: false, message: `${filePath}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }

  if (kind.kind === 'image') return writeSidecar(filePath, by, on, bytesHash(bytes), undefined, options.settings);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: `${filePath}: ${decoded.problem}` };
  const text = decoded.text;
  const hash = textHash(text, kind.format);
  const utf8 = !(bytes[0] === 0xff || bytes[0] === 0xfe);
  if (kind.format !== 'markdown' || !utf8) return writeSidecar(filePath, by, on, hash, undefined, options.settings);

  const fm = findFrontMatter(text);
  let author: unknown;
  if (fm) {
    const doc = parseDocument(text.slice(fm.start, fm.end));
    if (doc.errors.length > 0) return { ok: false, message: `${filePath}: its front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` };
    author = (doc.toJS() as Record<string, unknown> | null)?.author;
  }
  const refused = whyNotAllowed(by, author, options.settings ?? {});
  if (refused) return { ok: false, message: `${filePath}: not approved: ${refused}` };
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  await writeFileAtomic(filePath, bom + withReviewEntry(text, reviewEntry(by, on, hash, eol), eol));
  return { ok: true, message: `${filePath}: approved by ${by} on ${on}` };
}

/** Writes the sign-off of a file that cannot carry front matter into `<file>.review.yaml`. */
async function writeSidecar(filePath: string, by: string, on: string, hash: string, author: unknown, settings: Settings = {}): Promise<ApproveOutcome> {
  const refused = whyNotAllowed(by, author, settings);
  if (refused) return { ok: false, message: `${filePath}: not approved: ${refused}` };
  await writeFileAtomic(sidecarPath(filePath), reviewEntry(by, on, hash, '\n'));
  return { ok: true, message: `${filePath}: approved by ${by} on ${on} (in ${basename(sidecarPath(filePath))})` };
}
