import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { containment, iou, nms, tiles } from '../../src/vision/geometry.js';

describe('vision geometry', () => {
  it('tiles cover the image with overlap, ending at the edges', () => {
    const t = tiles(2048, 1536, 1229);
    expect(t).toHaveLength(4);
    expect(Math.max(...t.map((b) => b.x + b.width))).toBe(2048);
    expect(Math.max(...t.map((b) => b.y + b.height))).toBe(1536);
    expect(tiles(500, 400, 600)).toEqual([{ x: 0, y: 0, width: 500, height: 400 }]);
  });

  it('NMS keeps the best of overlapping boxes and drops half-faces inside a whole one', () => {
    const a = { x: 0, y: 0, width: 100, height: 100, score: 0.9 };
    const b = { x: 10, y: 10, width: 100, height: 100, score: 0.8 };
    const half = { x: 50, y: 0, width: 50, height: 100, score: 0.95 };
    const far = { x: 500, y: 500, width: 50, height: 50, score: 0.6 };
    expect(iou(a, b)).toBeGreaterThan(0.3);
    expect(containment(a, half)).toBe(1);
    expect(nms([a, b, far])).toEqual([a, far]);
    expect(nms([a, half])).toEqual([half]);
  });
});

/** Runs a snippet in a fresh node process from the package root (built code in dist/). */
const node = (code: string) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 60_000 });

describe('vision process behaviour (built code)', () => {
  it('importing the image rules loads no heavy library (TensorFlow, sharp, exifr, ExifTool)', () => {
    const out = node(`
      import { createRequire } from 'node:module';
      await import('./dist/rules/image-faces.js'); await import('./dist/rules/image-location.js'); await import('./dist/rules/image-metadata.js');
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(cache.filter((k) => /@tensorflow|face-api|[\\\\/]sharp[\\\\/]|exifr|exiftool/.test(k))));
    `);
    expect(JSON.parse(out.trim())).toEqual([]);
  });

  it('the worker pool does not keep the process alive after detection', () => {
    const out = node(`
      import { readFileSync } from 'node:fs';
      const { detectFaces } = await import('./dist/src/vision/index.js');
      const r = await detectFaces(readFileSync('node_modules/@vladmandic/face-api/demo/sample1.jpg'), 'jpeg', { minConfidence: 0.5, tiles: false });
      console.log(r.ok && r.faces.length);
    `);
    expect(out.trim()).toBe('3');
  }, 60_000);
});
