/**
 * The face detector, run inside a worker thread: SSD MobileNet v1 and the age/gender model from
 * @vladmandic/face-api, on TensorFlow.js with the WebAssembly backend, everything loaded from disk (the .wasm
 * files from @tensorflow/tfjs-backend-wasm, the weights from face-api's model/ folder). Nothing is imported
 * until the first image arrives; each worker keeps one model instance.
 *
 * Passes: (1) the whole image, centred on a padded square so that faces filling the frame are still seen;
 * (2) for large images, overlapping square tiles at higher resolution so that small faces in the background are
 * found. Boxes are merged with NMS, then each face gets an age estimate.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ImageFormat } from '../types.js';
import { decodeForDetection, DecodeError, type Decoded } from './decode.js';
import { nms, tiles, type Box, type ScoredBox } from './geometry.js';

export interface Face extends ScoredBox {
  /** Estimated age in years (an estimate: it misjudges children badly). */
  age: number;
}

export interface DetectTask {
  bytes: Uint8Array;
  format: ImageFormat;
  minConfidence: number;
  /** Run the tiled pass on large images (slower, finds small faces). */
  tiles: boolean;
}

export type DetectResult =
  | { ok: true; width: number; height: number; faces: Face[]; passes: number; ms: { decode: number; detect: number } }
  | { ok: false; reason: string };

/** The few tfjs tensor operations we use, typed narrowly. */
interface Tensor {
  shape: number[];
  dispose(): void;
}
interface Tf {
  tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}
interface FaceApi {
  tf: Tf;
  nets: {
    ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void>; locateFaces(input: Tensor, options: unknown): Promise<{ score: number; box: Box }[]> };
    ageGenderNet: { loadFromDisk(dir: string): Promise<void>; predictAgeAndGender(input: Tensor): Promise<{ age: number }> };
  };
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

let loading: Promise<FaceApi> | undefined;

/** Loads TensorFlow.js (wasm backend, from disk) and the two models, once per worker. */
export function loadModels(): Promise<FaceApi> {
  loading ??= (async () => {
    const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as unknown as { setWasmPaths(prefix: string, usePlatformFetch?: boolean): void };
    const fa = ((await import('@vladmandic/face-api/dist/face-api.node-wasm.js')) as unknown as { default: FaceApi }).default;
    // `false`: read the .wasm files from this folder, never fetch them.
    wasm.setWasmPaths(join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + '/', false);
    await fa.tf.setBackend('wasm');
    await fa.tf.ready();
    const models = join(packageDir('@vladmandic/face-api'), 'model');
    await fa.nets.ssdMobilenetv1.loadFromDisk(models);
    await fa.nets.ageGenderNet.loadFromDisk(models);
    return fa;
  })();
  return loading;
}

/** Working images larger than this on their longest side also get the tiled pass. */
const TILE_FROM = 1024;
/** A tile's side as a fraction of the image's longest side. */
const TILE_FRACTION = 0.6;
/** Padding around the whole image in pass 1, as a fraction of its longest side (each side). */
const PAD_FRACTION = 0.125;

/** The SSD's input side: face-api resizes every input to 512 × 512. */
const SSD_SIZE = 512;
/** The age model's input side. */
const AGE_SIZE = 112;

/** A region of the working image, resized with sharp (fast, native) and centred on a padded `size` square. */
async function squareInput(image: Decoded, region: Box, size: number, padFraction: number) {
  const sharp = (await import('sharp')).default;
  const scale = size / (Math.max(region.width, region.height) * (1 + 2 * padFraction));
  const w = Math.max(1, Math.min(size, Math.round(region.width * scale)));
  const h = Math.max(1, Math.min(size, Math.round(region.height * scale)));
  const left = Math.floor((size - w) / 2);
  const top = Math.floor((size - h) / 2);
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .resize(w, h, { fit: 'fill' })
    .extend({ top, bottom: size - h - top, left, right: size - w - left, background: { r: 0, g: 0, b: 0 } })
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), sx: w / region.width, sy: h / region.height, left, top };
}

