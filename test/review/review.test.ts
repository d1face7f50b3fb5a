import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadText, load } from '../../src/processors/index.js';
import { textHash, reviewedContent } from '../../src/review/content.js';
import { approve } from '../../src/review/approve.js';
import { attachSidecar, readSidecar, reviewOf, reviewSuppression } from '../../src/review/signoff.js';
import { approveCommand } from '../../src/cli/approve.js';
import type { Settings, Source } from '../../src/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cftlint-review-'));
});

/** Loads a file from disk as the engine would, with its sidecar attached. */
function loadFile(path: string): Source {
  const loaded = load(path, readFileSync(path));
  if (!loaded.ok) throw new Error(loaded.problem);
  attachSidecar(loaded.source, readSidecar(path));
  return loaded.source;
}

const draft = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const POST = '---\ntitle: Local elections\nauthor: Sam Writer\n---\n\nWe asked every MP in Kent about fostering.\n';

describe('review hash', () => {
  it('ignores the review block', async () => {
    const reviewed = POST.replace('author: Sam Writer\n', 'author: Sam Writer\nreview:\n  by: A. Reviewer\n  on: 2026-11-25\n  hash: abc\n');
    expect(textHash(reviewed, 'markdown')).toBe(textHash(POST, 'markdown'));
    const flow = POST.replace('title:', 'review: { by: "A. Reviewer", on: 2026-11-25, hash: "abc" }\ntitle:');
    expect(textHash(flow, 'markdown')).toBe(textHash(POST, 'markdown'));
  });

  it('treats CRLF and LF alike, but not other edits', async () => {
    expect(textHash(POST.replace(/\n/g, '\r\n'), 'markdown')).toBe(textHash(POST, 'markdown'));
    expect(textHash(POST.replace('Kent', 'Kent.'), 'markdown')).not.toBe(textHash(POST, 'markdown'));
    expect(textHash(POST.replace('Sam Writer', 'Sam Writer2'), 'markdown')).not.toBe(textHash(POST, 'markdown'));
  });

  it('hashes a draft that only gained front matter for the review like the original', async () => {
    const body = 'Vote for better fostering allowances.\n';
    expect(reviewedContent(`---\nreview:\n  by: X\n  on: 2026-01-01\n  hash: h\n---\n${body}`, 'markdown')).toBe(body);
    expect(reviewedContent(`---\n---\n${body}`, 'markdown')).toBe(body);
  });

  it('is a review field of the front matter only, not text in the body', async () => {
    const withBodyReview = `${POST}review: this line is in the body\n`;
    expect(textHash(withBodyReview, 'markdown')).not.toBe(textHash(POST, 'markdown'));
  });
});

