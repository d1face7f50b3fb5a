/**
 * `--format html`: one self-contained page people can open — a summary by severity and by rule, each file with its
 * messages, and for photos a small embedded thumbnail with the reported regions (faces) drawn over it.
 * No external assets, no script: a Content-Security-Policy forbids every fetch except `data:` images. Thumbnails
 * are at most THUMB_SIZE px on their long side, and heavily blurred when the report is redacted (a face thumbnail
 * is itself a child's photo). sharp is imported here only, lazily, so text-only runs never load it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { LintMessage, LintResult, Region, RuleMeta } from '../types.js';
import type { Formatter } from './types.js';

/** Longest side of an embedded thumbnail, in pixels. */
export const THUMB_SIZE = 160;
const THUMB_QUALITY = 60;
/** Gaussian sigma (thumbnail pixels) for redacted thumbnails: shapes stay, faces do not. */
const REDACT_BLUR = 9;
/** Images larger than this are not decoded for a thumbnail. */
const MAX_THUMB_INPUT_BYTES = 100 * 1024 * 1024;
const MAX_INPUT_PIXELS = 16384 * 16384;
/** How many thumbnails are made at once (sharp uses its own threads for each). */
const THUMB_PARALLEL = 4;

export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.gif', '.heic', '.heif', '.avif']);

