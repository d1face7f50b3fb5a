/** The shareable configs every user gets: `cftlint:recommended` (each rule's default) and `cftlint:strict` (all errors). */
import type { Rule, RuleEntry } from '../types.js';

export const PRESETS = ['cftlint:recommended', 'cftlint:strict'] as const;

export function presetRules(name: string, rules: Map<string, Rule>): Record<string, RuleEntry> | undefined {
  if (name === 'cftlint:recommended' || name === 'cftlint:strict') {
    const out: Record<string, RuleEntry> = {};
    for (const [id, rule] of rules) {
      if (rule.meta.deprecated) continue;
      out[id] = name === 'cftlint:strict' ? 'error' : rule.meta.defaultSeverity;
    }
    return out;
  }
  return undefined;
}
