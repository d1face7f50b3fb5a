/** Applies ESLint-style text fixes: sorted by range, overlapping fixes skipped (a later pass picks them up). */
import type { TextFix } from '../types.js';

export function applyTextFixes(text: string, fixes: TextFix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < cursor || end < start || end > text.length) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { output: output + text.slice(cursor), applied };
}

export const isTextFix = (fix: unknown): fix is TextFix =>
  typeof fix === 'object' && fix !== null && Array.isArray((fix as TextFix).range) && typeof (fix as TextFix).text === 'string';
