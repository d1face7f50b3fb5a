/**
 * Load: turn a file's bytes into a Source the rules can read, or into one clear fatal problem (never a throw).
 * Heavy libraries are not imported here: image decoding happens lazily in the rules that need it.
 */
import { basename } from 'node:path';
import { UnreadableSourceError, type ImageSource, type TextSource, type Source } from '../types.js';
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

/** Offset of the first byte that breaks UTF-8 (lead byte, continuation bytes, overlongs, surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok && need > 0) {
      const b1 = bytes[i + 1]!;
      if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) ok = false;
    }
    if (!ok) return i;
    i += need + 1;
  }
  return bytes.length;
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
  return loadTextSafely(filePath, decoded.text, kind.format);
}

/** loadText, with a draft too complex to parse turned into a problem instead of a throw. */
export function loadTextSafely(filePath: string, text: string, format: 'markdown' | 'plaintext'): Loaded {
  try {
    return { ok: true, source: loadText(filePath, text, format) };
  } catch (error) {
    if (error instanceof UnreadableSourceError) return { ok: false, problem: error.message };
    throw error;
  }
}
