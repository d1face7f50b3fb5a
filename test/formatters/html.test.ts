import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { Chalk } from 'chalk';
import type { LintMessage, LintResult, RuleMeta } from '../../src/types.js';
import { countResult } from '../../src/engine/linter.js';
import { loadFormatter } from '../../src/formatters/index.js';
import { redactResults } from '../../src/formatters/redact.js';
import html, { THUMB_SIZE } from '../../src/formatters/html.js';
import { ROOT, spawnCli, tempProject } from '../support/cli.js';

/** Debian's chromium; CFTLINT_CHROMIUM points elsewhere (or at nothing, to check the skip). */
const CHROMIUM = process.env.CFTLINT_CHROMIUM ?? '/usr/bin/chromium';
const INJECTION = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2">';

let dir: string;
const msg = (m: Partial<LintMessage>): LintMessage => ({ ruleId: 'image-faces', severity: 2, message: 'Face.', line: 1, column: 1, nodeType: null, ...m });
const meta = (description: string, kind: 'text' | 'image' = 'text'): RuleMeta => ({ kind, description, policy: 'No information about a child.', docs: 'rules/x.md', defaultSeverity: 'error', messages: {} });
const rulesMeta = {
  'image-faces': meta('Faces in a photo, with an age estimate.', 'image'),
  'child-name': meta('First names of children <b>in care</b>.'),
  'image-location': meta('GPS position in a photo.', 'image'),
  '@team/odd rule': meta('A plugin rule with an awkward id.'),
};
const context = (redacted = false) => ({ cwd: dir, rulesMeta, color: new Chalk({ level: 0 }), redacted, version: '0.1.0' });

/** A 1200×800 "photo": two skin-coloured discs where the regions are, fine stripes (to measure blur), EXIF with GPS. */
async function photo(): Promise<Buffer> {
  const stripes = Array.from({ length: 60 }, (_, i) => `<rect x="${i * 20}" y="600" width="10" height="200" fill="#000"/>`).join('');
  const svg = `<svg width="1200" height="800"><circle cx="400" cy="300" r="120" fill="#e0b090"/><circle cx="850" cy="420" r="90" fill="#c08060"/>${stripes}</svg>`;
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#88aacc' } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Secret Person', ImageDescription: 'Lily at Oakfield Primary' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 16/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 31/1 12/1' },
    })
    .toBuffer();
}

/** The results the tests format: an image with regions (one suppressed), a draft with injected HTML, a broken image, a clean file. */
function sampleResults(): LintResult[] {
  return [
    countResult(join(dir, 'photos/party.jpg'), [
      msg({ region: { x: 280, y: 180, width: 240, height: 240 }, message: 'Face at 280,180 (240×240 px), estimated age 8.' }),
      msg({ severity: 1, region: { x: 760, y: 330, width: 180, height: 180 }, message: 'Face at 760,330, estimated age 34.' }),
      msg({ ruleId: 'image-location', message: 'GPS position 51.5, -0.12 in the metadata.', evidence: { text: '51.5, -0.12', kind: 'coordinates' } }),
    ], [msg({ region: { x: 40, y: 40, width: 100, height: 100 }, suppressions: [{ kind: 'directive', justification: `consent on file ${INJECTION}` }] })]),
    countResult(join(dir, 'drafts/story.md'), [
      msg({ ruleId: 'child-name', line: 3, column: 5, message: `Name ${INJECTION} & "quotes": remove it.`, evidence: { text: INJECTION, kind: 'first name' } }),
      msg({ ruleId: '@team/odd rule', line: 7, column: 1, severity: 1, message: 'Odd.' }),
    ], []),
    countResult(join(dir, `photos/broken"><svg onload=alert(1)>.png`), [msg({ ruleId: null, fatal: true, message: 'Not an image; nothing was checked.' })], []),
    countResult(join(dir, 'drafts/fine.md'), [], []),
  ];
}

