import type { ChalkInstance } from 'chalk';
import type { LintResult, RuleMeta } from '../types.js';

export interface FormatterContext {
  cwd: string;
  /** Meta of every rule that may appear in the results, by rule id (as ESLint passes `rulesMeta`). */
  rulesMeta: Record<string, RuleMeta>;
  /** Colours for terminals (level 0 when writing to a file or with --no-color). */
  color: ChalkInstance;
  /** True when evidence has been masked (so formatters must not add anything from the file). */
  redacted: boolean;
  version: string;
}

/** ESLint-compatible: a custom formatter module's default export has this shape. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string | Promise<string>;

export const messageType = (m: { fatal?: boolean; severity: number }) => (m.fatal || m.severity === 2 ? 'Error' : 'Warning');
export const plural = (word: string, n: number) => `${n} ${word}${n === 1 ? '' : 's'}`;
