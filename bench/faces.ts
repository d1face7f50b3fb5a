/**
 * Face detection quality and speed: `npm run bench:faces -- <truth.csv> <folder>...` runs the detector over every
 * image in the folders and compares face counts with the ground truth (`file,faces`, one line per image, file
 * names relative to a folder). Prints recall, false positives per image and ms per image, for the whole-image
 * pass alone and with tiles. Without arguments: face-api's demo photos (faces counted by eye) plus generated
 * images with no face.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { kindFromName } from '../src/files/kind.js';
import { detectFaces, shutdownVision } from '../src/vision/index.js';
import { runtime } from '../src/engine/lifecycle.js';
import { photo } from '../fixtures/images/generate.js';

/** Faces in face-api's demo photos, counted by eye. */
const DEMO_TRUTH: Record<string, number> = { 'sample1.jpg': 3, 'sample2.jpg': 3, 'sample3.jpg': 3, 'sample4.jpg': 4, 'sample5.jpg': 5, 'sample6.jpg': 4 };

async function defaultSet(): Promise<{ truth: Map<string, number>; folders: string[] }> {
  const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
  const negatives = await mkdtemp(join(tmpdir(), 'cftlint-bench-neg-'));
  const truth = new Map(Object.entries(DEMO_TRUTH));
  for (let i = 0; i < 6; i++) {
    const name = `noface${i}.jpg`;
    await writeFile(join(negatives, name), await photo({ width: 1600 + i * 200, height: 1200, seed: i + 1 }));
    truth.set(name, 0);
  }
  return { truth, folders: [demo, negatives] };
}

async function readTruth(csv: string): Promise<Map<string, number>> {
  const truth = new Map<string, number>();
  for (const line of (await readFile(csv, 'utf8')).split(/\r?\n/)) {
    const [file, faces] = line.split(',').map((s) => s.trim());
    if (file && faces && /^\d+$/.test(faces)) truth.set(file, Number(faces));
  }
  return truth;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const concurrencyArg = args.findIndex((a) => a === '--concurrency');
  if (concurrencyArg >= 0) runtime.concurrency = Number(args.splice(concurrencyArg, 2)[1]);
  const { truth, folders } = args.length >= 2 ? { truth: await readTruth(args[0]!), folders: args.slice(1) } : await defaultSet();
  const images: { path: string; expected: number }[] = [];
  for (const folder of folders) {
    for (const name of (await readdir(folder)).sort()) {
      const expected = truth.get(name) ?? truth.get(join(basename(folder), name));
      if (expected !== undefined && kindFromName(name)?.kind === 'image') images.push({ path: join(folder, name), expected });
    }
  }
  if (images.length === 0) throw new Error('no image in the folders is listed in the ground truth');
  const bytes = await Promise.all(images.map((i) => readFile(i.path)));
  // Warm-up: the first image in each worker loads TensorFlow.js and the models.
  await detectFaces(bytes[0]!, kindFromName(images[0]!.path)!.format as never, { minConfidence: 0.5, tiles: false });

  console.log(`${images.length} images, ${[...truth.values()].reduce((a, b) => a + b, 0)} faces in the ground truth\n`);
  console.log('mode              recall   FP/image   ms/image (wall)   passes/image');
  for (const tiles of [false, true]) {
    let found = 0;
    let expected = 0;
    let falsePositives = 0;
    let passes = 0;
    const perImage: string[] = [];
    const worker: number[] = [];
    const t0 = performance.now();
    const results = await Promise.all(
      images.map((img, i) => detectFaces(bytes[i]!, kindFromName(img.path)!.format as never, { minConfidence: 0.5, tiles })),
    );
    const wall = performance.now() - t0;
    results.forEach((r, i) => {
      const img = images[i]!;
      const n = r.ok ? r.faces.length : 0;
      found += Math.min(n, img.expected);
      expected += img.expected;
      falsePositives += Math.max(0, n - img.expected);
      passes += r.ok ? r.passes : 0;
      if (r.ok) worker.push(r.ms.decode, r.ms.detect);
      perImage.push(`${basename(img.path)} ${n}/${img.expected}${r.ok ? '' : ` (${r.reason})`}`);
    });
    const mode = tiles ? 'whole + tiles' : 'whole image';
    console.log(
      `${mode.padEnd(16)}  ${(expected ? found / expected : 1).toFixed(3).padStart(6)}   ${(falsePositives / images.length).toFixed(3).padStart(8)}   ${(wall / images.length).toFixed(0).padStart(15)}   ${(passes / images.length).toFixed(1).padStart(12)}`,
    );
    const avg = (k: number) => worker.filter((_, j) => j % 2 === k).reduce((a, b) => a + b, 0) / (worker.length / 2);
    console.log(`                  in a worker: decode ${avg(0).toFixed(0)} ms, detect ${avg(1).toFixed(0)} ms per image`);
    console.log(`                  ${perImage.join(', ')}`);
  }
  await shutdownVision();
}

await main();
