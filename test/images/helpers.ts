/** Test helpers for images: hand-built EXIF with a thumbnail, pixel decoding for before/after comparisons. */
import sharp from 'sharp';
import { photo } from '../../fixtures/images/generate.js';
import { EXIF_ID, jpegSegment } from '../../src/images/container.js';

/** A JPEG whose EXIF has IFD0 (Orientation 1) and an IFD1 pointing at an embedded JPEG thumbnail. */
export async function exifWithThumbnail(): Promise<Buffer> {
  const thumb = await photo({ width: 16, height: 12, seed: 7 });
  const tiff = Buffer.alloc(8 + 18 + 30);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // IFD0: one entry
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(1, 18);
  tiff.writeUInt32LE(26, 22); // next IFD: IFD1
  tiff.writeUInt16LE(2, 26); // IFD1: two entries
  tiff.writeUInt16LE(0x0201, 28); // JPEGInterchangeFormat
  tiff.writeUInt16LE(4, 30);
  tiff.writeUInt32LE(1, 32);
  tiff.writeUInt32LE(56, 36);
  tiff.writeUInt16LE(0x0202, 40); // JPEGInterchangeFormatLength
  tiff.writeUInt16LE(4, 42);
  tiff.writeUInt32LE(1, 44);
  tiff.writeUInt32LE(thumb.length, 48);
  tiff.writeUInt32LE(0, 52);
  const app1 = jpegSegment(0xe1, Buffer.concat([Buffer.from(EXIF_ID, 'latin1'), tiff, thumb]));
  const main = await photo();
  return Buffer.concat([main.subarray(0, 2), app1, main.subarray(2)]);
}

/** Decoded RGBA pixels with the EXIF orientation applied (what a viewer shows). */
export async function pixels(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
