/**
 * Reads an image's metadata (EXIF, GPS, XMP, IPTC, comments, PNG text chunks) with exifr and sorts what
 * matters into location fields and other identifying fields. exifr is imported lazily: a text-only run never
 * loads it. Results are memoised per image through `source.memo`, so several rules share one parse.
 */
import { inflateSync } from 'node:zlib';
import type { ImageFormat, ImageSource } from '../types.js';
import { EXIF_ID, XMP_ID, isExifSegment, parseJpeg, parsePng, parseWebp, jpegSegment, tiffOf, tiffOrientation, type Chunk } from './container.js';

/** One metadata field worth reporting. */
export interface MetaField {
  /** Where it lives, for people: "GPS position", "IPTC City", "XMP dc:creator". */
  label: string;
  value: string;
  /** For image-metadata: what kind of identifying detail (owner, serial number, caption, person, thumbnail, comment). */
  kind: string;
}

export interface ImageMetadata {
  location: MetaField[];
  identifying: MetaField[];
  orientation?: number;
}

type Blocks = Record<string, Record<string, unknown> | undefined>;

/** [block, key, label, kind] — kind is 'location' or an identifying kind. */
const FIELDS: [string, string, string, string][] = [
  // Location: IPTC IIM, XMP photoshop / IPTC Core / IPTC Extension.
  ['iptc', 'City', 'IPTC City', 'location'],
  ['iptc', 'Sublocation', 'IPTC Sub-location', 'location'],
  ['iptc', 'State', 'IPTC Province/State', 'location'],
  ['iptc', 'Country', 'IPTC Country', 'location'],
  ['iptc', 'CountryCode', 'IPTC Country code', 'location'],
  ['photoshop', 'City', 'XMP photoshop:City', 'location'],
  ['photoshop', 'State', 'XMP photoshop:State', 'location'],
  ['photoshop', 'Country', 'XMP photoshop:Country', 'location'],
  ['Iptc4xmpCore', 'Location', 'XMP Iptc4xmpCore:Location', 'location'],
  ['Iptc4xmpCore', 'CountryCode', 'XMP Iptc4xmpCore:CountryCode', 'location'],
  ['Iptc4xmpExt', 'LocationShown', 'XMP Iptc4xmpExt:LocationShown', 'location'],
  ['Iptc4xmpExt', 'LocationCreated', 'XMP Iptc4xmpExt:LocationCreated', 'location'],
  // Owner and author names.
  ['ifd0', 'Artist', 'EXIF Artist', 'owner'],
  ['ifd0', 'XPAuthor', 'EXIF XPAuthor', 'owner'],
  ['ifd0', 'Copyright', 'EXIF Copyright', 'owner'],
  ['exif', 'CameraOwnerName', 'EXIF CameraOwnerName', 'owner'],
  ['exif', 'OwnerName', 'EXIF OwnerName', 'owner'],
  ['iptc', 'Byline', 'IPTC By-line', 'owner'],
  ['iptc', 'Writer', 'IPTC Writer', 'owner'],
  ['iptc', 'Contact', 'IPTC Contact', 'owner'],
  ['iptc', 'CopyrightNotice', 'IPTC Copyright', 'owner'],
  ['dc', 'creator', 'XMP dc:creator', 'owner'],
  ['dc', 'rights', 'XMP dc:rights', 'owner'],
  ['photoshop', 'CaptionWriter', 'XMP photoshop:CaptionWriter', 'owner'],
  ['photoshop', 'AuthorsPosition', 'XMP photoshop:AuthorsPosition', 'owner'],
  ['Iptc4xmpCore', 'CreatorContactInfo', 'XMP Iptc4xmpCore:CreatorContactInfo', 'owner'],
  ['aux', 'OwnerName', 'XMP aux:OwnerName', 'owner'],
  ['exifEX', 'CameraOwnerName', 'XMP exifEX:CameraOwnerName', 'owner'],
  // Serial numbers tie photos to one phone or camera.
  ['exif', 'BodySerialNumber', 'EXIF BodySerialNumber', 'serial number'],
  ['exif', 'SerialNumber', 'EXIF SerialNumber', 'serial number'],
  ['exif', 'LensSerialNumber', 'EXIF LensSerialNumber', 'serial number'],
  ['aux', 'SerialNumber', 'XMP aux:SerialNumber', 'serial number'],
  ['aux', 'LensSerialNumber', 'XMP aux:LensSerialNumber', 'serial number'],
  ['exifEX', 'BodySerialNumber', 'XMP exifEX:BodySerialNumber', 'serial number'],
  // Captions, titles and keywords.
  ['ifd0', 'ImageDescription', 'EXIF ImageDescription', 'caption'],
  ['ifd0', 'XPTitle', 'EXIF XPTitle', 'caption'],
  ['ifd0', 'XPSubject', 'EXIF XPSubject', 'caption'],
  ['ifd0', 'XPKeywords', 'EXIF XPKeywords', 'caption'],
  ['iptc', 'Caption', 'IPTC Caption', 'caption'],
  ['iptc', 'Headline', 'IPTC Headline', 'caption'],
  ['iptc', 'ObjectName', 'IPTC Object name', 'caption'],
  ['iptc', 'Keywords', 'IPTC Keywords', 'caption'],
  ['dc', 'title', 'XMP dc:title', 'caption'],
  ['dc', 'description', 'XMP dc:description', 'caption'],
  ['dc', 'subject', 'XMP dc:subject', 'caption'],
  ['photoshop', 'Headline', 'XMP photoshop:Headline', 'caption'],
  // People named in the picture.
  ['Iptc4xmpExt', 'PersonInImage', 'XMP Iptc4xmpExt:PersonInImage', 'person'],
  ['Iptc4xmpExt', 'PersonInImageWDetails', 'XMP Iptc4xmpExt:PersonInImageWDetails', 'person'],
  ['mwg-rs', 'Regions', 'XMP mwg-rs:Regions (named face regions)', 'person'],
  ['MP', 'RegionInfo', 'XMP MP:RegionInfo (named face regions)', 'person'],
  // Free-text comments.
  ['ifd0', 'XPComment', 'EXIF XPComment', 'comment'],
  ['exif', 'UserComment', 'EXIF UserComment', 'comment'],
];

