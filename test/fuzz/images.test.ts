/**
 * Fuzz: bit-flipped, truncated and overwritten JPEG/PNG/WebP files (made with sharp) through every built-in image
 * rule at default options. Nothing throws; a broken file gets one clear fatal message (no rule id), or normal
 * messages when it still decodes; no rule crashes.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/processors/index.js';
import { lintSource, type ConfiguredRule } from '../../src/engine/linter.js';
import { runShutdownHooks, runtime } from '../../src/engine/lifecycle.js';
import { budget, defaultRules, params, runs } from './support.js';


/** A small photo-like picture: a gradient with a disc, so decoders and the face detector have real work. */
async function picture(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const width = 96;
  const height = 72;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inDisc = (x - 48) ** 2 + (y - 36) ** 2 < 400;
      pixels.set(inDisc ? [220, 180, 150] : [x * 2, y * 3, 128], (y * width + x) * 3);
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).withExif({
    IFD0: { Artist: 'Jo Bloggs', ImageDescription: 'Lily at home' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 16/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 31/1 12/1' },
  });
  return format === 'jpeg' ? image.jpeg({ quality: 80 }).toBuffer() : format === 'png' ? image.png().toBuffer() : image.webp().toBuffer();
}

type Damage = { kind: 'flip'; positions: number[] } | { kind: 'truncate'; at: number } | { kind: 'overwrite'; at: number; bytes: number[] };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), positions: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }),
);

/** Applies `d` to a copy of `original` (positions are taken modulo the length). */
function damaged(original: Buffer, d: Damage): Buffer {
  if (d.kind === 'truncate') return Buffer.from(original.subarray(0, d.at % original.length));
  const bytes = Buffer.from(original);
  if (d.kind === 'flip') for (const p of d.positions) bytes[p % bytes.length] ^= 1 << (p % 8);
  else bytes.set(d.bytes.slice(0, bytes.length), Math.min(d.at % bytes.length, bytes.length - Math.min(d.bytes.length, bytes.length)));
  return bytes;
}

describe('fuzz: damaged images through the image rules', () => {
  let rules: ConfiguredRule[];
  const originals = new Map<string, Buffer>();

  beforeAll(async () => {
    rules = await defaultRules('image');
    runtime.concurrency = 1;
    for (const format of ['jpeg', 'png', 'webp'] as const) originals.set(format, await picture(format));
  });
  afterAll(async () => {
    await runShutdownHooks();
  });

  it('finds the built-in image rules', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it('never throws; a broken file gets one clear fatal message or normal messages; no rule crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('jpeg', 'png', 'webp'), damage, async (format, d) => {
        const ext = format === 'jpeg' ? 'jpg' : format;
        const bytes = damaged(originals.get(format)!, d);
        const loaded = load(`photo.${ext}`, bytes);
        if (!loaded.ok) {
          expect(loaded.problem.length).toBeGreaterThan(10);
          return;
        }
        const { result } = await lintSource(loaded.source, { rules, settings: {} });
        const fatal = result.messages.filter((m) => m.fatal);
        expect(fatal.filter((m) => m.ruleId !== null).map((m) => m.message), 'a rule crashed').toEqual([]);
        expect(fatal.length, JSON.stringify(fatal)).toBeLessThanOrEqual(1);
        for (const m of fatal) expect(m.message).toMatch(/image|read|decode/i);
      }),
      params(runs(40, 25)),
    );
  }, budget(60_000));
});