describe('approve', () => {
  it('writes a sign-off that makes the review valid, keeping the rest of the file byte for byte', async () => {
    const path = draft('post.md', POST);
    const outcome = await approve(path, { by: 'A. Reviewer', on: '2026-11-25' });
    expect(outcome).toEqual({ ok: true, message: `${path}: approved by A. Reviewer on 2026-11-25` });
    const written = readFileSync(path, 'utf8');
    expect(written).toMatch(/^---\ntitle: Local elections\nauthor: Sam Writer\nreview:\n  by: A. Reviewer\n  on: 2026-11-25\n  hash: [0-9a-f]{64}\n---\n\nWe asked every MP/);
    expect(written.replace(/review:\n(  .*\n)+/, '')).toBe(POST);
    expect(reviewOf(loadFile(path), {})).toEqual({ status: 'valid', by: 'A. Reviewer', on: '2026-11-25' });
    expect(reviewSuppression(loadFile(path), {})).toEqual({ justification: 'reviewed by A. Reviewer on 2026-11-25' });
    expect(readdirSync(dir)).toEqual(['post.md']); // no temporary file left behind
  });

  it('is invalidated by an edit, and says who reviewed it', async () => {
    const path = draft('post.md', POST);
    await approve(path, { by: 'A. Reviewer', on: '2026-11-25' });
    writeFileSync(path, readFileSync(path, 'utf8').replace('every MP', 'every single MP'));
    expect(reviewOf(loadFile(path), {})).toEqual({ status: 'stale', by: 'A. Reviewer', on: '2026-11-25' });
  });

  it('survives a CRLF checkout and keeps CRLF line endings', async () => {
    const path = draft('post.md', POST.replace(/\n/g, '\r\n'));
    await approve(path, { by: 'A. Reviewer', on: '2026-11-25' });
    const written = readFileSync(path, 'utf8');
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    writeFileSync(path, written.replace(/\r\n/g, '\n'));
    expect(reviewOf(loadFile(path), {}).status).toBe('valid');
  });

  it('replaces an earlier sign-off rather than adding a second one', async () => {
    const path = draft('post.md', POST);
    await approve(path, { by: 'A. Reviewer', on: '2026-11-25' });
    writeFileSync(path, readFileSync(path, 'utf8').replace('Kent', 'Kent and Medway'));
    await approve(path, { by: 'B. Manager', on: '2026-11-26' });
    const written = readFileSync(path, 'utf8');
    expect(written.match(/review:/g)).toHaveLength(1);
    expect(reviewOf(loadFile(path), {})).toEqual({ status: 'valid', by: 'B. Manager', on: '2026-11-26' });
  });

  it('refuses the draft\'s author, however they spell their name', async () => {
    const path = draft('post.md', POST);
    const outcome = await approve(path, { by: '  sam   writer ', on: '2026-11-25' });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/author/);
    expect(readFileSync(path, 'utf8')).toBe(POST);
  });

  it('does not count a hand-written sign-off by the author', async () => {
    const path = draft('post.md', POST);
    await approve(path, { by: 'A. Reviewer', on: '2026-11-25' });
    writeFileSync(path, readFileSync(path, 'utf8').replace('by: A. Reviewer', 'by: Sam Writer'));
    expect(reviewOf(loadFile(path), {})).toMatchObject({ status: 'not-allowed', by: 'Sam Writer' });
  });

  it('restricts sign-off to settings.reviewers when set', async () => {
    const settings: Settings = { reviewers: ['Line Manager'] };
    const path = draft('post.md', POST);
    expect((await approve(path, { by: 'A. Reviewer', settings })).ok).toBe(false);
    expect((await approve(path, { by: 'line manager', on: '2026-11-25', settings })).ok).toBe(true);
    expect(reviewOf(loadFile(path), settings).status).toBe('valid');
    expect(reviewOf(loadFile(path), { reviewers: ['Someone Else'] })).toMatchObject({ status: 'not-allowed' });
  });

  it('uses a sidecar for plain text and images', async () => {
    const text = draft('post.txt', 'Join the protest on Saturday.\r\n');
    expect((await approve(text, { by: 'A. Reviewer', on: '2026-11-25' })).ok).toBe(true);
    expect(readFileSync(text, 'utf8')).toBe('Join the protest on Saturday.\r\n');
    expect(readFileSync(`${text}.review.yaml`, 'utf8')).toMatch(/^review:\n  by: A. Reviewer\n  on: 2026-11-25\n  hash: [0-9a-f]{64}\n$/);
    expect(reviewOf(loadFile(text), {}).status).toBe('valid');
    writeFileSync(text, 'Join the protest on Sunday.\r\n');
    expect(reviewOf(loadFile(text), {}).status).toBe('stale');

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1d3a90000000049454e44ae426082', 'hex');
    const image = draft('photo.png', '');
    writeFileSync(image, png);
    await approve(image, { by: 'A. Reviewer', on: '2026-11-25' });
    expect(reviewOf(loadFile(image), {}).status).toBe('valid');
    writeFileSync(image, Buffer.concat([png, Buffer.from([0])]));
    expect(reviewOf(loadFile(image), {}).status).toBe('stale');
  });

  it('reports no review, and a malformed sidecar with its reason', async () => {
    const text = draft('post.txt', 'Hello');
    expect(reviewOf(loadFile(text), {})).toEqual({ status: 'none' });
    writeFileSync(`${text}.review.yaml`, 'review:\n  by: A. Reviewer\n');
    expect(reviewOf(loadFile(text), {})).toMatchObject({ status: 'none', problem: expect.stringMatching(/hash/) });
  });

  it('reads a sign-off from an in-memory source without touching the disk', async () => {
    const source = loadText('draft.md', POST, 'markdown');
    const hash = textHash(POST, 'markdown');
    const signed = loadText('draft.md', POST.replace('title:', `review: { by: "A. Reviewer", on: 2026-11-25, hash: "${hash}" }\ntitle:`), 'markdown');
    expect(reviewOf(source, {}).status).toBe('none');
    expect(reviewOf(signed, {}).status).toBe('valid');
  });
});

describe('approveCommand', () => {
  it('prints one line per file and exits 1 when any file was refused', async () => {
    const ok = draft('ok.md', 'Vote of thanks to our carers.\n');
    const refused = draft('mine.md', POST);
    const lines: string[] = [];
    const code = await approveCommand([ok, refused], { by: 'Sam Writer', on: '2026-11-25', out: (l) => lines.push(`out ${l}`), err: (l) => lines.push(`err ${l}`) });
    expect(code).toBe(1);
    expect(lines).toEqual([`out ${ok}: approved by Sam Writer on 2026-11-25`, expect.stringMatching(/^err .*mine\.md: not approved: .*author/)]);
    expect(existsSync(`${refused}.review.yaml`)).toBe(false);
  });

  it('exits 2 without a name, a file or a valid date', async () => {
    const quiet = { out: () => {}, err: () => {} };
    expect(await approveCommand([], { by: 'X', ...quiet })).toBe(2);
    expect(await approveCommand(['a.md'], { by: ' ', ...quiet })).toBe(2);
    expect(await approveCommand(['a.md'], { by: 'X', on: '25/11/2026', ...quiet })).toBe(2);
  });

  it('exits 1 for a missing file', async () => {
    const lines: string[] = [];
    expect(await approveCommand([join(dir, 'nope.md')], { by: 'X', out: () => {}, err: (l) => lines.push(l) })).toBe(1);
    expect(lines[0]).toMatch(/cannot read it \(ENOENT\)/);
  });
});
