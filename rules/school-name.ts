/**
 * school-name: named schools, nurseries, academies, colleges, sixth forms and pupil referral units, and
 * identifiable clubs and teams ("St Mary's Primary", "Greenfield Academy", "the under-10s at Riverside FC").
 * A name is capitalised words ending in a head word from `rules/data/school-name-terms.yaml`; generic mentions
 * ("a local primary school", "schools across Kent", "Ofsted") have no name and are left alone.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { dataYaml, escapeRegExp, firstNames, lazy, lowerSet, phraseAlternation } from '../src/detail-finders/lexicons.js';
import { isPlaceName } from '../src/detail-finders/uk-places.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Names that are always fine to publish (the Trust's own training academy, a sponsor club). */
  allow: string[];
  schools: boolean;
  clubs: boolean;
}

interface TermsYaml {
  schoolHeads: string[];
  clubHeads: string[];
  weakClubHeads: string[];
  lowercaseHeads: string[];
  notSchools: string[];
  notAfterHead: string[];
  genericWords: string[];
  fanWordsBefore: string[];
  fanWordsAfter: string[];
}

type Kind = 'school' | 'club';

const terms = lazy(() => {
  const t = dataYaml<TermsYaml>('school-name-terms.yaml');
  const schoolHeads = new Set(t.schoolHeads);
  return {
    // Capitalised heads; the lower-case ones are a separate pass that needs a clearer name.
    head: new RegExp(`(?<![\\w'’])(?:${phraseAlternation([...t.schoolHeads, ...t.clubHeads])})(?![\\w'’])`, 'g'),
    lowerHead: new RegExp(`(?<![\\w'’-])(?:${phraseAlternation(t.lowercaseHeads)})(?![\\w'’-])`, 'g'),
    kindOf: (head: string): Kind => (schoolHeads.has(head) || /^[a-z]/.test(head) ? 'school' : 'club'),
    weak: new Set(t.weakClubHeads),
    notSchools: t.notSchools.map((s) => s.toLowerCase()),
    notAfterHead: new RegExp(`^\\s+(?:${t.notAfterHead.join('|')})\\b`),
    generic: lowerSet(t.genericWords),
    fanBefore: new RegExp(`\\b(?:${phraseAlternation(t.fanWordsBefore)})\\s+(?:the\\s+)?$`, 'i'),
    fanAfter: new RegExp(`^(?:'s)?\\s+(?:${phraseAlternation(t.fanWordsAfter)})\\b`, 'i'),
  };
});

