/** Plain text → segments: one per paragraph (lines up to a blank line), skipping directive lines. */
import { Segment } from './segment.js';
import { isDirectiveLine } from '../engine/directives.js';

export function parsePlainText(text: string): Segment[] {
  const segments: Segment[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0) segments.push(Segment.verbatim(text.slice(blockStart, blockEnd), blockStart, 'paragraph', segments.length));
    blockStart = -1;
  };
  const lineRe = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let m = lineRe.exec(text); m && m.index < text.length; m = lineRe.exec(text)) {
    const line = m[1]!;
    if (line.trim() === '' || isDirectiveLine(line)) flush();
    else {
      if (blockStart < 0) blockStart = m.index;
      blockEnd = m.index + line.length;
    }
    if (m[2] === '') break;
  }
  flush();
  return segments;
}
