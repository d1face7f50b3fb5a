/**
 * The pipeline for a set of files: read → (cache) → load → lint → fix → result. Every failure that concerns one
 * file (unreadable, too large, corrupt, not UTF-8) becomes a fatal message on that file and the run goes on;
 * only configuration errors stop the run.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileFix, LintResult, Source, TextFix } from '../types.js';
import { kindFromName } from '../files/kind.js';
import { removeStaleTempFiles, writeFileAtomic } from '../files/write-atomic.js';
import { load, loadTextSafely, DEFAULT_MAX_FILE_SIZE } from '../processors/index.js';
import { ConfigError, type ConfigResolver, type ResolvedConfig } from '../config/resolver.js';
import { applyTextFixes, isTextFix } from './fixer.js';
import { countResult, fatalResult, lintSource, type LintOptions, type LintOutcome } from './linter.js';
import { hashBytes, type LintCache } from './cache.js';
import { lintInWorkers, textThreads } from './text-workers.js';
import { attachSidecar, readSidecar, reviewSuppression, sidecarPath } from '../review/signoff.js';
import { statSync } from 'node:fs';

export interface LintFilesOptions {
  resolver: ConfigResolver;
  /** Write fixes to disk. */
  fix?: boolean;
  /** Compute fixes (reported in the results) without writing. */
  fixDryRun?: boolean;
  cache?: LintCache;
  maxFileSize?: number;
  /** How many files are in flight at once (image rules hand work to a worker pool). */
  concurrency?: number;
  debug?: (line: string) => void;
  onFileDone?: (result: LintResult) => void;
  /**
   * Where file content comes from instead of the working copy (--staged reads the index). Such content is never
   * fixed in place, and the cache is consulted by content hash only.
   */
  readContent?: (filePath: string) => Promise<Buffer>;
}

const MAX_FIX_PASSES = 10;
const UTF8_BOM = '\ufeff';

const problemOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'File disappeared before it could be read.';
  if (code === 'EACCES' || code === 'EPERM') return 'Cannot read file: permission denied.';
  if (code === 'EISDIR') return 'Cannot read file: it is a directory.';
  return `Cannot read file: ${(error as Error).message}`;
};

export const IGNORED_MESSAGE = 'File ignored because of a matching ignore pattern. Use "--no-ignore" to override.';

export function ignoredResult(filePath: string): LintResult {
  return countResult(filePath, [{ ruleId: null, severity: 1, message: IGNORED_MESSAGE, line: 0, column: 0, nodeType: null }], []);
}

/** Lints files in order, several in flight at a time; results come back in the order of `files`. */
export async function lintFiles(files: string[], options: LintFilesOptions): Promise<LintResult[]> {
  if (options.fix) {
    const removed = await removeStaleTempFiles(new Set(files.map((f) => dirname(f))));
    if (removed) options.debug?.(`removed ${removed} temp file(s) left by an interrupted --fix`);
  }
  const threads = textThreads(files, options);
  if (threads > 1) {
    options.debug?.(`linting ${files.length} files in ${threads} threads`);
    return (await lintInWorkers(files, threads, options)).filter((r): r is LintResult => r !== undefined);
  }
  const results: LintResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const result = await lintFile(files[index]!, options);
      if (result) options.onFileDone?.(result);
      results[index] = result as LintResult;
    }
  };
  const lanes = Math.max(1, Math.min(files.length, (options.concurrency ?? 1) * 2));
  await Promise.all(Array.from({ length: lanes }, worker));
  await options.cache?.save();
  return results.filter(Boolean);
}

/** Lints one file from disk. Undefined when config ignorePatterns exclude it. */
export async function lintFile(filePath: string, options: LintFilesOptions): Promise<LintResult | undefined> {
  const config = await options.resolver.forFile(filePath);
  if (config.ignored) return undefined;
  options.debug?.(`${filePath}: config ${config.configFile ?? '(built-in cftlint:recommended)'}`);
  if (options.readContent) return lintFromReader(filePath, config, options, options.readContent);
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    return fatalResult(filePath, problemOf(error));
  }
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (info.size > maxSize) {
    return fatalResult(filePath, `File is too large to lint (${mb(info.size)}; the limit is ${mb(maxSize)}, see --max-file-size).`);
  }
  const useCache = options.cache && !options.fix && !options.fixDryRun;
  const cacheKey = config.hash + sidecarStamp(filePath);
  const cachedByMeta = useCache ? options.cache!.byMetadata(filePath, info.size, info.mtimeMs, cacheKey) : undefined;
  if (cachedByMeta) {
    options.debug?.(`${filePath}: cache hit (unchanged), not read`);
    return cachedByMeta;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    return fatalResult(filePath, problemOf(error));
  }
  const hash = hashBytes(bytes);
  const cachedByContent = useCache ? options.cache!.byContent(filePath, hash, info.size, info.mtimeMs, cacheKey) : undefined;
  if (cachedByContent) {
    options.debug?.(`${filePath}: cache hit (same content)`);
    return cachedByContent;
  }
  options.debug?.(`${filePath}: linting`);
  const result = await lintBytes(filePath, bytes, config, options);
  // Only files whose bytes are still what we hashed are cached: a fixed file gets linted afresh next time.
  if (options.cache && result.output === undefined && !options.fix) {
    options.cache.store(filePath, { size: info.size, mtimeMs: info.mtimeMs, hash, configHash: cacheKey, result });
  } else options.cache?.forget(filePath);
  return result;
}

