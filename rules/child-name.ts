/**
 * child-name: a person's first name in a child's context — "our foster son Tom", "Lily, aged 6", "the boys, Sam
 * and Jo" — recognised from first-name lexicons (npm @stdlib datasets plus UK names) with capitalisation, position
 * and nearby wording. Names of adults in adult roles ("carer Sarah", "Mrs Patel", "Jo from our team") pass, and so
 * do names in `settings.allowNames`.
 */
import type { DetailSpan, Rule, RuleContext, Segment, Settings } from '../src/types.js';
import { allowedNames, getLexicon, isFirstName } from '../src/child-details/lexicon.js';
import { childTermOffsets, getContextPatterns, lastWordBefore, wordIndex, wordStarts } from '../src/child-details/context.js';
import { findAges } from './child-age.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** How many words away child wording ("son", "school", an age) may be to make a name a child's. */
  contextWindow: number;
  /** Also report names not in the lexicons when tied to a child right beside them ("our son Xander"). */
  unknownNames: boolean;
}

export interface NameCandidate {
  start: number;
  end: number;
  /** The name, lower-cased. */
  word: string;
  /** Tied to a child right beside it: "son Tom", "Tom, aged 7", "Tom's school". */
  strong: boolean;
  /** Marked as an adult's: "carer Sarah", "Sarah, our manager", "Mike and I". */
  adult: boolean;
  /** Only strong ties make it a name: a word that is often not a name here ("May", "Will", an unknown word). */
  needsTie: boolean;
  /** Without a tie, a name only when a verb or possessive follows ("Jack loves…", not "Frank talk…"). */
  needsVerb: boolean;
  /** Followed by a surname: adults are named in full far more often than children. */
  fullName: boolean;
}