/** PNG text keys that describe software, not people. */
const TECHNICAL_TEXT_KEYS = new Set(['software', 'creation time', 'date:create', 'date:modify', 'date:timestamp']);

/** A readable string for any exifr value (arrays, structs, byte arrays, UCS-2 XP* tags). */
function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\0+$/, '').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1').replace(/[^\x20-\x7e]/g, '').trim();
  if (Array.isArray(value)) return value.map(show).filter(Boolean).join(', ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(show).filter(Boolean).join(', ');
  return '';
}

/** Text-bearing PNG chunks (tEXt, zTXt, iTXt) as key/value pairs; XMP packets come back under their keyword. */
function pngTexts(chunks: Chunk[]): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const { type, data } of chunks) {
    const nul = data.indexOf(0);
    if (nul < 0 || !['tEXt', 'zTXt', 'iTXt'].includes(type)) continue;
    const key = data.toString('latin1', 0, nul);
    try {
      if (type === 'tEXt') out.push({ key, value: data.toString('latin1', nul + 1) });
      else if (type === 'zTXt') out.push({ key, value: inflateSync(data.subarray(nul + 2)).toString('latin1') });
      else {
        const compressed = data[nul + 1] === 1;
        let p = data.indexOf(0, nul + 3); // language tag
        p = data.indexOf(0, p + 1); // translated keyword
        const text = data.subarray(p + 1);
        out.push({ key, value: (compressed ? inflateSync(text) : text).toString('utf8') });
      }
    } catch {
      out.push({ key, value: '(unreadable compressed text)' });
    }
  }
  return out;
}

/** A minimal JPEG carrying just EXIF and XMP, so that exifr can read what PNG and WebP hold. */
function syntheticJpeg(exif: Buffer | undefined, xmp: Buffer | undefined): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (exif) parts.push(jpegSegment(0xe1, Buffer.concat([Buffer.from(EXIF_ID, 'latin1'), tiffOf(exif)])));
  if (xmp && xmp.length < 65000) parts.push(jpegSegment(0xe1, Buffer.concat([Buffer.from(XMP_ID, 'latin1'), xmp])));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

interface Raw {
  /** What exifr should parse (the file itself, or a synthetic JPEG). */
  parseable?: Buffer;
  comments: { label: string; value: string }[];
  orientation?: number;
}

