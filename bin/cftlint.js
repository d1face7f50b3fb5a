#!/usr/bin/env node
// Shebang shim: runs the built CLI (dist/ is built by `npm ci` through the `prepare` script).
import { run } from '../dist/src/cli/process.js';

run();
