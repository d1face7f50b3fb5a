/**
 * Byte-level readers for the image containers we rewrite ourselves (JPEG segments, PNG chunks, WebP RIFF chunks),
 * and the tiny EXIF block that keeps only the Orientation tag. No decoding, no dependencies.
 */
import { crc32 } from 'node:zlib';

/** Thrown when a container's structure is broken (truncated, lying lengths). */
export class ContainerError extends Error {}

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  start: number;
  /** Offset just past the segment. */
  end: number;
  payload: Buffer;
}

export interface JpegLayout {
  /** Marker segments before the first SOS. */
  segments: JpegSegment[];
  /** Offset of the first SOS marker: from here to `eoi` is the image data, kept byte-identical. */
  scanStart: number;
  /** Offset just past the EOI marker (or the end of the file when EOI is missing). */
  eoi: number;
}

/** Walks a JPEG's marker segments up to the first scan, then finds the EOI that ends the primary image. */
export function parseJpeg(bytes: Buffer): JpegLayout {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new ContainerError('not a JPEG (no SOI marker)');
  const segments: JpegSegment[] = [];
  let pos = 2;
  for (;;) {
    if (pos + 4 > bytes.length) throw new ContainerError('the JPEG is truncated before its image data');
    if (bytes[pos] !== 0xff) throw new ContainerError(`the JPEG is corrupt (no marker at byte ${pos})`);
    let m = pos + 1;
    while (bytes[m] === 0xff && m < bytes.length) m++; // fill bytes
    const marker = bytes[m]!;
    const start = pos;
    pos = m + 1;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0xd9) throw new ContainerError('the JPEG has no image data (EOI before any scan)');
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) throw new ContainerError('the JPEG is truncated (a segment runs past the end of the file)');
    if (marker === 0xda) {
      const eoi = findEoi(bytes, pos + length);
      return { segments, scanStart: start, eoi };
    }
    segments.push({ marker, start, end: pos + length, payload: bytes.subarray(pos + 2, pos + length) });
    pos += length;
  }
}

/** The first EOI after the scan data (0xFF in entropy-coded data is always followed by 0x00 or a marker). */
function findEoi(bytes: Buffer, from: number): number {
  for (let i = bytes.indexOf(0xff, from); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
    if (bytes[i + 1] === 0xd9) return i + 2;
  }
  return bytes.length;
}

const startsWith = (payload: Buffer, prefix: string) => payload.length >= prefix.length && payload.toString('latin1', 0, prefix.length) === prefix;

export const EXIF_ID = 'Exif\0\0';
export const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
export const XMP_EXT_ID = 'http://ns.adobe.com/xmp/extension/\0';

export const isExifSegment = (s: JpegSegment) => s.marker === 0xe1 && startsWith(s.payload, EXIF_ID);
export const isXmpSegment = (s: JpegSegment) => s.marker === 0xe1 && (startsWith(s.payload, XMP_ID) || startsWith(s.payload, XMP_EXT_ID));

export interface Chunk {
  type: string;
  start: number;
  end: number;
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from('\x89PNG\r\n\x1a\n', 'latin1');

/** PNG chunks in order; throws on a truncated or lying chunk length. */
export function parsePng(bytes: Buffer): Chunk[] {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ContainerError('not a PNG (bad signature)');
  const chunks: Chunk[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new ContainerError('the PNG is truncated (a chunk header runs past the end)');
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > bytes.length) throw new ContainerError(`the PNG is truncated (chunk ${type} runs past the end of the file)`);
    chunks.push({ type, start: pos, end, data: bytes.subarray(pos + 8, pos + 8 + length) });
    pos = end;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new ContainerError('the PNG is truncated (no IEND chunk)');
  return chunks;
}

/** Builds one PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** WebP RIFF chunks in order (odd sizes are padded to even). */
export function parseWebp(bytes: Buffer): Chunk[] {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') {
    throw new ContainerError('not a WebP (bad RIFF header)');
  }
  const riffEnd = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  const chunks: Chunk[] = [];
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const type = bytes.toString('latin1', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    if (pos + 8 + size > bytes.length) throw new ContainerError(`the WebP is truncated (chunk ${type.trim()} runs past the end)`);
    const end = Math.min(pos + 8 + size + (size & 1), bytes.length);
    chunks.push({ type, start: pos, end, data: bytes.subarray(pos + 8, pos + 8 + size) });
    pos = end;
  }
  if (chunks.length === 0) throw new ContainerError('the WebP has no chunks');
  return chunks;
}

/** Builds one RIFF chunk, padded to an even length. */
export function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A TIFF/EXIF block without its optional "Exif\0\0" prefix. */
export const tiffOf = (exif: Buffer): Buffer => (startsWith(exif, EXIF_ID) ? exif.subarray(6) : exif);

/** The Orientation tag (1–8) of IFD0 in a TIFF/EXIF block, if it is there and sane. */
export function tiffOrientation(exif: Buffer): number | undefined {
  const tiff = tiffOf(exif);
  if (tiff.length < 8) return undefined;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** A 26-byte little-endian TIFF holding only IFD0's Orientation tag. */
export function orientationOnlyTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // count
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  return tiff;
}

/** A JPEG APP segment (marker 0xE0–0xEF) with the given payload. */
export function jpegSegment(marker: number, payload: Buffer): Buffer {
  if (payload.length + 2 > 0xffff) throw new ContainerError('segment too large');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
