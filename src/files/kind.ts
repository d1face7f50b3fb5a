/** Which files cftlint reads, and what they really are (by magic bytes, not only by name). */
import { extname } from 'node:path';
import type { ImageFormat } from '../types.js';

export const TEXT_EXTENSIONS: Record<string, 'markdown' | 'plaintext'> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'plaintext',
};

export const IMAGE_EXTENSIONS: Record<string, ImageFormat> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.gif': 'gif',
  '.heic': 'heic',
  '.heif': 'heic',
  '.avif': 'avif',
};

export type FileKind = { kind: 'text'; format: 'markdown' | 'plaintext' } | { kind: 'image'; format: ImageFormat };

/** The kind a file name promises, or undefined for files cftlint does not lint. */
export function kindFromName(filePath: string): FileKind | undefined {
  const ext = extname(filePath).toLowerCase();
  const text = TEXT_EXTENSIONS[ext];
  if (text) return { kind: 'text', format: text };
  const image = IMAGE_EXTENSIONS[ext];
  if (image) return { kind: 'image', format: image };
  return undefined;
}

export const isLintable = (filePath: string): boolean => kindFromName(filePath) !== undefined;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The image format the bytes really are, or undefined when they are no image format we know. */
export function sniffImage(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const tiff = ascii(bytes, 0, 4);
  if (tiff === 'II*\0' || tiff === 'MM\0*') return 'tiff';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = Math.min(bytes.length, (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!);
    const brands = [ascii(bytes, 8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(bytes, i, i + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
    if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) return 'heic';
  }
  return undefined;
}

/** A few words on what unexpected bytes look like, for error messages. */
export function describeContent(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const sample = bytes.subarray(0, 512);
  const printable = sample.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
  return printable ? 'its content is text' : 'its content is not a known image format';
}
