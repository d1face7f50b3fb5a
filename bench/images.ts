/**
 * Image throughput on 12-megapixel JPEGs generated with sharp (4000 × 3000, with GPS EXIF and XMP):
 * ms per image for metadata only (image-location + image-metadata's parse) and for face detection,
 * with 1 worker and with every core, whole-image pass alone and with tiles.
 * `npm run bench:images [-- <count>]`.
 */
import { availableParallelism } from 'node:os';
import { geotagged } from '../fixtures/images/generate.js';
import { readMetadata } from '../src/images/metadata.js';
import { detectFaces, shutdownVision } from '../src/vision/index.js';
import { runtime } from '../src/engine/lifecycle.js';

const count = Number(process.argv[2] ?? 8);

async function main(): Promise<void> {
  const images = await Promise.all(Array.from({ length: count }, (_, i) => geotagged('jpeg', { width: 4000, height: 3000, seed: i + 1 })));
  console.log(`${count} JPEGs, 4000 × 3000 (12 MP), ${(images.reduce((a, b) => a + b.length, 0) / count / 1024).toFixed(0)} KB each; ${availableParallelism()} cores\n`);

  await readMetadata(images[0]!, 'jpeg'); // warm-up: exifr import
  let t0 = performance.now();
  for (const bytes of images) {
    const meta = await readMetadata(bytes, 'jpeg');
    if (meta.location.length === 0) throw new Error('the GPS position was not found');
  }
  console.log(`metadata only                     ${((performance.now() - t0) / count).toFixed(2).padStart(8)} ms/image`);

  for (const tiles of [false, true]) {
    for (const workers of [1, availableParallelism()]) {
      runtime.concurrency = workers;
      // Warm every worker (model loading is a one-off cost per worker, reported apart).
      t0 = performance.now();
      await Promise.all(Array.from({ length: workers }, () => detectFaces(images[0]!, 'jpeg', { minConfidence: 0.5, tiles: false })));
      const warm = performance.now() - t0;
      t0 = performance.now();
      await Promise.all(images.map((bytes) => detectFaces(bytes, 'jpeg', { minConfidence: 0.5, tiles })));
      const ms = (performance.now() - t0) / count;
      const label = `faces, ${tiles ? 'whole + tiles' : 'whole image  '}, ${workers} worker${workers > 1 ? 's' : ' '}`;
      console.log(`${label.padEnd(34)}${ms.toFixed(0).padStart(8)} ms/image  (${(ms * workers).toFixed(0)} ms/image per core; warm-up ${warm.toFixed(0)} ms)`);
      await shutdownVision();
    }
  }
}

await main();