/** Pulls the metadata blocks out of the container, so that exifr sees them whatever the format. */
function extract(bytes: Buffer, format: ImageFormat): Raw {
  if (format === 'jpeg') {
    const layout = parseJpeg(bytes);
    const comments = layout.segments.filter((s) => s.marker === 0xfe).map((s) => ({ label: 'JPEG comment', value: s.payload.toString('utf8') }));
    const exif = layout.segments.find(isExifSegment);
    return { parseable: bytes, comments, orientation: exif && tiffOrientation(exif.payload) };
  }
  if (format === 'png') {
    const chunks = parsePng(bytes);
    const texts = pngTexts(chunks);
    const exif = chunks.find((c) => c.type === 'eXIf')?.data;
    const xmp = texts.find((t) => t.key === 'XML:com.adobe.xmp');
    const comments = texts
      .filter((t) => t !== xmp && !TECHNICAL_TEXT_KEYS.has(t.key.toLowerCase()))
      .map((t) => ({ label: `PNG text "${t.key}"`, value: t.value }));
    return { parseable: syntheticJpeg(exif, xmp && Buffer.from(xmp.value, 'utf8')), comments, orientation: exif && tiffOrientation(exif) };
  }
  if (format === 'webp') {
    const chunks = parseWebp(bytes);
    const exif = chunks.find((c) => c.type === 'EXIF')?.data;
    const xmp = chunks.find((c) => c.type === 'XMP ')?.data;
    return { parseable: exif || xmp ? syntheticJpeg(exif, xmp) : undefined, comments: [], orientation: exif && tiffOrientation(exif) };
  }
  if (format === 'gif') return { comments: [] }; // exifr cannot read GIF; GIF comments are rare.
  return { parseable: bytes, comments: [] };
}

/** Parses with exifr (lazily imported), block by block. */
async function parseBlocks(bytes: Buffer): Promise<Blocks> {
  const exifr = (await import('exifr')).default;
  const options = { tiff: true, exif: true, gps: true, ifd1: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false, mergeOutput: false, multiSegment: true };
  return ((await exifr.parse(bytes, options)) ?? {}) as Blocks;
}

/** GPS fields: a position when exifr could compute one, any other GPS tag otherwise. */
function gpsFields(blocks: Blocks): MetaField[] {
  const out: MetaField[] = [];
  const gps = blocks.gps;
  if (gps) {
    const { latitude, longitude } = gps as { latitude?: number; longitude?: number };
    if (typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude + longitude)) {
      out.push({ label: 'EXIF GPS position', value: `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`, kind: 'location' });
    } else {
      const tags = Object.keys(gps).filter((k) => k !== 'GPSVersionID');
      if (tags.length) out.push({ label: `EXIF GPS (${tags.join(', ')})`, value: tags.map((k) => show(gps[k])).join('; '), kind: 'location' });
    }
  }
  // XMP's exif: namespace lands in the same block as the EXIF sub-IFD; its GPS* properties are strings.
  const xmpGps = Object.entries(blocks.exif ?? {}).filter(([k, v]) => /^GPS(Latitude|Longitude|Altitude|DestLatitude|DestLongitude)$/.test(k) && typeof v === 'string');
  if (xmpGps.length) out.push({ label: 'XMP exif:GPS position', value: xmpGps.map(([, v]) => show(v)).join(', '), kind: 'location' });
  return out;
}

/** Reads and classifies an image's metadata. Throws ContainerError when the file's structure is broken. */
export async function readMetadata(bytes: Buffer, format: ImageFormat): Promise<ImageMetadata> {
  const raw = extract(bytes, format);
  let blocks: Blocks = {};
  if (raw.parseable) {
    try {
      blocks = await parseBlocks(raw.parseable);
    } catch {
      blocks = {}; // exifr rejects files without any metadata segment it knows: nothing to report.
    }
  }
  const fields: MetaField[] = [...gpsFields(blocks)];
  for (const [block, key, label, kind] of FIELDS) {
    const value = show(blocks[block]?.[key]);
    if (value) fields.push({ label, value, kind });
  }
  const ifd1 = blocks.ifd1 as Record<string, unknown> | undefined;
  if (ifd1 && (ifd1.ThumbnailOffset || ifd1.JPEGInterchangeFormat || ifd1.ThumbnailLength)) {
    fields.push({ label: 'EXIF embedded thumbnail', value: `${show(ifd1.ThumbnailLength ?? ifd1.JPEGInterchangeFormatLength) || '?'} bytes`, kind: 'thumbnail' });
  }
  for (const c of raw.comments) if (c.value.trim()) fields.push({ label: c.label, value: c.value.trim(), kind: 'comment' });
  return {
    location: fields.filter((f) => f.kind === 'location'),
    identifying: fields.filter((f) => f.kind !== 'location'),
    orientation: raw.orientation,
  };
}

/** `readMetadata`, memoised per image so that image-location and image-metadata share one parse. */
export const metadataOf = (source: ImageSource): Promise<ImageMetadata> => source.memo('cftlint:metadata', () => readMetadata(source.bytes, source.format));
