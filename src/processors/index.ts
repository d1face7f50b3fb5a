/**
 * Load: turn a file's bytes into a Source the rules can read, or into one clear fatal problem (never a throw).
 * Heavy libraries are not imported here: image decoding happens lazily in the rules that need it.
 */
import { basename } from 'node:path';
import type { ImageSource, TextSource, Source } from '../types.js';
import { kindFromName, sniffImage, describeContent, type FileKind } from '../files/kind.js';
import { LineIndex } from './line-index.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './text.js';

export type Loaded = { ok: true; source: Source } | { ok: false; problem: string; line?: number; column?: number };

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/** Decodes text: UTF-8 (BOM stripped) or UTF-16 with a BOM; anything else is refused with the byte offset. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: string } {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // TextDecoder drops a leading BOM itself.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, problem: `File is not valid UTF-8 text (invalid byte at offset ${at}); save it as UTF-8 and lint again.` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const valid = (n: number) => {
    try {
      decoder.decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function loadText(filePath: string, text: string, format: 'markdown' | 'plaintext'): TextSource {
  const lines = new LineIndex(text);
  if (format === 'markdown') {
    const { segments, frontMatter } = parseMarkdown(text);
    return { kind: 'text', filePath, format, text, segments, frontMatter, lines };
  }
  return { kind: 'text', filePath, format, text, segments: parsePlainText(text), lines };
}

export function loadImage(filePath: string, bytes: Buffer, declared: FileKind & { kind: 'image' }): Loaded {
  const format = sniffImage(bytes);
  if (!format) {
    return { ok: false, problem: `${basename(filePath)} is named as a ${declared.format.toUpperCase()} image but ${describeContent(bytes)}; nothing was checked.` };
  }
  const memos = new Map<string, Promise<unknown>>();
  const source: ImageSource = {
    kind: 'image',
    filePath,
    format,
    bytes,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = memos.get(key) as Promise<T> | undefined;
      if (!value) memos.set(key, (value = compute()));
      return value;
    },
  };
  return { ok: true, source };
}

/** Loads a file's bytes as the kind its name says (text formats are decoded; images checked by magic bytes). */
export function load(filePath: string, bytes: Buffer, kind: FileKind | undefined = kindFromName(filePath)): Loaded {
  if (!kind) return { ok: false, problem: 'cftlint does not know how to read this kind of file.' };
  if (kind.kind === 'image') return loadImage(filePath, bytes, kind);
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    return { ok: false, problem: 'File is named as text but is binary (it contains NUL bytes); nothing was checked.' };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  return { ok: true, source: loadText(filePath, decoded.text, kind.format) };
}
