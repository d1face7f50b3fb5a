/**
 * Big text-only runs use every core: the files are dealt to worker threads, each running the same per-file
 * pipeline (lint-files.ts) with its own config resolver, and the results come back in the order of the list.
 * Small runs stay in one thread (starting a worker costs about as much as linting a hundred drafts), and so do runs
 * with --cache or --staged, whose state lives in this thread. Images have their own pool (src/vision).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintResult } from '../types.js';
import { kindFromName } from '../files/kind.js';
import { ConfigError } from '../config/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { LintFilesOptions } from './lint-files.js';

/** Fewer files than this are linted in this thread. */
export const MIN_FILES_PER_WORKER = 100;

/** What a worker needs to lint its share: plain data only. */
export interface TextWorkerData {
  files: [index: number, filePath: string][];
  resolverOptions: LintFilesOptions['resolver']['options'];
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileSize?: number;
  debug: boolean;
}

export type TextWorkerMessage =
  | { kind: 'result'; index: number; result: LintResult | undefined }
  | { kind: 'debug'; line: string }
  | { kind: 'error'; name: string; message: string };

/** The compiled worker: beside this module when built; from dist/ under vitest (a thread cannot load TypeScript). */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const script = here.endsWith('.js') ? join(dirname(here), 'text-worker.js') : join(PACKAGE_ROOT, 'dist/src/engine/text-worker.js');
  return existsSync(script) ? script : undefined;
}

/** How many threads a run should use for its text files: 1 means "in this thread". */
export function textThreads(files: string[], options: LintFilesOptions): number {
  const wanted = Math.min(options.concurrency ?? 1, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (wanted < 2 || options.cache || options.readContent || !workerScript()) return 1;
  return files.every((f) => kindFromName(f)?.kind === 'text') ? wanted : 1;
}

/** Lints `files` in `threads` worker threads; a config error in any of them stops the run as it would here. */
export async function lintInWorkers(files: string[], threads: number, options: LintFilesOptions): Promise<(LintResult | undefined)[]> {
  const results: (LintResult | undefined)[] = new Array(files.length);
  const script = workerScript()!;
  const workers: Worker[] = [];
  const runs = Array.from({ length: threads }, (_, k) => {
    const data: TextWorkerData = {
      files: files.flatMap((file, index) => (index % threads === k ? [[index, file] as [number, string]] : [])),
      resolverOptions: options.resolver.options,
      fix: options.fix,
      fixDryRun: options.fixDryRun,
      maxFileSize: options.maxFileSize,
      debug: !!options.debug,
    };
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: data });
      workers.push(worker);
      worker.on('message', (message: TextWorkerMessage) => {
        if (message.kind === 'result') {
          results[message.index] = message.result;
          if (message.result) options.onFileDone?.(message.result);
        } else if (message.kind === 'debug') options.debug?.(message.line);
        else reject(message.name === 'ConfigError' ? new ConfigError(message.message) : new Error(message.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
  });
  try {
    await Promise.all(runs);
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate())); // the run stops: the other threads need not finish
    throw error;
  }
  return results;
}
