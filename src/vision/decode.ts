/**
 * Decoding for face detection: sharp with the EXIF orientation applied and shrink-on-load, and heic-decode
 * (libheif in wasm) for HEIC/HEIF, which sharp's prebuilt libvips cannot read. Runs inside the worker threads.
 */
import { isMainThread } from 'node:worker_threads';
import type { ImageFormat } from '../types.js';

/** Decoded RGB pixels at working resolution, and the scale back to the original (oriented) image. */
export interface Decoded {
  data: Uint8Array;
  width: number;
  height: number;
  /** Original (oriented) size. */
  originalWidth: number;
  originalHeight: number;
}

/** A decode failure with a message fit for the user (no stack trace). */
export class DecodeError extends Error {}

/** Refuse "decompression bombs": more pixels than a 16k × 16k image. */
export const MAX_INPUT_PIXELS = 16384 * 16384;

/** The longest side the detector works at: tiles recover small faces from it. */
export const WORKING_SIZE = 2048;

type SharpFactory = typeof import('sharp');

let sharpModule: Promise<SharpFactory> | undefined;
/** sharp, with libvips limited to one thread per worker: the pool already runs one worker per core. */
const loadSharp = () =>
  (sharpModule ??= import('sharp').then((m) => {
    const sharp = ((m as { default?: SharpFactory }).default ?? m) as SharpFactory;
    if (!isMainThread) sharp.concurrency(1);
    return sharp;
  }));

/** Words for sharp's and libheif's errors. */
function explain(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) return `the image claims more than ${MAX_INPUT_PIXELS / 1e6 | 0} megapixels (a decompression bomb?)`;
  if (/premature end|truncated|unexpected end|bad seek|end of (file|stream)|not enough data/i.test(text)) return 'the image data is truncated or corrupt';
  return `the image data is corrupt (${text.split('\n')[0]!.replace(/^Input (buffer|file) (has|contains) /, '').slice(0, 120)})`;
}

/** HEIC/HEIF through libheif (wasm), with its transformations (rotation, mirror) applied. */
async function decodeHeic(bytes: Uint8Array): Promise<{ data: Uint8Array; width: number; height: number; channels: 3 | 4 }> {
  const name = 'heic-decode'; // untyped CommonJS package
  const mod = (await import(name)) as unknown as { default: (o: { buffer: Uint8Array }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }> };
  const image = await mod.default({ buffer: bytes });
  if (image.width * image.height > MAX_INPUT_PIXELS) throw new Error('pixel limit');
  return { data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), width: image.width, height: image.height, channels: 4 };
}

/** Decodes to RGB at most WORKING_SIZE on its longest side. Throws DecodeError with a clear reason. */
export async function decodeForDetection(bytes: Uint8Array, format: ImageFormat): Promise<Decoded> {
  const sharp = await loadSharp();
  try {
    let pipeline;
    let originalWidth: number;
    let originalHeight: number;
    if (format === 'heic') {
      const heic = await decodeHeic(bytes);
      originalWidth = heic.width;
      originalHeight = heic.height;
      pipeline = sharp(heic.data, { raw: { width: heic.width, height: heic.height, channels: heic.channels } });
    } else {
      const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' as const, sequentialRead: true };
      const meta = await sharp(bytes, options).metadata();
      if (!meta.width || !meta.height) throw new Error('no image size');
      const swap = (meta.orientation ?? 1) >= 5;
      originalWidth = swap ? meta.height : meta.width;
      originalHeight = swap ? meta.width : meta.height;
      pipeline = sharp(bytes, options).rotate();
    }
    const { data, info } = await pipeline
      .resize(WORKING_SIZE, WORKING_SIZE, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, originalWidth, originalHeight };
  } catch (error) {
    throw new DecodeError(explain(error));
  }
}
