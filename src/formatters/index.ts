/** Formatters by name (`stylish`, `json`, …) or a path to a custom, ESLint-compatible formatter module. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

const BUILT_IN: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  compact: () => import('./compact.js'),
  unix: () => import('./unix.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js'),
  github: () => import('./github.js'),
  html: () => import('./html.js'),
};

export const FORMATTER_NAMES = Object.keys(BUILT_IN);

export class FormatterError extends Error {}

export async function loadFormatter(name: string, cwd: string): Promise<Formatter> {
  const builtIn = BUILT_IN[name];
  if (builtIn) return (await builtIn()).default;
  const path = resolve(cwd, name);
  if (!existsSync(path)) {
    throw new FormatterError(`There was a problem loading formatter: ${name}. Use one of ${FORMATTER_NAMES.join(', ')} or a path to a formatter module.`);
  }
  try {
    const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    const formatter = mod.default ?? mod;
    if (typeof formatter !== 'function') throw new Error('its default export is not a function');
    return formatter as Formatter;
  } catch (error) {
    throw new FormatterError(`There was a problem loading formatter: ${path}: ${(error as Error).message}`);
  }
}