/** Lints content from another source than the working copy (the git index). */
async function lintFromReader(filePath: string, config: ResolvedConfig, options: LintFilesOptions, read: (p: string) => Promise<Buffer>): Promise<LintResult> {
  let bytes: Buffer;
  try {
    bytes = await read(filePath);
  } catch (error) {
    return fatalResult(filePath, problemOf(error));
  }
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (bytes.length > maxSize) return fatalResult(filePath, `File is too large to lint (${mb(bytes.length)}; the limit is ${mb(maxSize)}, see --max-file-size).`);
  const hash = hashBytes(bytes);
  const cacheKey = config.hash + sidecarStamp(filePath);
  const cached = options.cache?.byContent(filePath, hash, bytes.length, 0, cacheKey);
  if (cached) return cached;
  const result = await lintBytes(filePath, bytes, config, { ...options, fix: false });
  options.cache?.store(filePath, { size: bytes.length, mtimeMs: 0, hash, configHash: cacheKey, result });
  return result;
}

/** Lints text that did not come from disk (--stdin). Fixes are computed (dry run), never written. */
export async function lintText(text: string, filePath: string, options: LintFilesOptions): Promise<LintResult> {
  const config = await options.resolver.forFile(filePath);
  const kind = kindFromName(filePath);
  const loaded = loadTextSafely(filePath, text, kind?.kind === 'text' ? kind.format : 'markdown');
  if (!loaded.ok) return fatalResult(filePath, loaded.problem);
  const source = loaded.source as Source & { kind: 'text' };
  const outcome = await lintSource(source, lintOptions(config, options));
  return options.fixDryRun || options.fix ? (await fixText(source, outcome, config, options, false)).result : outcome.result;
}

async function lintBytes(filePath: string, bytes: Buffer, config: ResolvedConfig, options: LintFilesOptions): Promise<LintResult> {
  const loaded = load(filePath, bytes);
  if (!loaded.ok) return fatalResult(filePath, loaded.problem, loaded.line, loaded.column);
  const source = loaded.source;
  // A second reviewer's sign-off may sit in a sidecar file; rules never read the disk, so the engine hands it over.
  attachSidecar(source, readSidecar(filePath));
  const outcome = await lintSource(source, lintOptions(config, options));
  const fixing = options.fix || options.fixDryRun;
  if (!fixing || outcome.result.fatalErrorCount > 0) return outcome.result;
  if (source.kind === 'text') {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? UTF8_BOM : '';
    const isUtf8 = !(bytes[0] === 0xff || bytes[0] === 0xfe);
    const fixed = await fixText(source, outcome, config, options, !!options.fix && isUtf8, bom);
    return fixed.result;
  }
  return fixImage(source, bytes, outcome, config, options);
}

function lintOptions(config: ResolvedConfig, options: LintFilesOptions): LintOptions {
  return {
    rules: config.rules,
    settings: config.settings,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    reviewedBy: (source) => reviewSuppression(source, config.settings),
  };
}

/** ESLint's fix loop: apply non-overlapping fixes, re-lint, up to ten passes. */
async function fixText(
  source: Source & { kind: 'text' },
  first: LintOutcome,
  config: ResolvedConfig,
  options: LintFilesOptions,
  write: boolean,
  bom = '',
): Promise<{ result: LintResult }> {
  let current = source;
  let outcome = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = outcome.result.messages.map((m) => m.fix).filter((f): f is TextFix => isTextFix(f));
    if (fixes.length === 0) break;
    const { output } = applyTextFixes(current.text, fixes);
    if (output === current.text) break;
    const reloaded = loadTextSafely(source.filePath, output, source.format);
    if (!reloaded.ok || reloaded.source.kind !== 'text') break; // a fix that makes the draft unreadable is not applied
    current = reloaded.source;
    outcome = await lintSource(current, lintOptions(config, options));
  }
  if (current.text === source.text) return { result: outcome.result };
  if (write) await writeFileAtomic(source.filePath, bom + current.text);
  return { result: { ...outcome.result, output: current.text } };
}

/** Applies whole-file fixes (metadata strips) in order, writes atomically, and re-lints the fixed bytes. */
async function fixImage(source: Source, bytes: Buffer, outcome: LintOutcome, config: ResolvedConfig, options: LintFilesOptions): Promise<LintResult> {
  if (outcome.fileFixes.length === 0 || !options.fix) return outcome.result;
  let fixed = bytes;
  try {
    for (const fix of outcome.fileFixes as FileFix[]) fixed = await fix.apply(fixed);
  } catch (error) {
    const result = outcome.result;
    const message = `Could not fix this file; it was left untouched: ${(error as Error).message}`;
    return countResult(source.filePath, [...result.messages, { ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1, nodeType: null }], result.suppressedMessages);
  }
  if (fixed.equals(bytes)) return outcome.result;
  await writeFileAtomic(source.filePath, fixed);
  options.debug?.(`${source.filePath}: fixed (${outcome.fileFixes.map((f) => f.description).join('; ')})`);
  // Read back what is on disk now and lint it: whatever remains is reported.
  const written = await readFile(source.filePath);
  const reloaded = load(source.filePath, written);
  if (!reloaded.ok) return fatalResult(source.filePath, `After fixing: ${reloaded.problem}`);
  return (await lintSource(reloaded.source, lintOptions(config, options))).result;
}

/** Identifies the state of a file's review sidecar, so adding or editing a sign-off invalidates the cache. */
function sidecarStamp(filePath: string): string {
  const info = statSync(sidecarPath(filePath), { throwIfNoEntry: false });
  return info ? `+review:${info.size}:${info.mtimeMs}` : '';
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export { ConfigError };
