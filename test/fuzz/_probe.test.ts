import { it } from 'vitest';
import { builtinRules } from '../../src/engine/registry.js';
import { resolveRuleOptions } from '../../src/config/rule-options.js';
import { lintSource } from '../../src/engine/linter.js';
import { loadText } from '../../src/processors/index.js';

const inputs: Record<string, () => string> = {
  quotes10k: () => '> '.repeat(10000) + 'Lily, aged 9, goes to St Mary\'s.\n',
  quotesLines10k: () => Array.from({ length: 10000 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'),
  lists10k: () => Array.from({ length: 10000 }, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n'),
  listsInline10k: () => '- '.repeat(10000) + 'deep\n',
  line5mb: () => 'Lily is 9 and lives at 12 Oak Road. '.repeat(Math.ceil(5e6 / 36)),
  line5mbNoSpace: () => 'a'.repeat(5e6),
};

it('probe', async () => {
  const { readdirSync } = await import('node:fs');
  const all = new Map<string, any>();
  for (const f of readdirSync('rules').filter((f) => /^[a-z0-9-]+\.ts$/.test(f))) {
    try { all.set(f.slice(0, -3), (await import('../../rules/' + f)).default); } catch (e) { console.log('IMPORT FAIL', f, (e as Error).message.slice(0, 100)); }
  }
  const rules = [...all].filter(([, r]) => r.meta.kind === 'text').map(([id, rule]) => ({ id, rule, severity: 2 as const, options: resolveRuleOptions(rule, {}) }));
  console.log('text rules', rules.map((r) => r.id).join(','));
  for (const [name, make] of Object.entries(inputs)) {
    const text = make();
    for (const format of ['markdown', 'plaintext'] as const) {
      let t = performance.now();
      let src;
      try { src = loadText('x.md', text, format); } catch (e) { console.log(name, format, 'LOAD THROW', (e as Error).message.slice(0, 200), performance.now() - t); continue; }
      const loadMs = performance.now() - t;
      const per: string[] = [];
      for (const r of rules) {
        t = performance.now();
        try {
          const out = await lintSource(src, { rules: [r], settings: {} });
          const fatal = out.result.messages.filter((m) => m.fatal);
          per.push(`${r.id}=${(performance.now() - t).toFixed(0)}ms/${out.result.messages.length}${fatal.length ? ' FATAL:' + fatal[0]!.message.slice(0, 150) : ''}`);
        } catch (e) { per.push(`${r.id} THROW ${(e as Error).message}`); }
      }
      console.log(name, format, `len=${text.length} load=${loadMs.toFixed(0)}ms segs=${src.segments.length}`, per.join(' '));
    }
  }
}, 600_000);