/** The data URIs of every embedded image, decoded. */
const embedded = (out: string) => [...out.matchAll(/src="data:image\/jpeg;base64,([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cftlint-html-'));
  mkdirSync(join(dir, 'photos'));
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'photos/party.jpg'), await photo());
  writeFileSync(join(dir, `photos/broken"><svg onload=alert(1)>.png`), 'this is text, not a PNG');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('html formatter', () => {
  it('is registered as --format html', async () => {
    expect(await loadFormatter('html', ROOT)).toBe(html);
  });

  it('escapes every piece of text from drafts, paths, rule ids and suppression reasons', async () => {
    const out = await html(sampleResults(), context());
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img[^>]*onerror/i);
    expect(out).not.toMatch(/<svg[^>]*onload/i);
    expect(out).not.toContain('<b>in care</b>');
    expect(out).toContain('Name &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; &amp; &quot;quotes&quot;: remove it.');
    expect(out).toContain('photos/broken&quot;&gt;&lt;svg onload=alert(1)&gt;.png');
    expect(out).toContain('consent on file &lt;script&gt;');
    expect(out).toContain('First names of children &lt;b&gt;in care&lt;/b&gt;.');
    // An awkward plugin rule id gets a safe anchor, and its link points at it.
    const anchor = /href="#(rule-[^"]+)">@team\/odd rule</.exec(out)?.[1];
    expect(anchor).toMatch(/^rule-[A-Za-z0-9_-]+$/);
    expect(out).toContain(`<dt id="${anchor}">`);
  });

  it('summarises by severity and by rule', async () => {
    const out = await html(sampleResults(), context());
    const cell = (id: string) => Number(new RegExp(`<tr data-severity="${id}"><td>.*?</td><td class="n">(\\d+)</td>`).exec(out)?.[1]);
    expect([cell('error'), cell('warning'), cell('fatal'), cell('suppressed')]).toEqual([4, 2, 1, 1]);
    const byRule = Object.fromEntries(
      [...out.matchAll(/<tr><td>(?:<a class="rule" href="#[^"]+">([^<]+)<\/a>|<span class="rule none">[^<]+<\/span>)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><\/tr>/g)].map((m) => [m[1] ?? '(fatal)', [m[2], m[3], m[4]].map(Number)]),
    );
    expect(byRule).toEqual({ 'image-faces': [1, 1, 1], 'image-location': [1, 0, 0], 'child-name': [1, 0, 0], '@team/odd rule': [0, 1, 0], '(fatal)': [1, 0, 0] });
    expect(out).toContain('4 errors</span>, <span class="sev warning">2 warnings</span> in 3 of 4 files');
    expect(out).toContain('1 file without problems');
    // Each rule's link leads to its description and policy clause.
    expect(out).toMatch(/<dt id="rule-image-faces">image-faces <span class="kind">image rule<\/span><\/dt><dd><p>Faces in a photo, with an age estimate.<\/p><blockquote>No information about a child.<\/blockquote>/);
    expect(out).toContain('<details class="suppressed-list"><summary>1 suppressed</summary>');
  });

  it('references no external asset and allows none (CSP)', async () => {
    const out = await html(sampleResults(), context());
    expect(out).not.toMatch(/https?:\/\//i);
    expect(out).not.toMatch(/<link|<script|@import|url\(/i);
    for (const [, value] of out.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(value).toMatch(/^(data:image\/jpeg;base64,|#rule-)/);
    expect(out).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  });

  it('embeds a small thumbnail (≤ 160 px), without the photo’s metadata, with each region drawn in image space', async () => {
    const out = await html(sampleResults(), context());
    const images = embedded(out);
    expect(images).toHaveLength(1); // the broken image gets a note instead
    const info = await sharp(images[0]!).metadata();
    expect(Math.max(info.width!, info.height!)).toBeLessThanOrEqual(THUMB_SIZE);
    expect([info.width, info.height]).toEqual([160, 107]);
    expect(info.exif).toBeUndefined();
    expect(images[0]!.includes('Secret Person')).toBe(false);
    expect(images[0]!.length).toBeLessThan(12_000);
    expect(out).toContain('<svg class="boxes" viewBox="0 0 1200 800" preserveAspectRatio="none"');
    expect(out).toContain('<rect class="face-box" x="280" y="180" width="240" height="240"');
    expect(out).toContain('<rect class="face-box" x="760" y="330" width="180" height="180"');
    expect(out).toMatch(/<g class="box suppressed" data-box="3">/);
    expect(out).toMatch(/No thumbnail: the image could not be decoded \([^)]+\)/);
  });

  it('applies EXIF orientation: regions are in the upright image’s space', async () => {
    const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#777' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    writeFileSync(join(dir, 'photos/sideways.jpg'), sideways);
    const out = await html([countResult(join(dir, 'photos/sideways.jpg'), [msg({ region: { x: 10, y: 300, width: 50, height: 50 } })], [])], context());
    const info = await sharp(embedded(out)[0]!).metadata();
    expect([info.width, info.height]).toEqual([80, 160]);
    expect(out).toContain('viewBox="0 0 200 400"');
  });

  it('never embeds more than a thumbnail, even of a large photo', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#a85' } }).png().toBuffer();
    writeFileSync(join(dir, 'photos/big.PNG'), big);
    const out = await html([countResult(join(dir, 'photos/big.PNG'), [msg({ region: { x: 100, y: 100, width: 900, height: 900 } })], [])], context());
    const info = await sharp(embedded(out)[0]!).metadata();
    expect([info.width, info.height, info.format]).toEqual([160, 120, 'jpeg']);
  });

  it('makes thumbnails of other formats (AVIF, transparent PNG) and a note for an undecodable HEIC', async () => {
    writeFileSync(join(dir, 'photos/a.avif'), await sharp({ create: { width: 320, height: 240, channels: 3, background: '#396' } }).avif().toBuffer());
    writeFileSync(join(dir, 'photos/t.png'), await sharp({ create: { width: 200, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer());
    writeFileSync(join(dir, 'photos/bad.heic'), Buffer.from('\0\0\0\x18ftypheic but then nothing'));
    const files = ['a.avif', 't.png', 'bad.heic'].map((f) => countResult(join(dir, 'photos', f), [msg({ region: { x: 1, y: 1, width: 20, height: 20 } })], []));
    const out = await html(files, context());
    const sizes = await Promise.all(embedded(out).map((b) => sharp(b).metadata().then((m) => [m.width, m.height])));
    expect(sizes).toEqual([[160, 120], [160, 160]]);
    expect(out.match(/No thumbnail: the image could not be decoded/g)).toHaveLength(1);
  });

  it('blurs thumbnails heavily when the report is redacted', async () => {
    const stdev = async (out: string) => {
      const { data, info } = await sharp(embedded(out)[0]!).greyscale().raw().toBuffer({ resolveWithObject: true });
      // Mean absolute difference between horizontal neighbours: high for sharp edges, near zero once blurred.
      let sum = 0;
      for (let y = 0; y < info.height; y++) for (let x = 1; x < info.width; x++) sum += Math.abs(data[y * info.width + x]! - data[y * info.width + x - 1]!);
      return sum / (info.height * (info.width - 1));
    };
    const plain = await stdev(await html(sampleResults(), context(false)));
    const blurred = await stdev(await html(redactResults(sampleResults()), context(true)));
    expect(blurred).toBeLessThan(plain / 4);
    const redactedOut = await html(redactResults(sampleResults()), context(true));
    expect(redactedOut).toContain('details redacted, thumbnails blurred');
    expect(redactedOut).not.toContain('51.5, -0.12');
    expect(redactedOut).toContain('5*** (coordinates)');
  });

  it('prints a page for no results, and a text-only run does not load sharp', async () => {
    const out = await html([countResult(join(dir, 'drafts/fine.md'), [], [])], context());
    expect(out).toContain('No problems found.');
    expect(embedded(out)).toHaveLength(0);
    // A fresh process formatting text results must not load sharp.
    const script = `
      const { default: html } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/formatters/html.js')).href)});
      const { createRequire } = await import('node:module');
      await html([{ filePath: '/x/a.md', messages: [{ ruleId: 'r', severity: 2, message: 'm', line: 1, column: 1, nodeType: null }], suppressedMessages: [], errorCount: 1, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] }], { cwd: '/x', rulesMeta: {}, redacted: true, version: '0' });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/sharp/'));
      console.log(JSON.stringify(loaded));`;
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('README: the HTML report (end to end, built CLI)', () => {
  it('`npx cftlint drafts/ -f html -o cftlint-report.html` writes a redacted, self-contained report', async () => {
    const project = tempProject({
      'drafts/carers.md': '# Thank you\n\nCall Sam on 07700 900123 to join.\n',
      'drafts/photo.jpg': await photo(),
    });
    const r = spawnCli(['drafts/', '-f', 'html', '-o', 'cftlint-report.html'], { cwd: project });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = readFileSync(join(project, 'cftlint-report.html'), 'utf8');
    expect(out).toMatch(/^<!DOCTYPE html>/);
    expect(out).toContain('<a class="rule" href="#rule-contact-details">contact-details</a>');
    expect(out).toContain('<dt id="rule-contact-details">');
    expect(out).not.toContain('07700 900123'); // written to a file: redacted
    expect(out).toContain('0*** (phone number)');
    expect(out).not.toMatch(/https?:\/\//);
    // Whatever image rules ran, no embedded picture is larger than a thumbnail, and a photo shown with messages has one.
    for (const image of embedded(out)) expect(Math.max(...(await sharp(image).metadata().then((m) => [m.width!, m.height!])))).toBeLessThanOrEqual(THUMB_SIZE);
    if (/<span class="path">drafts\/photo\.jpg<\/span>/.test(out)) expect(embedded(out).length).toBe(1);
    rmSync(project, { recursive: true, force: true });
  }, 60_000);
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`html report browser test skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);

describe.skipIf(!haveChromium)(`html report in headless Chromium (${haveChromium ? CHROMIUM : `skipped: no ${CHROMIUM}; apt-get install -y chromium`})`, () => {
  it('opens offline, shows the summary, files, face boxes over the thumbnail, and makes no network request', async () => {
    const { chromium } = await import('playwright-core');
    const reportPath = join(dir, 'report.html');
    writeFileSync(reportPath, await html(sampleResults(), context()));
    const userDataDir = mkdtempSync(join(tmpdir(), 'cftlint-chromium-'));
    const browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 800 },
    });
    try {
      const requests: string[] = [];
      const blocked: string[] = [];
      await browser.route('**/*', (route) => {
        const url = route.request().url();
        if (/^(file|data):/.test(url)) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.on('request', (req) => requests.push(req.url()));
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });

      // Summary tables.
      expect(await page.locator('#by-severity tbody tr').count()).toBe(4);
      expect(await page.locator('#by-severity tr[data-severity="error"] td.n').textContent()).toBe('4');
      expect(await page.locator('#by-rule tbody tr').count()).toBe(5);
      // File sections, with the injected markup shown as text and never run.
      expect(await page.locator('section.file').count()).toBe(3);
      await expect(page.getByText('Name <script>window.__pwned=1;alert(1)</script>', { exact: false }).count()).resolves.toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);

      // The thumbnail decoded, is small, and the face box sits where the region is, scaled to it.
      const img = page.locator('.thumb img');
      const natural = await img.evaluate((el: HTMLImageElement) => [el.complete, el.naturalWidth, el.naturalHeight]);
      expect(natural).toEqual([true, 160, 107]);
      const imgBox = (await img.boundingBox())!;
      // The box's geometry on screen (without its stroke): its bbox through the SVG's screen transform.
      const face = await page.locator('.thumb g[data-box="1"] rect.face-box').evaluate((el: SVGRectElement) => {
        const b = el.getBBox();
        const m = el.getScreenCTM()!;
        return { x: m.a * b.x + m.e + window.scrollX, y: m.d * b.y + m.f + window.scrollY, width: m.a * b.width, height: m.d * b.height };
      });
      // Region 280,180 240×240 in a 1200×800 photo, drawn on a 160×107 thumbnail (±0.5 px).
      const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(0.5);
      near(face.x - imgBox.x, 280 * (160 / 1200));
      near(face.y - imgBox.y, 180 * (107 / 800));
      near(face.width, 240 * (160 / 1200));
      near(face.height, 240 * (107 / 800));
      expect(face.x + face.width).toBeLessThanOrEqual(imgBox.x + imgBox.width + 1);

      // Suppressed messages are collapsed until opened; rule links lead to the rule's description.
      const reason = page.locator('details.suppressed-list .reason');
      expect(await reason.isVisible()).toBe(false);
      await page.locator('details.suppressed-list summary').click();
      expect(await reason.isVisible()).toBe(true);
      expect(await reason.textContent()).toContain('consent on file <script>');
      await page.locator('#by-rule a[href="#rule-image-faces"]').click();
      expect(new URL(page.url()).hash).toBe('#rule-image-faces');
      expect(await page.locator('#rule-image-faces + dd').textContent()).toContain('Faces in a photo');

      await page.evaluate(() => window.scrollTo(0, 0));
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-output/html-report.png'), fullPage: true });

      expect(blocked).toEqual([]);
      expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
      expect(requests.some((u) => u.startsWith('file:'))).toBe(true);
    } finally {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
