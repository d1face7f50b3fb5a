/**
 * Does a sentence talk about one particular person? care-details and home-location flag a detail only when it
 * is tied to someone ("our foster son has ADHD", "Jake lives in Margate"), not in general talk about fostering
 * ("children in care often have ADHD"). Cues come from `rules/data/care-details-person-cues.yaml`.
 */
import type { Settings } from '../types.js';
import { dataYaml, firstNames, firstNamesThatAreWords, lazy, lowerSet, phraseAlternation } from './lexicons.js';
import { isPlaceName } from './uk-places.js';

export type CueKind = 'child' | 'pronoun' | 'name' | 'age' | 'first person';

export interface PersonCue {
  start: number;
  end: number;
  kind: CueKind;
}

interface CuesYaml {
  childNouns: string[];
  childAdjectives: string[];
  determiners: string[];
  phrases: string[];
  genericSubjects: string[];
}

const isPlural = (noun: string) => /(?:s|children|people|ones)$/.test(noun) && !/^(?:class|boss)$/.test(noun);

const GENERAL_PLURALS = /(?:children|people|kids|teenagers)$/;

const patterns = lazy(() => {
  const y = dataYaml<CuesYaml>('care-details-person-cues.yaml');
  const singular = y.childNouns.filter((n) => !isPlural(n));
  const plural = y.childNouns.filter(isPlural);
  const adjectives = `(?:(?:${phraseAlternation(y.childAdjectives)}|\\d{1,2}[- ]year[- ]old)\\s+){0,3}`;
  return {
    // Singular nouns after any determiner; "children", "young people" only after a possessive ("our foster
    // children"), since "the children" is as often children in general.
    child: new RegExp(
      `\\b(?:(?:${phraseAlternation(y.determiners)})\\s+${adjectives}(?:${phraseAlternation(singular.concat(plural.filter((p) => !GENERAL_PLURALS.test(p))))})|(?:my|our|his|her)\\s+${adjectives}(?:${phraseAlternation(plural)})|(?:${phraseAlternation(y.phrases)}))\\b`,
      'gi',
    ),
    generic: new RegExp(`(?:^|[^\\w/])(?:${phraseAlternation(y.genericSubjects)})(?![\\w/])`, 'i'),
  };
});