/** SSD on one region of the image; boxes come back in working-image coordinates. */
async function detectIn(fa: FaceApi, image: Decoded, region: Box, padFraction: number, minConfidence: number): Promise<(ScoredBox & { region: Box })[]> {
  const input = await squareInput(image, region, SSD_SIZE, padFraction);
  const tensor = fa.tf.tensor3d(input.data, [SSD_SIZE, SSD_SIZE, 3], 'int32');
  try {
    const found = await fa.nets.ssdMobilenetv1.locateFaces(tensor, new fa.SsdMobilenetv1Options({ minConfidence, maxResults: 100 }));
    return found.map(({ score, box }) => ({
      score,
      x: (box.x - input.left) / input.sx + region.x,
      y: (box.y - input.top) / input.sy + region.y,
      width: box.width / input.sx,
      height: box.height / input.sy,
      region,
    }));
  } finally {
    tensor.dispose();
  }
}

/** True when a box touches an edge of its tile that is inside the image: the face may be cut, another tile has it whole. */
function cutByTile(b: Box & { region: Box }, width: number, height: number): boolean {
  const m = 2;
  const r = b.region;
  return (
    (r.x > 0 && b.x <= r.x + m) ||
    (r.y > 0 && b.y <= r.y + m) ||
    (r.x + r.width < width && b.x + b.width >= r.x + r.width - m) ||
    (r.y + r.height < height && b.y + b.height >= r.y + r.height - m)
  );
}

/** Clamps a box to the image and grows it by `margin` (a fraction) on each side, for the age model. */
function around(b: Box, width: number, height: number, margin: number): Box {
  const x = Math.max(0, Math.floor(b.x - b.width * margin));
  const y = Math.max(0, Math.floor(b.y - b.height * margin));
  const x2 = Math.min(width, Math.ceil(b.x + b.width * (1 + margin)));
  const y2 = Math.min(height, Math.ceil(b.y + b.height * (1 + margin)));
  return { x, y, width: Math.max(1, x2 - x), height: Math.max(1, y2 - y) };
}

/** All passes on decoded pixels; faces in working-image coordinates. */
export async function detectOnPixels(image: Decoded, minConfidence: number, useTiles: boolean): Promise<{ faces: Face[]; passes: number }> {
  const fa = await loadModels();
  const { width, height } = image;
  const candidates = await detectIn(fa, image, { x: 0, y: 0, width, height }, PAD_FRACTION, minConfidence);
  let passes = 1;
  if (useTiles && Math.max(width, height) > TILE_FROM) {
    for (const tile of tiles(width, height, Math.round(Math.max(width, height) * TILE_FRACTION))) {
      const found = await detectIn(fa, image, tile, 0, minConfidence);
      candidates.push(...found.filter((b) => !cutByTile(b, width, height)));
      passes++;
    }
  }
  const faces: Face[] = [];
  for (const box of nms(candidates)) {
    const input = await squareInput(image, around(box, width, height, 0.2), AGE_SIZE, 0);
    const tensor = fa.tf.tensor3d(input.data, [AGE_SIZE, AGE_SIZE, 3], 'int32');
    try {
      const { age } = await fa.nets.ageGenderNet.predictAgeAndGender(tensor);
      faces.push({ x: box.x, y: box.y, width: box.width, height: box.height, score: box.score, age });
    } finally {
      tensor.dispose();
    }
  }
  return { faces, passes };
}

/** Decodes and detects; boxes are scaled back to the original (oriented) image. Decode failures are results, not throws. */
export async function detect(task: DetectTask): Promise<DetectResult> {
  const t0 = performance.now();
  let image: Decoded;
  try {
    image = await decodeForDetection(task.bytes, task.format);
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, reason: error.message };
    throw error;
  }
  const t1 = performance.now();
  const { faces, passes } = await detectOnPixels(image, task.minConfidence, task.tiles);
  const sx = image.originalWidth / image.width;
  const sy = image.originalHeight / image.height;
  const scaled = faces.map((f) => ({
    x: Math.max(0, Math.round(f.x * sx)),
    y: Math.max(0, Math.round(f.y * sy)),
    width: Math.round(f.width * sx),
    height: Math.round(f.height * sy),
    score: f.score,
    age: f.age,
  }));
  return { ok: true, width: image.originalWidth, height: image.originalHeight, faces: scaled, passes, ms: { decode: t1 - t0, detect: performance.now() - t1 } };
}
