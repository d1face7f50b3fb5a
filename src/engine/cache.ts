/**
 * --cache: a file's results are reused while its content (size + mtime first, then a sha256 of the bytes), its
 * config and the tool version are unchanged, so a re-run over an unchanged folder reads almost nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LintResult } from '../types.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import { packageVersion } from '../paths.js';

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  configHash: string;
  result: LintResult;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

export const DEFAULT_CACHE_LOCATION = '.cftlintcache';

export const hashBytes = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export class LintCache {
  private data: CacheFile;
  private dirty = false;

  private constructor(readonly location: string) {
    const version = packageVersion();
    this.data = { version, entries: {} };
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') this.data = parsed;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** Opens the cache at `location` (a file, or a directory to hold `.cftlintcache`). */
  static open(location: string, cwd: string): LintCache {
    let path = resolve(cwd, location);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory() || /[\\/]$/.test(location)) path = join(path, DEFAULT_CACHE_LOCATION);
    return new LintCache(path);
  }

  /** A cached result, known unchanged from file metadata alone (nothing is read). */
  byMetadata(filePath: string, size: number, mtimeMs: number, configHash: string): LintResult | undefined {
    const e = this.data.entries[filePath];
    return e && e.size === size && e.mtimeMs === mtimeMs && e.configHash === configHash ? e.result : undefined;
  }

  /** A cached result for content that hashes the same (the file was touched but not changed). */
  byContent(filePath: string, hash: string, size: number, mtimeMs: number, configHash: string): LintResult | undefined {
    const e = this.data.entries[filePath];
    if (!e || e.hash !== hash || e.configHash !== configHash) return undefined;
    Object.assign(e, { size, mtimeMs });
    this.dirty = true;
    return e.result;
  }

  store(filePath: string, entry: Entry): void {
    this.data.entries[filePath] = entry;
    this.dirty = true;
  }

  forget(filePath: string): void {
    if (delete this.data.entries[filePath]) this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    mkdirSync(dirname(this.location), { recursive: true });
    await writeFileAtomic(this.location, JSON.stringify(this.data));
  }
}