/** Words that open a sentence or phrase before a name and are not part of it. */
const STARTERS = new Set(
  'a an the our my your his her their this that every each any all some at to from for and of in on with by welcome congratulations congrats thanks thank yesterday today tonight visit huge well done proud big shout out so but also then when after before while since both new'.split(' '),
);
const JOINERS = new Set(['of', 'the', 'and', '&', 'de', 'upon', 'on', 'la', 'le']);
const NAME_TOKEN = /[A-Za-z][A-Za-z'’]*\.?|&|\d+(?:st|nd|rd|th)\b/g;
const AGE_GROUP = String.raw`(?:[Uu]nder[- ]?\d{1,2}(?:'?s)?|U-?\d{1,2}(?:'?s)?)`;
const NAME_WORDS = String.raw`[A-Z][\w'’]*(?:[\s-]+(?:[A-Z][\w'’]*|&|and|of))*`;
/** "the under-10s at Riverside FC", "U12s for Hove Albion". */
const AGE_GROUP_AT = new RegExp(String.raw`\b(?:the\s+)?${AGE_GROUP}(?:\s+(?:team|squad|side|girls|boys))?\s+(?:at|for|with|of|in)\s+(?:the\s+)?(${NAME_WORDS})`, 'g');
/** "Riverside Rangers under-10s". */
const NAME_AGE_GROUP = new RegExp(String.raw`(${NAME_WORDS})\s+${AGE_GROUP}(?![\w])`, 'g');
/** "plays for Riverside Rangers", "playing football for Oakley". */
const PLAYS_FOR = new RegExp(String.raw`\b(?:plays|playing|played|play)\s+(?:(?:football|rugby|cricket|netball|hockey|basketball|in goal)\s+)?for\s+(?:the\s+)?(${NAME_WORDS})`, 'g');
/** "goes to St Mary's", "started at St Joseph's", "in Year 4 at St Anne's". */
const ATTENDS_SAINT = /\b(?:goes|go|going|went|gone|started|starts|starting|start|attends|attending|attended|joined|joins|joining|moved|moving|transferred|pupils?|Year\s+\d{1,2}|Reception|class)\s+(?:at|to)\s+((?:St\.?|Saint)\s+[A-Z][a-z]+['’]s)(?![\w'’])/g;
/** "the green St Mary's uniform", "her St Anne's PE kit". */
const SAINT_UNIFORM = /((?:St\.?|Saint)\s+[A-Z][a-z]+['’]s)\s+(?:school\s+)?(?:uniform|blazer|jumper|sweatshirt|cardigan|tie|PE kit|book bag|bookbag)\b/g;
const COUNTRIES = new Set(['england', 'scotland', 'wales', 'ireland', 'northern ireland', 'great britain', 'gb', 'team gb', 'the uk', 'uk']);

interface Found {
  start: number;
  end: number;
  kind: Kind;
  /** The distinctive words of a headed name ("Oakfield" of "Oakfield Primary"), for later bare mentions. */
  core?: string;
}

/** Names found earlier in the same document, by core words: "Oakfield" → school. */
type Known = Map<string, Kind>;

const isCapitalised = (w: string) => /^[A-Z0-9&]/.test(w);

/** Start of the name that ends right before `headStart`: capitalised words, "St", "of", "&"… walking backwards. */
function nameBefore(text: string, headStart: number, floor = 0): { start: number; words: string[] } {
  const offset = Math.max(floor, headStart - 80);
  const tokens = [...text.slice(offset, headStart).matchAll(NAME_TOKEN)];
  let start = headStart;
  const words: string[] = [];
  for (let t = tokens.length - 1; t >= 0 && words.length < 6; t--) {
    const tok = tokens[t]!;
    const tokStart = offset + tok.index;
    const gap = text.slice(tokStart + tok[0].length, start);
    if (!/^[\s-]{1,2}$/.test(gap) || /\n/.test(gap)) break;
    if (!isCapitalised(tok[0]) && !JOINERS.has(tok[0])) break;
    // "the" inside a name only after "of" ("School of the Arts"); "Arts and the Police Academy" is two names.
    if (tok[0] === 'the' && tokens[t - 1]?.[0] !== 'of') break;
    words.unshift(tok[0]);
    start = tokStart;
  }
  // Drop joiners and sentence openers at the front: "Welcome to Greenfield" → "Greenfield".
  while (words.length && (JOINERS.has(words[0]!) || STARTERS.has(words[0]!.toLowerCase()))) {
    const w = words.shift()!;
    start = start + w.length + (text.slice(start + w.length).match(/^[\s-]+/)?.[0].length ?? 0);
  }
  return { start, words };
}

/** True when some word of the name is a real name word, not "local", "primary", "the"… */
const isNamed = (words: string[]) => words.some((w) => !terms().generic.has(w.toLowerCase().replace(/['’]s$|\.$/, '')));

/** Sentence-level fandom: "a huge Arsenal FC fan", "watching Brighton Albion". */
function isFandom(text: string, start: number, end: number): boolean {
  const t = terms();
  return t.fanBefore.test(text.slice(Math.max(0, start - 40), start)) || t.fanAfter.test(text.slice(end, end + 30));
}

/** Named schools and clubs ending in a head word. */
function* headedNames(text: string, allow: string[]): Generator<Found> {
  const t = terms();
  let previousEnd = 0;
  for (const m of text.matchAll(t.head)) {
    const head = m[0];
    // A name never reaches back into the previous one: "Greenfield Academy and Oakwood School" are two.
    const { start, words } = nameBefore(text, m.index, previousEnd);
    const end = m.index + head.length;
    previousEnd = end;
    if (!words.length || !isNamed(words) || t.notAfterHead.test(text.slice(end, end + 20))) continue;
    const full = text.slice(start, end).toLowerCase();
    if (t.notSchools.some((n) => full.includes(n)) || allow.some((a) => full.includes(a))) continue;
    const kind = t.kindOf(head);
    // "Rangers", "United", "Town"… alone are too often a professional club or another noun.
    if (kind === 'club' && t.weak.has(head)) continue;
    if (kind === 'club' && isFandom(text, start, end)) continue;
    yield { start, end, kind, core: words.join(' ') };
  }
  for (const m of text.matchAll(t.lowerHead)) {
    if (/^[A-Z]/.test(m[0])) continue;
    const { start, words } = nameBefore(text, m.index);
    if (!words.length || !isNamed(words)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    // "a Margate primary school" is a school in Margate; "Jake's school" is his school, not its name.
    if (/\b(?:a|an|any|every|one|some|another|each)\s+$/i.test(before)) continue;
    const saint = /^(?:St\.?|Saint)$/.test(words[0]!);
    if (!saint && words.length === 1 && /['’]s$/.test(words[0]!)) continue;
    const full = text.slice(start, m.index + m[0].length).toLowerCase();
    if (t.notSchools.some((n) => full.includes(n)) || allow.some((a) => full.includes(a))) continue;
    yield { start, end: m.index + m[0].length, kind: 'school' };
  }
}

/** The name captured by a club pattern, when it is a name and not a country or a sentence opener. */
const clubName = (name: string) => {
  const words = name.trim().split(/[\s-]+/);
  return isNamed(words) && !COUNTRIES.has(name.toLowerCase()) && !STARTERS.has(words[0]!.toLowerCase());
};

/** Teams and clubs described by an age group or by "plays for", and schools named by "goes to St Mary's". */
function* describedNames(text: string): Generator<Found> {
  // Cheap checks first: most texts have no age group, no "play", no saint.
  const ageGroups = /\b(?:[Uu]nder|U-?\d)/.test(text);
  const saints = /\bS(?:t\b|aint\b)/.test(text);
  for (const m of ageGroups ? text.matchAll(AGE_GROUP_AT) : []) {
    const name = m[1]!.replace(/[\s-]+(?:and|of|&)$/, '');
    if (clubName(name)) yield { start: m.index, end: m.index + m[0].indexOf(m[1]!) + name.length, kind: 'club' };
  }
  for (const m of ageGroups ? text.matchAll(NAME_AGE_GROUP) : []) {
    const { start, words } = nameBefore(text, m.index + m[1]!.length + 1);
    if (words.length && isNamed(words) && !COUNTRIES.has(words.join(' ').toLowerCase())) {
      yield { start, end: m.index + m[0].length, kind: 'club' };
    }
  }
  for (const m of /\bplay/i.test(text) ? text.matchAll(PLAYS_FOR) : []) {
    const name = m[1]!.replace(/[\s-]+(?:and|of|&)$/, '');
    const start = m.index + m[0].length - m[1]!.length;
    if (clubName(name) && !/\b(?:one day|dream|dreams|would love|wants? to)\b/i.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      yield { start, end: start + name.length, kind: 'club' };
    }
  }
  for (const m of saints ? text.matchAll(SAINT_UNIFORM) : []) yield { start: m.index, end: m.index + m[1]!.length, kind: 'school' };
  for (const m of saints ? text.matchAll(ATTENDS_SAINT) : []) {
    const start = m.index + m[0].length - m[1]!.length;
    yield { start, end: m.index + m[0].length, kind: 'school' };
  }
}

/** Allowed names, lower-cased: the rule's `allow` option and `settings.organisationNames`. */
const allowList = (settings: Settings, allow: string[] = []) =>
  [...allow, ...(settings.organisationNames ?? [])].map((s) => s.toLowerCase()).filter(Boolean);

/** The allow list of `settings` alone, one array per settings object (so that memos keyed by it are shared). */
const settingsAllow = new WeakMap<Settings, string[]>();
function allowOf(settings: Settings): string[] {
  let allow = settingsAllow.get(settings);
  if (!allow) settingsAllow.set(settings, (allow = allowList(settings)));
  return allow;
}

/** Headed and described names in a text, once per allow list and text. */
const namesIn = memoPerText((text: string, allow: string[]) => [...headedNames(text, allow), ...describedNames(text)]);

/** Schools and clubs in `text`, merged so that overlapping finds become one span (the school kind wins). */
function find(text: string, allow: string[], known: Known = new Map()): Found[] {
  const all = [...namesIn(text, allow)];
  for (const f of all) if (f.core && usableCore(f.core)) known.set(f.core, f.kind);
  all.push(...bareMentions(text, known));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Found[] = [];
  for (const f of all) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      if (f.kind === 'school') last.kind = 'school';
    } else merged.push({ ...f });
  }
  return merged.filter((f) => !allow.some((a) => text.slice(f.start, f.end).toLowerCase() === a));
}

/** A core that can stand for its school alone: not a place ("Brighton" of "Brighton College"), a first name or a generic word. */
function usableCore(core: string): boolean {
  if (/\s/.test(core)) return core.length >= 6;
  const lower = core.toLowerCase();
  return core.length >= 4 && !isPlaceName(core) && !firstNames().has(lower) && !terms().generic.has(lower) && !STARTERS.has(lower);
}

/** The whole-word pattern of each core seen so far (a document mentions the same few schools again and again). */
const corePatterns = new Map<string, RegExp>();
function corePattern(core: string): RegExp {
  let re = corePatterns.get(core);
  if (!re) {
    if (corePatterns.size >= 1000) corePatterns.clear();
    corePatterns.set(core, (re = new RegExp(`(?<![\\w'’-])${escapeRegExp(core)}(?![\\w'’-])`, 'g')));
  }
  return re;
}

/** Later mentions of a known school or club by its core alone: "told everyone at Oakfield". */
function* bareMentions(text: string, known: Known): Generator<Found> {
  for (const [core, kind] of known) {
    // A core that is not in the text cannot match: skip the regular expression.
    if (!text.includes(core)) continue;
    for (const m of text.matchAll(corePattern(core))) yield { start: m.index, end: m.index + core.length, kind };
  }
}

/** The named schools ("school") and clubs or teams ("club") in a piece of text, once per settings and text. */
const detailsIn = memoPerText((text: string, settings: Settings): DetailSpan[] =>
  find(text, allowOf(settings)).map((f) => ({ start: f.start, end: f.end, label: 'school-name', kind: f.kind })),
);

/** The named schools ("school") and clubs or teams ("club") in a piece of text. */
export function findDetails(text: string, settings: Settings): DetailSpan[] {
  return detailsIn(text, settings);
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Named schools, nurseries, colleges, and identifiable clubs and teams a child belongs to.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/school-name.md',
    defaultSeverity: 'error',
    messages: {
      school:
        'School name {{evidence}}: naming a school tells anyone where to find a child during the day, and the policy says "do not publish any information about a child or young person". Remove the school\'s name (say "school" or "a local primary").',
      club:
        'Club or team {{evidence}}: a named club or team tells anyone where and when to find a child, and the policy says "do not publish any information about a child or young person". Remove the club\'s name (say "a local team").',
    },
    schema: {
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        schools: { type: 'boolean', default: true },
        clubs: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const allow = context.options.allow.length ? allowList(context.settings, context.options.allow) : allowOf(context.settings);
    const known: Known = new Map();
    return {
      segment(segment) {
        for (const f of find(segment.text, allow, known)) {
          if (f.kind === 'school' ? !context.options.schools : !context.options.clubs) continue;
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: f.kind, segment, start: f.start, end: f.end, evidence: { text, kind: f.kind === 'school' ? 'school name' : 'club or team' } });
        }
      },
    };
  },
};

export default rule;
