/**
 * "No network, ever": the built CLI lints Markdown and text drafts and photos, with every built-in rule on, in a
 * process where any socket, DNS lookup, http(s) request or fetch throws (test/support/no-network.mjs, preloaded
 * with --import; worker threads inherit it). The run must succeed and nothing may have tried to reach the network.
 * Needs `npm run build` (`pretest` runs it).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/types.js';
import { builtinRules } from '../../src/engine/registry.js';
import { BIN, ROOT } from '../support/cli.js';

const PRELOAD = join(ROOT, 'test/support/no-network.mjs');
const FACE_SAMPLE = join(ROOT, 'node_modules/@vladmandic/face-api/demo/sample1.jpg');

/** Runs node with the preload; NO_NETWORK_ANNOUNCE makes every armed thread say so on stderr. */
function guarded(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, ['--import', PRELOAD, ...args], {
    cwd,
    env: { ...process.env, CI: '', FORCE_COLOR: '0', NO_NETWORK_ANNOUNCE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the no-network preload', () => {
  it('makes fetch, sockets, DNS and http(s) throw, in ESM, CJS and worker threads, and records each attempt', () => {
    const script = `
      import { connect } from 'node:net';
      import tls from 'node:tls';
      import dns from 'node:dns';
      import { lookup } from 'node:dns/promises';
      import http from 'node:http';
      import https from 'node:https';
      import { createRequire } from 'node:module';
      import { Worker } from 'node:worker_threads';
      const require = createRequire(import.meta.url);
      const results = {};
      const attempt = async (name, f) => { try { await f(); results[name] = 'ALLOWED'; } catch (e) { results[name] = e.message; } };
      await attempt('fetch', () => fetch('http://127.0.0.1:9/'));
      await attempt('net.connect (ESM named import)', () => connect(9, '127.0.0.1'));
      await attempt('net.Socket.connect (CJS)', () => new (require('net').Socket)().connect(9, '127.0.0.1'));
      await attempt('tls.connect', () => tls.connect(9, '127.0.0.1'));
      await attempt('dns.lookup', () => dns.lookup('localhost', () => {}));
      await attempt('dns.resolve4', () => dns.resolve4('localhost', () => {}));
      await attempt('dns/promises lookup', () => lookup('localhost'));
      await attempt('http.get', () => http.get('http://127.0.0.1:9/'));
      await attempt('https.request', () => https.request('https://127.0.0.1:9/'));
      results.worker = await new Promise((resolve) => {
        const w = new Worker("fetch('http://127.0.0.1:9/').then(() => 'ALLOWED', (e) => e.message).then((m) => import('node:worker_threads').then((w) => w.parentPort.postMessage(m)))", { eval: true });
        w.once('message', (m) => { resolve(m); w.terminate(); });
        w.once('error', (e) => resolve('worker error: ' + e.message));
      });
      console.log(JSON.stringify(results));`;
    const run = guarded(['--input-type=module', '-e', script]);
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(results)).toHaveLength(10);
    for (const [name, outcome] of Object.entries(results)) expect(outcome, name).toMatch(/network access is forbidden/);
    expect(run.stderr.match(/\[no-network\] blocked /g)).toHaveLength(10);
    expect(run.stderr).toMatch(/\[no-network\] armed \(thread [1-9]/);
  });
});

describe('cftlint with the network forbidden', () => {
  let dir: string;
  let ids: Map<string, 'text' | 'image'>;
  const hasFace = existsSync(FACE_SAMPLE);

  beforeAll(async () => {
    ids = new Map([...(await builtinRules())].map(([id, rule]) => [id, rule.meta.kind]));
    dir = mkdtempSync(join(tmpdir(), 'cftlint-offline-'));
    writeFileSync(
      join(dir, 'summer-fair.md'),
      [
        '---',
        'title: Summer fair at Oakfield Academy',
        'caption: Lily (9) and her foster carer',
        '---',
        '# Thank you!',
        '',
        'Lily, aged 9, goes to Oakfield Academy and was born on 3 March 2015. She lives at 12 Oak Road, Maidstone ME14 1AA.',
        'Call her foster carer on 07700 900123 or email jo.bloggs@example.org; follow @lily_2015.',
        '',
        '- Jamal (7) is in Year 3 at St Mary\'s Primary School.',
        '- In my opinion the council has failed our children: vote Labour on Thursday.',
        '',
        '> The Trust is failing its carers. Photo: Getty Images. [Read more](https://example.org/news?id=1)',
        '',
        'password: hunter2 and AKIAIOSFODNN7EXAMPLE',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'caption.txt'), 'Our foster son Tom, 12, loved the day.\r\nRing 020 7946 0000 for tickets.\r\n');
    const gps = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 16/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 31/1 12/1' };
    await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 140, b: 200 } } })
      .withExif({ IFD0: { Artist: 'Jo Bloggs', ImageDescription: 'Lily at home' }, IFD3: gps })
      .jpeg()
      .toFile(join(dir, 'garden.jpg'));
    await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } }).png().toFile(join(dir, 'logo.png'));
    if (hasFace) copyFileSync(FACE_SAMPLE, join(dir, 'face.jpg'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lints text and images with every rule, succeeds, and never touches the network', () => {
    const run = guarded([BIN, '.', '-f', 'json', '--no-config-lookup', '--no-redact'], dir);
    expect(run.stderr).not.toMatch(/\[no-network\] blocked/);
    expect([0, 1], run.stderr).toContain(run.code);
    const results = JSON.parse(run.stdout) as LintResult[];
    const byName = new Map(results.map((r) => [r.filePath.slice(dir.length + 1), r]));
    expect([...byName.keys()].sort()).toEqual(['caption.txt', 'garden.jpg', 'logo.png', 'summer-fair.md', ...(hasFace ? ['face.jpg'] : [])].sort());
    for (const [name, result] of byName) {
      expect(result.messages.filter((m) => m.fatal).map((m) => m.message), `fatal messages in ${name}`).toEqual([]);
    }
    const reported = (name: string) => new Set(byName.get(name)!.messages.map((m) => m.ruleId));
    if (ids.has('contact-details')) {
      expect(reported('summer-fair.md')).toContain('contact-details');
      expect(reported('caption.txt')).toContain('contact-details');
    }
    if (ids.has('image-location')) expect(reported('garden.jpg')).toContain('image-location');
    if (ids.has('image-faces') && hasFace) {
      expect(reported('face.jpg')).toContain('image-faces');
      // The face detector ran in worker threads, and the preload was armed there too.
      expect(run.stderr).toMatch(/\[no-network\] armed \(thread [1-9]/);
    }
    // Every rule that reported is a built-in rule; the text rules between them found something in the draft.
    const all = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const id of all) expect(ids.has(id!), `unknown rule ${id}`).toBe(true);
    const textRulesReported = [...reported('summer-fair.md')].filter((id) => ids.get(id!) === 'text');
    expect(textRulesReported.length).toBeGreaterThanOrEqual(Math.min(3, [...ids.values()].filter((k) => k === 'text').length));
  }, 180_000);
});
