/** Where the package lives on disk, whether running from `src/` (vitest) or `dist/src/` (built). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cftlint') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cftlint: cannot find its own package.json');
    dir = parent;
  }
}

/** The package root (holds package.json, rules/, .cftlintrc.example). */
export const PACKAGE_ROOT = findPackageRoot();

/** A data file shipped beside the rules, e.g. `dataFile('political-content.yaml')` → `<root>/rules/data/...`. */
export const dataFile = (name: string): string => join(PACKAGE_ROOT, 'rules', 'data', name);

let version: string | undefined;

/** cftlint's version, read once (it keys every file's config hash and the cache). */
export const packageVersion = (): string =>
  (version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
