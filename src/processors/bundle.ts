/**
 * Build step (`npm run build`): bundles the remark stack (`remark-stack.js` in dist) into one file with rolldown,
 * a devDependency, so that a run loads one module instead of some 150. Nothing else changes: the bundle holds the
 * same libraries. Without rolldown (a production install) the compiled re-exports stay in place and work the same.
 *   node dist/src/processors/bundle.js
 */
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('./remark-stack.js', import.meta.url));

async function main(): Promise<void> {
  let rolldown: { build(options: Record<string, unknown>): Promise<unknown> };
  try {
    rolldown = (await import('rolldown' as string)) as typeof rolldown;
  } catch {
    console.log('cftlint: rolldown is not installed; the remark stack stays unbundled');
    return;
  }
  const temp = `${target}.bundle.tmp.js`;
  await rolldown.build({ input: target, platform: 'node', logLevel: 'warn', output: { file: temp, format: 'esm' } });
  renameSync(temp, target);
  rmSync(`${temp}.map`, { force: true });
  console.log(`cftlint: bundled the remark stack into ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
