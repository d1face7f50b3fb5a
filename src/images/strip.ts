/**
 * Lossless metadata stripping. JPEG, PNG and WebP are rewritten here, container-level only: the compressed image
 * data is copied byte for byte, and the Orientation tag is kept (in a minimal EXIF block) so the picture stays
 * upright. Other formats (HEIC/HEIF, AVIF, TIFF, GIF) go through ExifTool (exiftool-vendored), which also
 * rewrites without re-encoding. Every result is re-read and checked before it is handed back.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileFix, ImageFormat } from '../types.js';
import { sniffImage } from '../files/kind.js';
import {
  EXIF_ID,
  isExifSegment,
  jpegSegment,
  orientationOnlyTiff,
  parseJpeg,
  parsePng,
  parseWebp,
  pngChunk,
  riffChunk,
  tiffOrientation,
} from './container.js';
import { readMetadata } from './metadata.js';

export interface Stripped {
  bytes: Buffer;
  /** What was removed, in words. */
  removed: string[];
}

const keepOrientation = (o: number | undefined): o is number => o !== undefined && o !== 1;

/** JPEG: drops APP1 (EXIF, XMP), APP13 (IPTC), COM, the APP2 MPF index and anything after EOI. */
export function stripJpeg(bytes: Buffer): Stripped {
  const layout = parseJpeg(bytes);
  const removed = new Set<string>();
  const exif = layout.segments.find(isExifSegment);
  const orientation = exif && tiffOrientation(exif.payload);
  const kept: Buffer[] = [Buffer.from([0xff, 0xd8])];
  let inserted = !keepOrientation(orientation);
  for (const s of layout.segments) {
    const isMpf = s.marker === 0xe2 && s.payload.toString('latin1', 0, 4) === 'MPF\0';
    if (s.marker === 0xe1) removed.add(isExifSegment(s) ? 'EXIF' : 'XMP/APP1');
    else if (s.marker === 0xed) removed.add('IPTC (APP13)');
    else if (s.marker === 0xfe) removed.add('comment');
    else if (isMpf) removed.add('multi-picture index');
    else {
      // The minimal EXIF goes after APP0 (JFIF), before everything else, where readers look for it.
      if (!inserted && s.marker !== 0xe0) {
        kept.push(jpegSegment(0xe1, Buffer.concat([Buffer.from(EXIF_ID, 'latin1'), orientationOnlyTiff(orientation!)])));
        inserted = true;
      }
      kept.push(bytes.subarray(s.start, s.end));
    }
  }
  if (!inserted) kept.push(jpegSegment(0xe1, Buffer.concat([Buffer.from(EXIF_ID, 'latin1'), orientationOnlyTiff(orientation!)])));
  kept.push(bytes.subarray(layout.scanStart, layout.eoi));
  if (layout.eoi < bytes.length) removed.add(`${bytes.length - layout.eoi} bytes after the image (previews, motion photo)`);
  return { bytes: Buffer.concat(kept), removed: [...removed] };
}

const PNG_TEXT = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/** PNG: drops eXIf, tEXt, iTXt and zTXt chunks; a non-default orientation is kept in a minimal eXIf. */
export function stripPng(bytes: Buffer): Stripped {
  const chunks = parsePng(bytes);
  const exif = chunks.find((c) => c.type === 'eXIf');
  const orientation = exif && tiffOrientation(exif.data);
  const removed = new Set<string>();
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  for (const c of chunks) {
    if (PNG_TEXT.has(c.type)) {
      removed.add(c.type === 'eXIf' ? 'EXIF' : `${c.type} text`);
      continue;
    }
    if (c.type === 'IDAT' && keepOrientation(orientation) && !kept.some((k) => k.toString('latin1', 4, 8) === 'eXIf')) {
      kept.push(pngChunk('eXIf', orientationOnlyTiff(orientation)));
    }
    kept.push(bytes.subarray(c.start, c.end));
  }
  return { bytes: Buffer.concat(kept), removed: [...removed] };
}

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/** WebP: drops the EXIF and XMP chunks, fixes the VP8X flags and the RIFF size. */
export function stripWebp(bytes: Buffer): Stripped {
  const chunks = parseWebp(bytes);
  const exif = chunks.find((c) => c.type === 'EXIF');
  const orientation = exif && tiffOrientation(exif.data);
  const removed = new Set<string>();
  const kept: Buffer[] = [];
  for (const c of chunks) {
    if (c.type === 'EXIF' || c.type === 'XMP ') {
      removed.add(c.type.trim());
      continue;
    }
    if (c.type === 'VP8X') {
      const data = Buffer.from(c.data);
      data[0] = data[0]! & ~(VP8X_EXIF | VP8X_XMP);
      if (keepOrientation(orientation)) data[0] = data[0]! | VP8X_EXIF;
      kept.push(riffChunk('VP8X', data));
    } else kept.push(bytes.subarray(c.start, c.end));
  }
  if (keepOrientation(orientation)) kept.push(riffChunk('EXIF', orientationOnlyTiff(orientation)));
  const body = Buffer.concat(kept);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return { bytes: Buffer.concat([head, body]), removed: [...removed] };
}

