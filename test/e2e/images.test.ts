import { describe, it, expect } from 'vitest';
import { readFileSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geotagged, photo } from '../../fixtures/images/generate.js';
import { pixels } from '../images/helpers.js';
import { spawnCli, tempProject } from '../support/cli.js';

const noFaces = JSON.stringify({ rules: { 'image-faces': 'off' } });

describe('images through the CLI', () => {
  it('--fix strips location metadata from JPEG, PNG and WebP without touching the pixels, then re-lints clean', async () => {
    const dir = tempProject({ '.cftlintrc.json': noFaces });
    const originals: Record<string, Buffer> = {};
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const name = `photo.${format === 'jpeg' ? 'jpg' : format}`;
      originals[name] = await geotagged(format);
      writeFileSync(join(dir, name), originals[name]!);
    }
    const before = spawnCli(['.', '-f', 'json'], { cwd: dir, env: { CI: 'true' } });
    expect(before.code).toBe(1);
    const found = JSON.parse(before.stdout);
    expect(found.map((r: { messages: { ruleId: string }[] }) => r.messages.some((m) => m.ruleId === 'image-location'))).toEqual([true, true, true]);
    expect(before.stdout).not.toMatch(/51\.\d|0\.12\d/); // coordinates are redacted in CI

    const fixed = spawnCli(['.', '--fix', '-f', 'json'], { cwd: dir });
    for (const result of JSON.parse(fixed.stdout)) {
      expect(result.messages.filter((m: { ruleId: string }) => m.ruleId === 'image-location'), result.filePath).toEqual([]);
    }
    for (const [name, original] of Object.entries(originals)) {
      const after = readFileSync(join(dir, name));
      expect(after.equals(original), name).toBe(false);
      expect((await pixels(after)).data.equals((await pixels(original)).data), `${name} pixels`).toBe(true);
    }
  });

  it('--fix-dry-run reports what would be removed and leaves the file alone', async () => {
    const original = await geotagged('jpeg');
    const dir = tempProject({ '.cftlintrc.json': noFaces, 'a.jpg': original });
    const r = spawnCli(['.', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    const location = JSON.parse(r.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'image-location');
    expect(location.fix.description).toMatch(/\w/);
    expect(readFileSync(join(dir, 'a.jpg')).equals(original)).toBe(true);
  });

  it('a truncated JPEG gets one fatal message and is never "fixed"; the other files are linted', async () => {
    const truncated = (await geotagged('jpeg')).subarray(0, 300);
    const dir = tempProject({ 'broken.jpg': truncated, 'post.md': 'Call 020 7946 0123.\n' });
    const r = spawnCli(['.', '--fix', '-f', 'json'], { cwd: dir });
    const [broken, post] = JSON.parse(r.stdout);
    expect(broken.messages).toHaveLength(1);
    expect(broken.messages[0]).toMatchObject({ ruleId: null, fatal: true });
    expect(readFileSync(join(dir, 'broken.jpg')).equals(truncated)).toBe(true);
    expect(post.messages.some((m: { ruleId: string }) => m.ruleId === 'contact-details')).toBe(true);
  });

  it('reports faces with a region, and nothing on a photo with no face', async () => {
    const require = createRequire(import.meta.url);
    const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo/sample1.jpg');
    const dir = tempProject({ 'plain.png': await photo({ format: 'png', width: 320, height: 240 }) });
    if (existsSync(demo)) copyFileSync(demo, join(dir, 'group.jpg'));
    const r = spawnCli(['.', '-f', 'json', '--rule', 'image-faces: [error, {tiles: false}]'], { cwd: dir });
    const results = JSON.parse(r.stdout);
    const faces = (name: string) => results.find((x: { filePath: string }) => x.filePath.endsWith(name)).messages.filter((m: { ruleId: string }) => m.ruleId === 'image-faces');
    expect(faces('plain.png')).toEqual([]);
    const group = faces('group.jpg');
    expect(group.length).toBeGreaterThan(0);
    expect(group[0].region).toEqual({ x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) });
    expect(group[0].message).toMatch(/estimated age \d+: photos of children in our care must not be published/);
  });
});
