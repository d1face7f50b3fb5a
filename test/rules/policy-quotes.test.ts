import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../src/engine/registry.js';
import { ROOT } from '../support/cli.js';

/** Quotes compare on words: curly quotes, emphasis markers and line breaks don't count. */
const normal = (s: string) => s.replace(/\*\*/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

describe('every built-in rule enforces a clause of the policy', async () => {
  const policy = normal(readFileSync(join(ROOT, 'docs/social-media-policy.md'), 'utf8'));
  for (const [id, rule] of await builtinRules()) {
    it(`${id} quotes the policy verbatim and has a documentation page`, () => {
      // A quote may skip words with an ellipsis; each part must stand in the policy as written.
      for (const part of normal(rule.meta.policy).split(/ ?(?:…|\.\.\.) ?/)) expect(policy).toContain(part.replace(/\.$/, ''));
      expect(readFileSync(join(ROOT, rule.meta.docs), 'utf8')).toContain(id);
    });
  }
});
