// Preload (`node --import`) that records every module URL the process resolves into $CFTLINT_MODULE_LOG,
// so a test can check what a run loaded (e.g. that a text-only run never loads TensorFlow or sharp).
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { file: process.env.CFTLINT_MODULE_LOG } });
