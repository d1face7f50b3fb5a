import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { stripMetadata } from '../../src/images/strip.js';
import { readMetadata } from '../../src/images/metadata.js';
import { parseJpeg, parseWebp } from '../../src/images/container.js';
import { sniffImage } from '../../src/files/kind.js';
import { EXIFTOOL_LOCATION, geotagged, photo, withExifTool, withJpegComment } from '../../fixtures/images/generate.js';
import { exifWithThumbnail, pixels } from './helpers.js';

/** Strips, then checks what every fix must guarantee: same pixels, nothing identifying left. */
async function checkStrip(before: Buffer) {
  const format = sniffImage(before)!;
  const { bytes: after, removed } = await stripMetadata(before);
  expect(removed.length).toBeGreaterThan(0);
  expect(sniffImage(after)).toBe(format);
  const a = await pixels(before);
  const b = await pixels(after);
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  expect(b.data.equals(a.data), 'decoded pixels identical').toBe(true);
  const meta = await readMetadata(after, format);
  expect(meta.location).toEqual([]);
  expect(meta.identifying).toEqual([]);
  expect(after.includes(Buffer.from('Maidstone'))).toBe(false);
  expect(after.length).toBeLessThan(before.length);
  return after;
}

describe('lossless metadata stripping', () => {
  it('JPEG: drops EXIF, XMP, COM; scan data byte-identical', async () => {
    const before = withJpegComment(await geotagged('jpeg'), 'Lily at Oak Lane');
    const after = await checkStrip(before);
    const a = parseJpeg(before);
    const b = parseJpeg(after);
    expect(after.subarray(b.scanStart, b.eoi).equals(before.subarray(a.scanStart, a.eoi))).toBe(true);
  });

  it('JPEG: keeps the picture upright (Orientation kept in a minimal EXIF)', async () => {
    const before = await geotagged('jpeg', { orientation: 6 });
    const after = await checkStrip(before);
    expect((await sharp(after).metadata()).orientation).toBe(6);
    expect((await readMetadata(after, 'jpeg')).orientation).toBe(6);
  });

  it('JPEG: drops IPTC (APP13) and the embedded thumbnail', async () => {
    await checkStrip(await withExifTool(await photo(), 'jpg', { 'IPTC:City': 'Maidstone', 'IPTC:By-line': 'Jo' }));
    await checkStrip(await exifWithThumbnail());
  });

  it('PNG: drops eXIf and text chunks, keeps orientation', async () => {
    const after = await checkStrip(await geotagged('png', { orientation: 3 }));
    expect((await sharp(after).metadata()).orientation).toBe(3);
  });

  it('WebP: drops EXIF/XMP chunks, fixes VP8X flags and RIFF size', async () => {
    const after = await checkStrip(await geotagged('webp'));
    expect(after.readUInt32LE(4)).toBe(after.length - 8);
    const vp8x = parseWebp(after).find((c) => c.type === 'VP8X');
    if (vp8x) expect(vp8x.data[0]! & 0x0c).toBe(0);
  });

  it('WebP: keeps a non-default orientation', async () => {
    const after = await checkStrip(await geotagged('webp', { orientation: 8 }));
    expect((await sharp(after).metadata()).orientation).toBe(8);
  });

  it('AVIF/HEIF container and TIFF: stripped by ExifTool without re-encoding', async () => {
    await checkStrip(await withExifTool(await photo({ format: 'avif' }), 'avif', EXIFTOOL_LOCATION));
    await checkStrip(await withExifTool(await photo({ format: 'tiff' }), 'tif', EXIFTOOL_LOCATION));
  }, 20_000);

  it('refuses broken files with a clear error instead of writing them', async () => {
    const truncated = (await geotagged('jpeg')).subarray(0, 200);
    await expect(stripMetadata(truncated)).rejects.toThrow(/truncated/);
  });
});