/** Any other format: ExifTool deletes every tag it can write, keeping the orientation and colour profile. */
export async function stripWithExifTool(bytes: Buffer, format: ImageFormat): Promise<Stripped> {
  const { ExifTool } = await import('exiftool-vendored');
  const exiftool = new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 });
  const dir = await mkdtemp(join(tmpdir(), 'cftlint-strip-'));
  const file = join(dir, `image.${format}`);
  try {
    await writeFile(file, bytes);
    await exiftool.deleteAllTags(file, { retain: ['Orientation', 'ICC_Profile'] });
    return { bytes: await readFile(file), removed: ['all EXIF, XMP and IPTC metadata (via ExifTool)'] };
  } catch (error) {
    throw new Error(`ExifTool could not strip this ${format.toUpperCase()} file: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await exiftool.end();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The compressed image data that must survive a strip unchanged (JPEG scans, PNG IDAT, WebP bitstream). */
function imageData(bytes: Buffer, format: ImageFormat): Buffer | undefined {
  if (format === 'jpeg') {
    const l = parseJpeg(bytes);
    return bytes.subarray(l.scanStart, l.eoi);
  }
  if (format === 'png') return Buffer.concat(parsePng(bytes).filter((c) => c.type === 'IDAT').map((c) => c.data));
  if (format === 'webp') return Buffer.concat(parseWebp(bytes).filter((c) => ['VP8 ', 'VP8L', 'ALPH', 'ANMF'].includes(c.type)).map((c) => c.data));
  return undefined;
}

/** Strips and checks: same format, same compressed image data, no location left. Throws when a check fails. */
export async function stripMetadata(bytes: Buffer): Promise<Stripped> {
  const format = sniffImage(bytes);
  if (!format) throw new Error('not an image format cftlint can rewrite');
  const result =
    format === 'jpeg' ? stripJpeg(bytes) : format === 'png' ? stripPng(bytes) : format === 'webp' ? stripWebp(bytes) : await stripWithExifTool(bytes, format);
  if (sniffImage(result.bytes) !== format) throw new Error('stripping changed the file format; the file was left as it was');
  const before = imageData(bytes, format);
  if (before && !before.equals(imageData(result.bytes, format)!)) throw new Error('stripping changed the image data; the file was left as it was');
  const after = await readMetadata(result.bytes, format);
  if (after.location.length) throw new Error(`location metadata is still there after stripping (${after.location.map((f) => f.label).join(', ')})`);
  return result;
}

/** The `--fix` for image-location and image-metadata: strip all metadata blocks losslessly. */
export const stripFix = (format: ImageFormat): FileFix => ({
  description:
    format === 'jpeg' || format === 'png' || format === 'webp'
      ? `Remove EXIF/XMP/IPTC metadata and comments from the ${format.toUpperCase()} without re-encoding (orientation kept)`
      : `Remove metadata from the ${format.toUpperCase()} with ExifTool, without re-encoding (orientation kept)`,
  apply: async (bytes) => (await stripMetadata(bytes)).bytes,
});
