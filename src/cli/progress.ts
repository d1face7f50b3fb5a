/** A one-line progress bar on stderr for long runs, shown only when stderr is a terminal. */
import { isLintable, kindFromName } from '../files/kind.js';
import type { LintResult } from '../types.js';

const MIN_FILES = 20;
const WIDTH = 24;

export function startProgress(stderr: { write(s: string): unknown; isTTY?: boolean }, files: string[]): { tick: (r: LintResult) => void; done: () => void } | undefined {
  const images = files.filter((f) => kindFromName(f)?.kind === 'image').length;
  if (!stderr.isTTY || (files.length < MIN_FILES && images <= 5) || !files.every(isLintable)) return undefined;
  const started = Date.now();
  let done = 0;
  let imagesDone = 0;
  let last = 0;
  const draw = () => {
    const filled = Math.round((done / files.length) * WIDTH);
    const seconds = (Date.now() - started) / 1000;
    const rate = images > 0 && seconds > 0 ? `, ${(imagesDone / seconds).toFixed(1)} images/s` : '';
    stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${files.length} files${rate}`);
  };
  return {
    tick(result) {
      done++;
      if (kindFromName(result.filePath)?.kind === 'image') imagesDone++;
      if (Date.now() - last > 100 || done === files.length) {
        last = Date.now();
        draw();
      }
    },
    done() {
      stderr.write('\r\u001b[K');
    },
  };
}
