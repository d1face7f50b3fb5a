/** A worker thread of text-workers.ts: lints its share of the files and posts each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../config/resolver.js';
import { lintFile } from './lint-files.js';
import type { TextWorkerData, TextWorkerMessage } from './text-workers.js';

const data = workerData as TextWorkerData;
const post = (message: TextWorkerMessage) => parentPort!.postMessage(message);
const resolver = new ConfigResolver(data.resolverOptions);
const debug = data.debug ? (line: string) => post({ kind: 'debug', line }) : undefined;

try {
  for (const [index, filePath] of data.files) {
    const result = await lintFile(filePath, { resolver, fix: data.fix, fixDryRun: data.fixDryRun, maxFileSize: data.maxFileSize, debug });
    post({ kind: 'result', index, result });
  }
} catch (error) {
  post({ kind: 'error', name: (error as Error).name, message: (error as Error).message });
}
