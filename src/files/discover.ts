/**
 * Discover: command-line patterns (files, directories, globs) → the files to lint. Directories are walked
 * recursively; `.gitignore` and `.cftlintignore` (gitignore syntax) are honoured; node_modules and .git never entered.
 */
import { existsSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isLintable } from './kind.js';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface IgnoreOptions {
  cwd: string;
  /** --no-ignore */
  useIgnore?: boolean;
  /** --ignore-path: use this file instead of .gitignore and .cftlintignore. */
  ignorePath?: string;
  /** --ignore-pattern (repeatable) */
  ignorePatterns?: string[];
}

export class IgnoreFileError extends Error {}

/** True when a pattern has glob syntax (and is not simply a file or folder name). */
export const isGlob = (pattern: string): boolean => /[*?[\]{}()!]/.test(pattern);

/** Answers "is this path ignored?" for paths under cwd, from ignore files and --ignore-pattern. */
export class IgnoreRules {
  private readonly matcher: Ignore = ignore();
  private readonly enabled: boolean;

  constructor(private readonly options: IgnoreOptions) {
    this.enabled = options.useIgnore !== false;
    if (!this.enabled) return;
    const files = options.ignorePath ? [resolve(options.cwd, options.ignorePath)] : ['.gitignore', '.cftlintignore'].map((f) => join(options.cwd, f));
    for (const file of files) {
      if (existsSync(file)) this.matcher.add(readFileSync(file, 'utf8'));
      else if (options.ignorePath) throw new IgnoreFileError(`Cannot read ignore file ${file}: file not found`);
    }
    this.matcher.add(options.ignorePatterns ?? []);
  }

  ignores(path: string, isDirectory = false): boolean {
    if (!this.enabled) return false;
    const rel = relative(this.options.cwd, path).split('\\').join('/');
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    return this.matcher.ignores(isDirectory ? `${rel}/` : rel);
  }
}

export class NoFilesError extends Error {
  constructor(readonly pattern: string, reason: 'unmatched' | 'ignored') {
    super(
      reason === 'ignored'
        ? `All files matched by '${pattern}' are ignored.`
        : `No files matching the pattern "${pattern}" were found.`,
    );
    this.name = 'NoFilesError';
  }
}

export interface Discovered {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Files named explicitly on the command line that an ignore rule covers (ESLint warns about those). */
  ignoredExplicitly: string[];
}

export async function discover(
  patterns: string[],
  options: IgnoreOptions & { errorOnUnmatchedPattern?: boolean },
): Promise<Discovered> {
  const ignores = new IgnoreRules(options);
  const found = new Set<string>();
  const ignoredExplicitly: string[] = [];
  for (const pattern of patterns) {
    const before = found.size;
    let sawIgnored = false;
    const absolute = resolve(options.cwd, pattern);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      if (ignores.ignores(absolute)) ignoredExplicitly.push(absolute);
      else found.add(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      const skipped = { count: 0 };
      for await (const file of walk(absolute, ignores, skipped)) found.add(file);
      sawIgnored = skipped.count > 0;
    } else if (isGlob(pattern)) {
      const { glob } = await import('tinyglobby'); // only runs with globs need it
      const matches = await glob(pattern, { cwd: options.cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const file of matches) {
        if (!isLintable(file)) continue;
        if (ignores.ignores(file)) sawIgnored = true;
        else found.add(resolve(file));
      }
    }
    if (found.size === before && options.errorOnUnmatchedPattern !== false) {
      throw new NoFilesError(pattern, sawIgnored ? 'ignored' : 'unmatched');
    }
  }
  return { files: [...found].sort(), ignoredExplicitly };
}

/** Walks a directory tree, yielding lintable files; unreadable directories are skipped, not fatal. */
async function* walk(dir: string, ignores: IgnoreRules, skipped: { count: number }): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      if (ignores.ignores(path, true)) skipped.count++;
      else yield* walk(path, ignores, skipped);
    } else if (entry.isFile() && isLintable(entry.name)) {
      if (ignores.ignores(path)) skipped.count++;
      else yield path;
    }
  }
}