/** A thumbnail as a data URI, with the size of the oriented original (the space regions are given in). */
export interface Thumbnail {
  dataUri: string;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and quoted attribute values. */
export const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A fragment id for a rule: any id (plugin prefixes, `@scope/x`) becomes `rule-` plus safe characters. */
const ruleAnchor = (ruleId: string) => `rule-${ruleId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;

const isError = (m: LintMessage) => m.fatal === true || m.severity === 2;
const isImagePath = (filePath: string) => IMAGE_EXTENSIONS.has(extname(filePath).toLowerCase());
const displayPath = (cwd: string, filePath: string) => {
  const rel = relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath;
};
const validRegion = (r: Region | undefined): r is Region =>
  !!r && [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;

type SharpFactory = typeof import('sharp');
let sharpModule: Promise<SharpFactory> | undefined;
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => ((m as { default?: SharpFactory }).default ?? m) as SharpFactory));

/** Oriented pixels of an image sharp cannot read itself (HEIC), through the project's libheif decoder. */
async function decodeElsewhere(bytes: Buffer) {
  const { decodeForDetection } = await import('../vision/decode.js');
  const d = await decodeForDetection(bytes, 'heic');
  return { input: Buffer.from(d.data), raw: { width: d.width, height: d.height, channels: 3 as const }, originalWidth: d.originalWidth, originalHeight: d.originalHeight };
}

/** A small JPEG thumbnail of an image file, EXIF orientation applied, metadata dropped, blurred when `redact`. */
export async function makeThumbnail(filePath: string, redact: boolean): Promise<Thumbnail> {
  const { size } = await stat(filePath);
  if (size > MAX_THUMB_INPUT_BYTES) throw new Error(`the file is too large for a thumbnail (${Math.round(size / 1048576)} MB)`);
  const bytes = await readFile(filePath);
  const sharp = await loadSharp();
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' as const };
  let pipeline: import('sharp').Sharp;
  let originalWidth: number;
  let originalHeight: number;
  try {
    const meta = await sharp(bytes, options).metadata();
    if (!meta.width || !meta.height) throw new Error('no image size');
    const swap = (meta.orientation ?? 1) >= 5; // orientations 5–8 turn the picture by a quarter
    originalWidth = swap ? meta.height : meta.width;
    originalHeight = swap ? meta.width : meta.height;
    pipeline = sharp(bytes, options).rotate();
  } catch (error) {
    if (!/\.hei[cf]$/i.test(filePath)) throw error;
    const heic = await decodeElsewhere(bytes); // sharp's prebuilt libvips has no HEVC decoder
    ({ originalWidth, originalHeight } = heic);
    pipeline = sharp(heic.input, { raw: heic.raw });
  }
  pipeline = pipeline.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' });
  if (redact) pipeline = pipeline.blur(REDACT_BLUR);
  // No withMetadata(): sharp writes no EXIF/GPS/XMP into the thumbnail.
  const { data, info } = await pipeline.jpeg({ quality: THUMB_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { dataUri: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height, originalWidth, originalHeight };
}

/** First line of an error, short and without sharp's prefixes, for the "no thumbnail" note. */
const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^Input (buffer|file) (has|contains) /, '').slice(0, 160);

/** Runs `fn` over `items`, at most `limit` at a time, keeping order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface Counts {
  errors: number;
  warnings: number;
  suppressed: number;
}

/** Counts by rule (`null` for fatal, file-level problems) and in total. */
function countAll(results: LintResult[]) {
  const byRule = new Map<string | null, Counts>();
  const total: Counts & { fatal: number; files: number; filesWithProblems: number } = { errors: 0, warnings: 0, suppressed: 0, fatal: 0, files: results.length, filesWithProblems: 0 };
  const bump = (ruleId: string | null, key: keyof Counts) => {
    const c = byRule.get(ruleId) ?? { errors: 0, warnings: 0, suppressed: 0 };
    c[key]++;
    byRule.set(ruleId, c);
    total[key]++;
  };
  for (const r of results) {
    if (r.messages.length) total.filesWithProblems++;
    for (const m of r.messages) {
      bump(m.ruleId, isError(m) ? 'errors' : 'warnings');
      if (m.fatal) total.fatal++;
    }
    for (const m of r.suppressedMessages) bump(m.ruleId, 'suppressed');
  }
  return { byRule, total };
}

const ruleLink = (ruleId: string | null) => (ruleId ? `<a class="rule" href="#${ruleAnchor(ruleId)}">${esc(ruleId)}</a>` : '<span class="rule none">file not checked</span>');
const severityCell = (m: LintMessage) =>
  m.fatal ? '<span class="sev error">fatal</span>' : isError(m) ? '<span class="sev error">error</span>' : '<span class="sev warning">warning</span>';

/** One message row; `box` is its number on the thumbnail, if it has a region drawn. */
function messageRow(m: LintMessage, box: number | undefined, suppressed: boolean): string {
  const why = suppressed
    ? `<div class="reason">Suppressed${(m.suppressions ?? []).map((s) => ` (${esc(s.kind)}): ${esc(s.justification || 'no reason given')}`).join(';')}</div>`
    : '';
  return (
    `<tr class="msg${suppressed ? ' suppressed' : ''}"><td class="loc">${esc(m.line || 0)}:${esc(m.column || 0)}</td><td>${severityCell(m)}</td>` +
    `<td class="text">${box !== undefined ? `<span class="boxref">${box}</span> ` : ''}${esc(m.message)}${why}</td><td>${ruleLink(m.ruleId)}</td></tr>`
  );
}

/** The thumbnail with its regions as an SVG overlay in the original image's pixel space (so it scales with it). */
function figure(thumb: Thumbnail, boxes: { region: Region; n: number; suppressed: boolean; label: string }[], redacted: boolean): string {
  const k = thumb.originalWidth / thumb.width; // original pixels per thumbnail pixel
  const rects = boxes
    .map(({ region: r, n, suppressed, label }) =>
      `<g class="box${suppressed ? ' suppressed' : ''}" data-box="${n}"><title>${esc(label)}</title>` +
      `<rect class="face-box" x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" vector-effect="non-scaling-stroke"/>` +
      `<text x="${r.x + 2 * k}" y="${r.y + 11 * k}" font-size="${(10 * k).toFixed(2)}">${n}</text></g>`,
    )
    .join('');
  return (
    `<figure class="thumb" style="width:${thumb.width}px;height:${thumb.height}px">` +
    `<img src="${thumb.dataUri}" width="${thumb.width}" height="${thumb.height}" alt="${redacted ? 'Blurred thumbnail' : 'Thumbnail'}">` +
    `<svg class="boxes" viewBox="0 0 ${thumb.originalWidth} ${thumb.originalHeight}" preserveAspectRatio="none" aria-hidden="true">${rects}</svg>` +
    `<figcaption>${thumb.originalWidth}×${thumb.originalHeight}${redacted ? ', blurred' : ''}</figcaption></figure>`
  );
}