const TOKEN = /(?<![\p{L}\p{N}_@#/.\\-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}_@])/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const SENTENCE_START = /(?:^|[.!?:;"“”(\n•*>|–—-]|^\s*\d+[.)])\s*$/u;
const PLACE_BEFORE = /\b(?:St|St\.|Saint|Mount|Lake|Port|Fort|Cape|Glen|Upper|Lower|Great|North|South|East|West)\s+$/;
const ORG_AFTER =
  /^['’]?s?\s+(?:Primary|Academy|School|Schools|College|Church|Road|Street|St|Avenue|Ave|Lane|Close|Park|FC|AFC|Hospital|Court|House|Way|Drive|Green|Centre|Center|Trust|Foundation|Hall|Nursery|Infants?|Juniors?|University|Community|Library|Hotel|Square|Gardens|Grove|Place|Crescent|Terrace|Rangers|United|City|Town|Rovers|Athletic|Sports|Ward|Unit|Festival|Fair|Day|Week|Service|Award|Awards|Prize|Fund|Appeal|Cup|League|Cathedral|Chapel|Estate|Village|Island|Bay|Beach|Valley|Hill|Hills|Forest|Bridge|Station|Airport|Council|County|Borough|Tavern|Inn|Arms|Theatre|Museum|Zoo)\b/u;
/** "the Ahmed family", "Duke of Edinburgh": a surname or a title, not a first name. */
const SURNAME_BEFORE = /\bthe\s+$/i;
const SURNAME_AFTER = /^(?:['’]s)?\s+(?:family|families|household|twins|clan)\b|^\s+of\s+\p{Lu}/u;
/** The subject of a clause about their own children: "Farida and Hassan live … with their two birth children". */
const PARENT_CLAUSE = /^[^.!?]{0,80}?\b(?:their|his|her)\s+(?:(?:own|two|three|four|birth|grown[- ]up|adult|biological)\s+)*(?:children|kids|sons|daughters|grandchildren)\b/i;
const LOCATION_BEFORE = /\b(?:in|at|from|near|across|around|to|into|throughout|outside|of|within|covering|serving)\s+$/i;
const COORDINATION = /^\s*(?:,|,?\s*and|&|\/)\s*$/;
const ADULT_SELF = /^\s*(?:and|&)\s+(?:I|me|myself)\b/;
const ADULT_OWNER = /^(?:['’]s\s+(?:own\s+)?(?:foster\s+|birth\s+|adopted\s+|eldest\s+|youngest\s+)?(?:son|daughter|sons|daughters|child|children|kids|boys|girls|family|husband|wife|partner|grandchildren|grandson|granddaughter|placements?|household|home)\b|\s+(?:and|&)\s+(?:her|his|their|my)\s+(?:\S+\s+)?(?:husband|wife|partner|family|children|kids|son|daughter|sons|daughters|foster|grandchildren)\b|(?:\s+from\s+\p{Lu}[\p{L} ]{0,30}?)?,?\s+(?:(?:has|have|had|who\s+has|who\s+have)\s+)?(?:been\s+)?(?:fostered|fostering|fosters|foster\s+for|cared\s+for|care\s+for|cares\s+for|adopted|welcomed|looked\s+after|look\s+after|looks\s+after|provides|provided)\b)/iu;
const SELF_BEFORE = /\b(?:I'm|I’m|I am|my name is|my name's|my name’s|it's|it’s|this is|signed|love from|from|by|with)\s+$/i;
const BIND_AFTER =
  /^(?:\s*[,(]\s*(?:(?:our|my|her|his|their|the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:son|daughter|boy|girl|child|foster\s+child|baby|toddler|teenager|youngster|young\s+person|grandson|granddaughter|nephew|niece|little\s+one|eldest|youngest|sibling|brother|sister)\b|['’]s\s+(?:(?:\d+(?:st|nd|rd|th)|first|new|favourite|own)\s+)?(?:school|teacher|class|classmates|nursery|homework|birthday|social\s+worker|foster\s+(?:mum|dad|carers?|family|placement)|carers?|placement|bedroom|toys?|school\s+play|first\s+day|favourite\s+toy))/iu;
/** Gap between a name and an age right after it: "Tom, aged 7", "Tom (7)", "Tom, who is 7". */
const AGE_GAP_AFTER = /^\s*(?:[,(]\s*)?(?:who\s+is\s+|who's\s+|is\s+|now\s+)?$/i;
const AGE_GAP_BEFORE = /^[\s,]*$/;
/** "…, are grown up now": adult children of a carer. */
const GROWN_UP = /^[\s,]*(?:(?:and|&)\s+\p{Lu}\p{Ll}+[\s,]*)?(?:are|is|were|was)\s+(?:now\s+|all\s+|both\s+)?(?:grown[- ]up|adults?|in\s+(?:their|his|her)\s+(?:twenties|thirties|forties|fifties))/u;
/** What follows a name used as a subject or owner: "Jack has", "Grace's", "Tom, 7,", "Tom and Amy". */
const VERB_AFTER =
  /^(?:['’]s\b|\s*,|\s+(?:and|&)\s|\s+(?:is|was|has|had|have|loves?|loved|likes?|liked|enjoys?|enjoyed|said|says|will|would|can|could|did|does|got|gets|came|comes|went|goes|made|makes|wants?|wanted|turned|turns|moved|settled|lives|lived|plays|played|asked|told|really|also|now|just|still|always|never|often|recently|finally)\b|\s+\p{Ll}{2,}(?:ed|es)\b|\s+\p{Ll}{3,}[^s\W]s\b)/u;


/** Most words capitalised: a title-case heading, where capitals say nothing about names. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  return words.filter((w) => CAPITALISED.test(w)).length / words.length >= 0.6;
}

/** Candidates per settings and text, with and without names the lexicons lack. */
const candidatesWithUnknown = memoPerText((text: string, settings: Settings) => computeCandidates(text, settings, { ...DEFAULTS, unknownNames: true }));
const candidatesKnownOnly = memoPerText((text: string, settings: Settings) => computeCandidates(text, settings, { ...DEFAULTS, unknownNames: false }));

/** Name candidates in a text, each with its ties to a child or an adult (memoised per settings, options and text). */
export function findNameCandidates(
  text: string,
  settings: Settings = {},
  options: Options = DEFAULTS,
  extraNames?: Set<string>,
): NameCandidate[] {
  if (extraNames) return computeCandidates(text, settings, options, extraNames);
  return (options.unknownNames ? candidatesWithUnknown : candidatesKnownOnly)(text, settings);
}

function computeCandidates(
  text: string,
  settings: Settings = {},
  options: Options = DEFAULTS,
  /** Extra words to read as first names (names established elsewhere in the document). */
  extraNames?: Set<string>,
): NameCandidate[] {
  const lex = getLexicon();
  const ctx = getContextPatterns();
  const allow = allowedNames(settings.allowNames);
  let ages: ReturnType<typeof findAges> | undefined;
  let titleCase: boolean | undefined;
  const raw: NameCandidate[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const lower = word.toLowerCase();
    if (lex.never.has(lower)) continue;
    const known = isFirstName(word) || (extraNames?.has(lower) ?? false);
    if (!known && !options.unknownNames) continue;
    const last = lastWordBefore(text.slice(Math.max(0, start - 24), start));
    ages ??= findAges(text, undefined, settings);
    const ageAfter = ages.some((a) => a.start >= end && a.kind === 'age' && a.start - end < 24 && AGE_GAP_AFTER.test(text.slice(end, a.start)));
    // An unknown word is a name only beside a child ("our son Xander", "Xander, aged 9", "Jamal and Xander").
    const coordinated = raw.length > 0 && start - raw[raw.length - 1]!.end < 8 && COORDINATION.test(text.slice(raw[raw.length - 1]!.end, start));
    if (!known && !ctx.bindingLast.has(last) && !ageAfter && !coordinated) continue;
    const before = text.slice(Math.max(0, start - 48), start);
    const bindBefore = ctx.bindingLast.has(last) ? ctx.bindingBefore.exec(before) : null;
    if (!known && !bindBefore && !ageAfter && !coordinated) continue;
    titleCase ??= isTitleCase(text);
    const sentenceStart = titleCase || SENTENCE_START.test(before);
    if (!known && sentenceStart) continue;
    const after = text.slice(end, end + 96);
    if (PLACE_BEFORE.test(before) || ORG_AFTER.test(after) || SURNAME_AFTER.test(after)) continue;
    // "the Hilton", "the Ahmed family": after "the" a capitalised word is rarely someone's first name.
    if (SURNAME_BEFORE.test(before) && !bindBefore) continue;
    // The second word of a full name is a surname, even where the lexicons list it ("Tom Smith", "Hassan Ahmed").
    const previous = /(\p{Lu}\p{Ll}+) $/u.exec(before)?.[1];
    if (previous && isFirstName(previous) && !lex.never.has(previous.toLowerCase())) continue;
    const place = lex.places.has(lower);
    if (place && LOCATION_BEFORE.test(before)) continue;
    const next = /^\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/u.exec(after)?.[1];
    if (allow.has(lower) || (next && allow.has(`${lower} ${next.toLowerCase()}`))) continue;
    const ageBefore = ages.some((a) => a.end <= start && a.kind === 'age' && start - a.end < 4 && AGE_GAP_BEFORE.test(text.slice(a.end, start)));
    const calledAfterAdult =
      bindBefore !== null && /(?:called|named|name is|name's)\s*$/i.test(bindBefore[0]) &&
      ctx.adultBefore.test(before.slice(0, bindBefore.index).replace(/\s*(?:a|an|the)\s*$/i, ' '));
    const adultBefore = (ctx.adultLast.has(last) && ctx.adultBefore.test(before)) || SELF_BEFORE.test(before) || calledAfterAdult;
    const adult =
      adultBefore || ctx.adultAfter.test(after) || ADULT_SELF.test(after) || ADULT_OWNER.test(after) || GROWN_UP.test(after) ||
      (!bindBefore && PARENT_CLAUSE.test(after));
    const strong = !adultBefore && (bindBefore !== null || ageAfter || ageBefore || BIND_AFTER.test(after));
    const needsTie = !known || lex.careful.has(lower);
    const needsVerb = (place || lex.virtues.has(lower) || (sentenceStart && lex.words.has(lower))) && !VERB_AFTER.test(after);
    const fullName = next !== undefined && !isFirstName(next);
    raw.push({ start, end, word: lower, strong, adult, needsTie, needsVerb, fullName });
  }
  // Names joined by "and" or commas share their ties: "carers Sarah and Mike", "Tom and Lily, 12 and 9".
  for (let i = 0; i < raw.length; ) {
    let j = i;
    while (j + 1 < raw.length && COORDINATION.test(text.slice(raw[j]!.end, raw[j + 1]!.start))) j++;
    const group = raw.slice(i, j + 1);
    const adult = group.some((c) => c.adult);
    const strong = !adult && group.some((c) => c.strong);
    for (const c of group) {
      c.adult = adult;
      c.strong = strong;
    }
    i = j + 1;
  }
  return raw;
}

/** Whether a candidate reads as a name at all (tied to a child, or a name that needs no tie). */
const readsAsName = (c: NameCandidate) => !c.adult && (c.strong || (!c.needsTie && !c.needsVerb && !c.fullName));

/** The first names in a text that read as names regardless of child context (jigsaw-identification, the bench). */
export function findDetails(text: string, settings: Settings = {}): DetailSpan[] {
  return findNameCandidates(text, settings)
    .filter(readsAsName)
    .map((c) => ({ start: c.start, end: c.end, label: 'child-name', kind: 'first name' }));
}

/** Whether child wording (or an age) is within `window` words of each candidate. */
function nearChild(text: string, candidates: NameCandidate[], window: number, settings: Settings): boolean[] {
  const starts = wordStarts(text);
  const context = [...childTermOffsets(text), ...findAges(text, undefined, settings).map((a) => a.start)].map((o) => wordIndex(starts, o));
  return candidates.map((c) => {
    const at = wordIndex(starts, c.start);
    return context.some((w) => Math.abs(w - at) <= window);
  });
}

/** Child names in one text on its own: candidates tied to a child, or with child wording within `contextWindow` words. */
export function findChildNames(text: string, settings: Settings, options: Options = DEFAULTS): NameCandidate[] {
  const candidates = findNameCandidates(text, settings, options);
  if (candidates.length === 0) return [];
  const near = nearChild(text, candidates, options.contextWindow, settings);
  return candidates.filter((c, i) => readsAsName(c) && (c.strong || near[i]));
}

interface SegmentNames {
  segment: Segment;
  candidates: NameCandidate[];
  near: boolean[];
}

/**
 * Child names across a document. A name read as a child's in one paragraph is a child's in the others ("Leo was
 * quiet afterwards"), one marked as an adult's stays an adult's unless tied to a child; a heading with child
 * wording ("Celebrating our young people") puts the paragraphs under it in a child context.
 */
export function findChildNamesInDocument(segments: readonly Segment[], settings: Settings, options: Options = DEFAULTS): { segment: Segment; candidate: NameCandidate }[] {
  const perSegment: SegmentNames[] = [];
  const childNames = new Set<string>();
  const adultNames = new Set<string>();
  let headingIsChild = false;
  for (const segment of segments) {
    if (segment.kind === 'linkUrl') continue;
    if (segment.kind === 'heading') headingIsChild = childTermOffsets(segment.text).length > 0;
    const candidates = findNameCandidates(segment.text, settings, options);
    if (candidates.length === 0) continue;
    const near = headingIsChild && segment.kind !== 'heading' ? candidates.map(() => true) : nearChild(segment.text, candidates, options.contextWindow, settings);
    perSegment.push({ segment, candidates, near });
    for (const c of candidates) if (c.adult) adultNames.add(c.word);
  }
  for (const { candidates, near } of perSegment) {
    candidates.forEach((c, i) => {
      if (readsAsName(c) && (c.strong || (near[i] && !adultNames.has(c.word)))) childNames.add(c.word);
    });
  }
  // Names the lexicons lack but that were tied to a child somewhere are names everywhere in the document.
  const unknown = new Set([...childNames].filter((w) => !isFirstName(w)));
  if (unknown.size > 0) {
    for (const entry of perSegment) entry.candidates = findNameCandidates(entry.segment.text, settings, options, unknown);
  }
  const out: { segment: Segment; candidate: NameCandidate }[] = [];
  for (const { segment, candidates } of perSegment) {
    for (const c of candidates) {
      if (!readsAsName(c) || !childNames.has(c.word)) continue;
      if (!c.strong && adultNames.has(c.word)) continue;
      out.push({ segment, candidate: c });
    }
  }
  return out;
}

const DEFAULTS: Options = { contextWindow: 20, unknownNames: true };

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'First names of children and young people ("our foster son Tom", "Lily, aged 6").',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/child-name.md',
    defaultSeverity: 'error',
    messages: {
      name: 'Name {{evidence}} in a post about a child: the policy says "do not publish any information about a child or young person on any social media platform". Use an initial or a made-up name and say so; if this is an adult, add the name to settings.allowNames.',
    },
    schema: {
      properties: {
        contextWindow: { type: 'integer', minimum: 0, default: 20 },
        unknownNames: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    return {
      document(source) {
        for (const { segment, candidate: c } of findChildNamesInDocument(source.segments, context.settings, context.options)) {
          const text = segment.text.slice(c.start, c.end);
          context.report({ messageId: 'name', segment, start: c.start, end: c.end, evidence: { text, kind: 'first name' } });
        }
      },
    };
  },
};

export default rule;
