/**
 * Built-in rules are the modules in `rules/` (one file per rule, the file name is the rule id): adding a rule
 * is adding a file, with no change here. Plugins add rules under a prefix, as ESLint plugins do.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../types.js';

/** `rules/` beside this module's tree: the TypeScript sources under vitest, the compiled ones in dist. */
const RULES_DIR = new URL('../../rules/', import.meta.url);

let builtins: Promise<Map<string, Rule>> | undefined;

const isRuleModule = (name: string) => /^[a-z0-9-]+\.(js|ts)$/.test(name) && !name.endsWith('.d.ts');

export function builtinRules(): Promise<Map<string, Rule>> {
  builtins ??= (async () => {
    const files = readdirSync(fileURLToPath(RULES_DIR)).filter(isRuleModule).sort();
    const entries = await Promise.all(
      files.map(async (file) => {
        const mod = (await import(pathToFileURL(fileURLToPath(new URL(file, RULES_DIR))).href)) as { default: Rule };
        return [file.replace(/\.(js|ts)$/, ''), mod.default] as const;
      }),
    );
    return new Map(entries.filter(([, rule]) => rule?.meta && typeof rule.create === 'function'));
  })();
  return builtins;
}
