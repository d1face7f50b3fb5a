/**
 * Face tests on face-api's demo photos (read from node_modules, faces counted by eye) and generated images with
 * no face. The detector runs in worker threads from dist/: `npm test` builds first (pretest).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, vi } from 'vitest';
import sharp from 'sharp';
import rule from '../../rules/image-faces.js';
import { RuleTester } from '../support/rule-tester.js';
import { lyingJpeg, lyingPng, photo } from '../../fixtures/images/generate.js';
import { shutdownVision } from '../../src/vision/index.js';

const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const sample = (n: number) => () => readFile(join(demo, `sample${n}.jpg`));
/** A tight crop of one face (sample3, middle woman) that fills the frame. */
const frameFilling = async () => sharp(await readFile(join(demo, 'sample3.jpg'))).extract({ left: 1060, top: 190, width: 260, height: 320 }).jpeg().toBuffer();

vi.setConfig({ testTimeout: 30_000 });
afterAll(() => shutdownVision());

const FACE = /^Face at \d+,\d+ \(\d+×\d+ px, confidence 0\.\d\d\), estimated age \d+: photos of children in our care must not be published\.$/;

new RuleTester().run('image-faces', rule, {
  valid: [
    { name: 'generated picture with no face (large: tiled)', image: () => photo({ width: 3000, height: 2000, seed: 3 }) },
    { name: 'generated picture with no face (small PNG)', filename: 'a.png', image: () => photo({ format: 'png', width: 640, height: 480, seed: 4 }) },
    { name: 'faces smaller than minFaceSize are ignored', image: sample(1), options: { minFaceSize: 2000 } },
  ],
  invalid: [
    { name: 'sample1: three faces', image: sample(1), errors: [{ messageId: 'face', message: FACE, severity: 2 }, { message: FACE }, { message: FACE }] },
    { name: 'sample2: three faces', image: sample(2), errors: 3 },
    { name: 'sample3: three faces', image: sample(3), errors: 3 },
    { name: 'sample4: four faces', image: sample(4), errors: 4 },
    { name: 'sample5: five faces', image: sample(5), errors: 5 },
    { name: 'sample6: four faces', image: sample(6), errors: 4, options: { tiles: false } },
    { name: 'a face filling the frame', image: frameFilling, errors: 1 },
    { name: 'adults may be warnings when configured', image: sample(1), options: { adultAgeThreshold: 1 }, errors: [{ severity: 1 }, { severity: 1 }, { severity: 1 }] },
    { name: 'truncated JPEG', image: async () => (await photo({ width: 800, height: 600 })).subarray(0, 2000), errors: [{ fatal: true, message: /truncated or corrupt/ }] },
    { name: 'decompression bomb (30000 × 30000 PNG header)', filename: 'bomb.png', image: () => lyingPng(30000, 30000), errors: [{ fatal: true, message: /decompression bomb/ }] },
    { name: 'decompression bomb (30000 × 30000 JPEG header)', image: () => lyingJpeg(30000, 30000), errors: [{ fatal: true, message: /decompression bomb/ }] },
    { name: 'PNG with a lying header', filename: 'lie.png', image: () => lyingPng(4000, 3000), errors: [{ fatal: true, message: /Could not decode this image/ }] },
  ],
});
