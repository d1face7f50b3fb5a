/**
 * Face detection for the image rules, through a pool of worker threads (piscina), one model instance per
 * worker. Nothing heavy is imported here: piscina is loaded, and workers started, when the first image is
 * linted; TensorFlow.js and the models load inside the workers. Idle workers are unref'd by piscina, so the
 * pool never keeps the process alive; `shutdownVision()` ends it explicitly.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { onShutdown, runtime } from '../engine/lifecycle.js';
import type { ImageFormat } from '../types.js';
import type { DetectResult, DetectTask, Face } from './detector.js';

export type { DetectResult, Face };

interface Pool {
  run(task: unknown, options?: { transferList?: ArrayBuffer[] }): Promise<unknown>;
  destroy(): Promise<void>;
}

let pool: Promise<Pool> | undefined;

/**
 * The worker script. Built code runs `worker.js` beside this module; under vitest (TypeScript sources, which a
 * worker thread cannot load) the built copy in dist/ is used, so `npm run build` must have run (`pretest` does).
 */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'vision', 'worker.js');
  if (!existsSync(built)) throw new Error('the face detector is not built: run `npm run build` first');
  return built;
}

function startPool(): Promise<Pool> {
  pool ??= (async () => {
    const { Piscina } = await import('piscina');
    const concurrency = Math.max(1, Math.floor(runtime.concurrency)); // --concurrency, set by the CLI
    onShutdown(shutdownVision);
    // Workers stay (with their loaded model) for the whole run; idle ones are unref'd and do not hold the process.
    return new Piscina({ filename: workerFile(), minThreads: concurrency, maxThreads: concurrency, idleTimeout: 60_000 }) as unknown as Pool;
  })();
  return pool;
}

export interface DetectOptions {
  minConfidence: number;
  tiles: boolean;
}

/** Detects faces in an image's bytes (any format cftlint reads). Decode failures come back as `{ ok: false }`. */
export async function detectFaces(bytes: Buffer, format: ImageFormat, options: DetectOptions): Promise<DetectResult> {
  const p = await startPool();
  const copy = new Uint8Array(bytes); // transferred to the worker: the caller's buffer stays intact
  const task: DetectTask = { bytes: copy, format, minConfidence: options.minConfidence, tiles: options.tiles };
  return (await p.run(task, { transferList: [copy.buffer] })) as DetectResult;
}

/** Ends the worker pool (registered as a shutdown hook, which the CLI runs when a run is over). Safe to call twice. */
export async function shutdownVision(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current) await (await current).destroy();
}
