/**
 * Labelled drafts: text with inline labels `{{label|text}}` (labels nest) becomes the plain text and its spans,
 * the shape of the detection bench's JSONL lines: `{"text", "spans": [{"start", "end", "label"}]}`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface LabelledText {
  /** Where it came from: a file name, or `file.jsonl:line`. */
  name: string;
  text: string;
  spans: LabelledSpan[];
  format: 'markdown' | 'plaintext';
}

const OPEN = /\{\{([a-z][a-z0-9-]*)\|/y;

/** Strips `{{label|…}}` markup from `marked`, returning the plain text and the labelled spans in it. */
export function parseLabelled(marked: string): { text: string; spans: LabelledSpan[] } {
  let text = '';
  const spans: LabelledSpan[] = [];
  const open: { label: string; start: number }[] = [];
  for (let i = 0; i < marked.length; ) {
    OPEN.lastIndex = i;
    const m = OPEN.exec(marked);
    if (m) {
      open.push({ label: m[1]!, start: text.length });
      i += m[0].length;
    } else if (marked.startsWith('}}', i) && open.length > 0) {
      const { label, start } = open.pop()!;
      spans.push({ start, end: text.length, label });
      i += 2;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open.length > 0) throw new Error(`unclosed label '${open[open.length - 1]!.label}'`);
  return { text, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** The labelled drafts in a folder (`*.md`, `*.txt`, README.md excluded). */
export function readLabelledDir(dir: string): LabelledText[] {
  return readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => ({ name: f, ...parseLabelled(readFileSync(join(dir, f), 'utf8')), format: f.endsWith('.txt') ? 'plaintext' : 'markdown' }));
}

/** Lines of a JSONL file, each `{"text", "spans", "format"?}`. */
export function readJsonl(file: string): LabelledText[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, i]) => {
      const value = JSON.parse(line) as { text: string; spans?: LabelledSpan[]; format?: 'markdown' | 'plaintext' };
      return { name: `${file}:${i + 1}`, text: value.text, spans: value.spans ?? [], format: value.format ?? 'markdown' };
    });
}
