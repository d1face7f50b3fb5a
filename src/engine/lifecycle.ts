/**
 * Process-wide run settings and clean-up, shared between the CLI and lazily loaded parts (the image worker pool)
 * without either importing the other: the CLI sets `runtime`, the pool reads it and registers its shutdown.
 */
import { availableParallelism } from 'node:os';

export const runtime = {
  /** Worker threads for image work (--concurrency). */
  concurrency: availableParallelism(),
};

const hooks = new Set<() => Promise<void> | void>();

/** Registers clean-up to run when a CLI run ends (e.g. terminating worker threads). */
export function onShutdown(hook: () => Promise<void> | void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runShutdownHooks(): Promise<void> {
  const pending = [...hooks];
  hooks.clear();
  await Promise.allSettled(pending.map((hook) => hook()));
}