const PRONOUN = /\b(?:he|she|him|his|hers|himself|herself)(?:['’](?:s|d|ll))?\b|\bher\b/gi;
const AGE = /\b\d{1,2}[- ]years?[- ]old\b|\baged?\s+\d{1,2}\b|(?<=[A-Z][a-z]+),\s*\d{1,2}\s*(?=,)/g;
const FIRST_PERSON = /\b(?:we|our|us|ours|my|we['’](?:re|ve|d|ll))\b|\bI(?:['’](?:m|ve|d|ll))?\b/gi;
const CAPITALISED = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b/g;
const TITLES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Sir|Lady|Lord|Dame|Rev|Prof|St|Saint)\.?\s+$/;
const NOT_NAMES = new Set(
  'I Foster Trust God Christmas Easter Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(' '),
);
/** After a sentence-initial word, a verb or an age that makes it a subject's name: "Lily is", "Grace, 8,". */
const SUBJECT_AFTER = /^(?:['’]s\b|,\s*(?:\d|(?:who|aged|our|my)\b)|\s+(?:is|was|has|had|loves|loved|likes|liked|enjoys|enjoyed|gets|got|goes|went|came|comes|started|starts|turned|turns|lives|lived|moved|plays|played|now|and\s+[A-Z]))/;

/** Adult roles right before a name: "foster carer Michelle", "foster carers Joanne and Steve", "MP Sarah". */
const ADULT_ROLE_BEFORE =
  /\b(?:carers?|foster (?:carers?|mum|dad|parents?|mother|father)|social worker|manager|officer|director|chair|trustee|councillor|MP|presenter|host|volunteer|colleague|staff)\s+(?:[A-Z][a-z]+\s+(?:and|&)\s+)?$/i;
/** A capitalised word after a first name (optionally "and Chris"): a surname. */
const SURNAME_AFTER = /^(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/;

/** Capitalised first names in `sentence` (from the lexicons), minus `settings.allowNames` and sentence-initial words. */
function* names(sentence: string, settings: Settings, adults = false): Generator<PersonCue> {
  const lexicon = firstNames();
  // Only first names reach the word check below, so the names that are words are all it needs.
  const words = firstNamesThatAreWords();
  const allowed = lowerSet(settings.allowNames);
  for (const m of sentence.matchAll(CAPITALISED)) {
    const lower = m[0].toLowerCase();
    if (!lexicon.has(lower) || allowed.has(lower) || NOT_NAMES.has(m[0])) continue;
    const before = sentence.slice(0, m.index);
    // "Grace", "Will", "Rose" open sentences as words; a name that is also a word counts only mid-sentence.
    if (words.has(lower) && /^[\s"'“‘(*_#>-]*$/.test(before) && !SUBJECT_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    if (TITLES.test(before) || (!adults && ADULT_ROLE_BEFORE.test(before))) continue;
    // "the Hilton", "the Maidstone Hilton", "BBC Radio Kent": part of another proper noun, not a person.
    const prev = before.match(/(\S+)\s+$/)?.[1] ?? '';
    if (/\bthe\s+$/i.test(before) || (/^[A-Z][a-z]/.test(prev) && !lexicon.has(prev.toLowerCase()) && !/[.!?:;,"“]$/.test(prev) && before.trim() !== prev)) continue;
    // "moved to Kent", "from Chelsea": a place after a preposition.
    if (isPlaceName(m[0]) && /\b(?:in|at|from|to|near|across|around|of|outside)\s+$/i.test(before)) continue;
    // "Chris Turner", "Angela and Chris Turner": a surname after the first name marks an adult (children go by first names).
    const after = sentence.slice(m.index + m[0].length).match(SURNAME_AFTER);
    if (!adults && after && !lexicon.has(after[1]!.toLowerCase())) continue;
    yield { start: m.index, end: m.index + m[0].length, kind: 'name' };
  }
}

/** All cues in `sentence`, pronouns included whether or not the sentence is general talk. */
function rawCues(sentence: string, settings: Settings, opts: { firstPerson?: boolean; adults?: boolean }): PersonCue[] {
  const cues: PersonCue[] = [];
  for (const m of sentence.matchAll(patterns().child)) cues.push({ start: m.index, end: m.index + m[0].length, kind: 'child' });
  for (const m of sentence.matchAll(AGE)) cues.push({ start: m.index, end: m.index + m[0].length, kind: 'age' });
  cues.push(...names(sentence, settings, opts.adults));
  for (const m of sentence.matchAll(PRONOUN)) cues.push({ start: m.index, end: m.index + m[0].length, kind: 'pronoun' });
  if (opts.firstPerson) {
    for (const m of sentence.matchAll(FIRST_PERSON)) cues.push({ start: m.index, end: m.index + m[0].length, kind: 'first person' });
  }
  return cues;
}

/** Cues of the last few sentences asked about: rules ask about one sentence many times, once per detail. */
const cueCache = new Map<string, PersonCue[]>();
function cachedCues(sentence: string, settings: Settings, opts: { firstPerson?: boolean; adults?: boolean }): PersonCue[] {
  const key = `${opts.firstPerson ? 1 : 0}${opts.adults ? 1 : 0}${(settings.allowNames ?? []).join(',')}\u0000${sentence}`;
  let cues = cueCache.get(key);
  if (!cues) {
    if (cueCache.size > 64) cueCache.clear();
    cues = rawCues(sentence, settings, opts);
    cueCache.set(key, cues);
  }
  return cues;
}

/** Every cue in `sentence` that points at a particular person. */
export function personCues(sentence: string, settings: Settings, opts: { firstPerson?: boolean; adults?: boolean } = {}): PersonCue[] {
  // "When a child comes into care, she may…": a pronoun in general talk is not a person.
  const generic = patterns().generic.test(sentence);
  return cachedCues(sentence, settings, opts).filter((c) => c.kind !== 'pronoun' || !generic);
}

/** Words that make a sentence about staff or other adults at work (not a foster family): "she" after them is one of them. */
const STAFF_CONTEXT =
  /\b(?:manager|officer|coordinator|co-ordinator|director|chair|trustee|staff|colleague|joined the Trust|has worked|worked for|works for|youth worker|recruitment team|presenter|councillor|MP)\b/i;

/** Who a sentence is about, as far as its own words tell: a child (child nouns, ages, names), staff (roles), or unknown. */
export function sentenceSubject(sentence: string, settings: Settings): 'child' | 'staff' | undefined {
  const cues = personCues(sentence, settings);
  if (cues.some((c) => c.kind === 'child' || c.kind === 'age')) return 'child';
  if (STAFF_CONTEXT.test(sentence)) return 'staff';
  if (cues.some((c) => c.kind === 'name')) return 'child';
  return undefined;
}

/** True when a cue outside `[start, end)` ties the sentence to a particular person. */
export function tiedToPerson(
  sentence: string,
  start: number,
  end: number,
  settings: Settings,
  opts: { firstPerson?: boolean; adults?: boolean; kinds?: CueKind[] } = {},
): boolean {
  const cues = cachedCues(sentence, settings, opts).filter(
    (c) => (c.end <= start || c.start >= end) && (!opts.kinds || opts.kinds.includes(c.kind)),
  );
  if (!cues.some((c) => c.kind === 'pronoun')) return cues.length > 0;
  // Blank out the detail itself, so that "a child protection plan" does not read as general talk about "a child".
  const generic = patterns().generic.test(sentence.slice(0, start) + ' '.repeat(end - start) + sentence.slice(end));
  return cues.some((c) => c.kind !== 'pronoun' || !generic);
}
