/** --list-rules and --print-config. */
import type { ConfigResolver } from '../config/resolver.js';
import type { CliIO } from './main.js';

export async function listRules(resolver: ConfigResolver, io: Pick<CliIO, 'stdout'>): Promise<number> {
  const rules = [...(await resolver.allRules())].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rules.map(([id]) => id.length), 4);
  io.stdout.write(`${'rule'.padEnd(width)}  kind   default  fixable   description\n`);
  for (const [id, { meta }] of rules) {
    io.stdout.write(`${id.padEnd(width)}  ${meta.kind.padEnd(5)}  ${meta.defaultSeverity.padEnd(7)}  ${(meta.fixable ?? '-').padEnd(8)}  ${meta.description}\n`);
  }
  return 0;
}

export async function printConfig(resolver: ConfigResolver, filePath: string, io: Pick<CliIO, 'stdout'>): Promise<number> {
  const config = await resolver.forFile(filePath);
  const SEVERITY = ['off', 'warn', 'error'];
  const printable = {
    configFile: config.configFile ?? null,
    ignored: config.ignored,
    rules: Object.fromEntries(config.rules.map((r) => [r.id, Object.keys(r.options).length ? [SEVERITY[r.severity], r.options] : SEVERITY[r.severity]])),
    settings: config.settings,
    reportUnusedDisableDirectives: SEVERITY[config.reportUnusedDisableDirectives],
  };
  io.stdout.write(`${JSON.stringify(printable, null, 2)}\n`);
  return 0;
}