/** One file's section: thumbnail (images), messages, then suppressed messages collapsed. */
async function fileSection(result: LintResult, cwd: string, redacted: boolean, index: number): Promise<string> {
  const boxes: { region: Region; n: number; suppressed: boolean; label: string }[] = [];
  const boxOf = (m: LintMessage, suppressed: boolean) => {
    if (!validRegion(m.region)) return undefined;
    const n = boxes.length + 1;
    boxes.push({ region: m.region, n, suppressed, label: `${n}: ${m.ruleId ?? ''} ${m.message}` });
    return n;
  };
  const rows = result.messages.map((m) => messageRow(m, boxOf(m, false), false)).join('');
  const suppressedRows = result.suppressedMessages.map((m) => messageRow(m, boxOf(m, true), true)).join('');

  let picture = '';
  if (isImagePath(result.filePath)) {
    try {
      picture = figure(await makeThumbnail(resolve(cwd, result.filePath), redacted), boxes, redacted);
    } catch (error) {
      picture = `<p class="note">No thumbnail: the image could not be decoded (${esc(reason(error))}).</p>`;
    }
  }
  const head = '<thead><tr><th>Line:col</th><th>Severity</th><th>Message</th><th>Rule</th></tr></thead>';
  const counts = `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`;
  return (
    `<section class="file" id="file-${index}"><h3><span class="path">${esc(displayPath(cwd, result.filePath))}</span> <span class="counts">${counts}</span></h3>` +
    `<div class="body">${picture}<div class="messages">` +
    (rows ? `<table class="messages-table">${head}<tbody>${rows}</tbody></table>` : '') +
    (suppressedRows
      ? `<details class="suppressed-list"><summary>${result.suppressedMessages.length} suppressed</summary><table class="messages-table">${head}<tbody>${suppressedRows}</tbody></table></details>`
      : '') +
    `</div></div></section>`
  );
}

/** The rule reference at the end: description, the policy clause, the docs page. */
function ruleSection(ruleId: string, meta: RuleMeta | undefined): string {
  if (!meta) return `<dt id="${ruleAnchor(ruleId)}">${esc(ruleId)}</dt><dd>No description available.</dd>`;
  return (
    `<dt id="${ruleAnchor(ruleId)}">${esc(ruleId)} <span class="kind">${esc(meta.kind)} rule</span></dt>` +
    `<dd><p>${esc(meta.description)}</p>${meta.policy ? `<blockquote>${esc(meta.policy)}</blockquote>` : ''}` +
    `<p class="docs">Documentation: <code>${esc(meta.docs)}</code></p></dd>`
  );
}

const CSS = `
:root{--err:#b42318;--warn:#a15c07;--ink:#1d2433;--muted:#5b6475;--line:#dde2ea;--bg:#f6f7f9}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0;padding:24px 32px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}h3{font-size:14px;margin:0 0 10px;word-break:break-all}
.meta{color:var(--muted);margin:0 0 16px}
.summary{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.totals{font-size:15px;font-weight:600}
.sev{font-weight:600}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}
.file{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 16px;margin:0 0 14px}
.file .counts{color:var(--muted);font-weight:400;margin-left:8px}
.body{display:flex;gap:16px;align-items:flex-start}
.messages{flex:1;min-width:0}
.messages-table{width:100%}
td.loc{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--muted);white-space:nowrap}
td.text{white-space:pre-wrap;word-break:break-word}
a.rule{white-space:nowrap;color:#2251a8;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.rule.none{color:var(--muted);font-style:italic}
tr.suppressed td{color:var(--muted)}
.reason{font-style:italic;margin-top:2px}
details.suppressed-list{margin-top:8px}details summary{cursor:pointer;color:var(--muted)}
.thumb{box-sizing:content-box;position:relative;margin:0 0 18px;flex:none;border:1px solid var(--line);background:#ccc}
.thumb img{display:block}
.thumb svg{position:absolute;left:0;top:0;width:100%;height:100%;overflow:visible}
.thumb rect{fill:none;stroke:#ff2d55;stroke-width:2}
.thumb .suppressed rect{stroke:#8a94a6;stroke-dasharray:4 3}
.thumb text{fill:#fff;font-family:system-ui,sans-serif;font-weight:700;paint-order:stroke;stroke:#000;stroke-width:.6px}
.thumb figcaption{position:absolute;top:100%;left:0;font-size:11px;color:var(--muted);white-space:nowrap}
.boxref{display:inline-block;min-width:18px;padding:0 4px;border-radius:9px;background:#ff2d55;color:#fff;font-size:11px;text-align:center}
.note{color:var(--muted);font-style:italic;max-width:220px;margin:0}
dl.rules dt{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace;margin-top:14px}
dl.rules dt:target{background:#fff5c2}
dl.rules .kind{font-family:system-ui,sans-serif;font-weight:400;color:var(--muted);font-size:12px}
dl.rules dd{margin:4px 0 0 16px}
blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid var(--line);color:var(--muted)}
.clean{color:var(--muted)}
`;

