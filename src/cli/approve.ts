/**
 * `cftlint approve <file...> --by "Name" [--on YYYY-MM-DD]`: records a second reviewer's sign-off in each draft
 * (front matter for Markdown, `<file>.review.yaml` otherwise). Prints one line per file; exit code 0 when every
 * file was approved, 1 when any was refused, 2 for a usage problem (no files, no name).
 */
import type { Settings } from '../types.js';
import { approve } from '../review/approve.js';

export interface ApproveCommandOptions {
  by: string;
  on?: string;
  /** The settings that apply to a file (from its config): `reviewers` restricts who may sign off. */
  settingsFor?: (file: string) => Promise<Settings>;
  /** Where lines go; stdout/stderr by default (tests pass collectors). */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export async function approveCommand(files: string[], opts: ApproveCommandOptions): Promise<number> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = opts.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (files.length === 0) {
    err('cftlint approve: name at least one file to approve');
    return 2;
  }
  if (!opts.by || opts.by.trim() === '') {
    err('cftlint approve: --by "Reviewer Name" is required');
    return 2;
  }
  if (opts.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.on)) {
    err(`cftlint approve: --on must be a date as YYYY-MM-DD, not "${opts.on}"`);
    return 2;
  }
  let refused = 0;
  for (const file of files) {
    try {
      const outcome = await approve(file, { by: opts.by, on: opts.on, settings: await opts.settingsFor?.(file) });
      (outcome.ok ? out : err)(outcome.message);
      if (!outcome.ok) refused++;
    } catch (error) {
      err(`${file}: cannot write the sign-off (${(error as Error).message})`);
      refused++;
    }
  }
  return refused > 0 ? 1 : 0;
}