const html: Formatter = async (results, context) => {
  const { cwd, rulesMeta, redacted, version } = context;
  const { byRule, total } = countAll(results);
  const shown = results.map((r, i) => ({ r, i })).filter(({ r }) => r.messages.length || r.suppressedMessages.length);
  const clean = results.filter((r) => !r.messages.length && !r.suppressedMessages.length);
  const sections = await mapLimit(shown, THUMB_PARALLEL, ({ r, i }) => fileSection(r, cwd, redacted, i));

  const ruleRows = [...byRule]
    .sort(([a, ca], [b, cb]) => cb.errors - ca.errors || cb.warnings - ca.warnings || String(a).localeCompare(String(b)))
    .map(([id, c]) => `<tr><td>${ruleLink(id)}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td class="n">${c.suppressed}</td></tr>`)
    .join('');
  const ruleIds = [...byRule.keys()].filter((id): id is string => id !== null).sort();
  const problems = total.errors + total.warnings;

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cftlint report: ${problems} problem${problems === 1 ? '' : 's'}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>cftlint report</h1>
<p class="meta">cftlint ${esc(version)} · ${total.files} file${total.files === 1 ? '' : 's'} checked${redacted ? ' · details redacted, thumbnails blurred' : ''}</p></header>
<section id="summary"><h2>Summary</h2>
<p class="totals"><span class="sev error">${total.errors} error${total.errors === 1 ? '' : 's'}</span>, <span class="sev warning">${total.warnings} warning${total.warnings === 1 ? '' : 's'}</span> in ${total.filesWithProblems} of ${total.files} file${total.files === 1 ? '' : 's'}</p>
<div class="summary">
<table id="by-severity"><caption hidden>By severity</caption><thead><tr><th>Severity</th><th>Count</th></tr></thead><tbody>
<tr data-severity="error"><td><span class="sev error">Errors</span></td><td class="n">${total.errors}</td></tr>
<tr data-severity="warning"><td><span class="sev warning">Warnings</span></td><td class="n">${total.warnings}</td></tr>
<tr data-severity="fatal"><td>of which files not checked</td><td class="n">${total.fatal}</td></tr>
<tr data-severity="suppressed"><td>Suppressed</td><td class="n">${total.suppressed}</td></tr>
</tbody></table>
<table id="by-rule"><caption hidden>By rule</caption><thead><tr><th>Rule</th><th>Errors</th><th>Warnings</th><th>Suppressed</th></tr></thead><tbody>
${ruleRows || '<tr><td colspan="4" class="clean">No problems found.</td></tr>'}
</tbody></table>
</div></section>
<section id="files"><h2>Files</h2>
${sections.join('\n') || '<p class="clean">No file has problems.</p>'}
${clean.length ? `<details class="clean"><summary>${clean.length} file${clean.length === 1 ? '' : 's'} without problems</summary><ul>${clean.map((r) => `<li>${esc(displayPath(cwd, r.filePath))}</li>`).join('')}</ul></details>` : ''}
</section>
${ruleIds.length ? `<section id="rules"><h2>Rules</h2><dl class="rules">${ruleIds.map((id) => ruleSection(id, rulesMeta[id])).join('')}</dl></section>` : ''}
</body>
</html>
`;
};

export default html;
