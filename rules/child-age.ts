/**
 * child-age: ages and age-like details of a young person — "aged 7", "7-year-old", "Tom, 12,", "turns 16",
 * "Year 4", "in Reception", "sitting her GCSEs". An age or a school stage narrows down which child a post is about.
 * Age ranges in general statements ("children aged 0-18", "aged 5 and over") are not about one child and pass.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { NUM, numberValue } from '../src/child-details/numbers.js';
import { isFirstName } from '../src/child-details/lexicon.js';
import { memoPerText, sameOptions } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Oldest age (in years) still reported as a child's. */
  maxAge: number;
  yearGroups: boolean;
  stages: boolean;
}

type Kind = 'age' | 'year group' | 'school stage';
interface Found {
  start: number;
  end: number;
  kind: Kind;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth'];
/** "her 9th birthday", "his sixteenth birthday": the ordinal is an age. */
const BIRTHDAY_AGE = new RegExp(`\\b(\\d{1,2}(?:st|nd|rd|th)|${ORDINALS.join('|')})\\s+birthday\\b`, 'gi');
const LIST = `${NUM}(?:\\s*(?:,|and|&)\\s*${NUM})*`;
/** After an age: the age is a bound of a range, so the sentence is general ("aged 5 and over", "aged 0-18"). */
const RANGE_AFTER = /^\s*(?:[-–—]\s*\d|to\s+\d|to\s+[a-z]+teen|\+|plus|or\s+(?:over|under|above|older|younger|more)|and\s+(?:over|under|above|upwards|older|younger)|upwards|years?\s+and\s+(?:over|under))/i;
const AGED = new RegExp(`\\b(?:aged|age|ages)\\s+(${LIST})(\\s+(?:months?|weeks?|days?))?`, 'gi');
const YEAR_OLD = new RegExp(`\\b(${NUM})(?:\\s*|-)(years?|yrs?|months?|weeks?|days?)(?:\\s*|-)olds?\\b|\\b(\\d{1,2})\\s?(?:yo|y\\.o\\.)(?![\\p{L}\\p{N}])`, 'giu');
const TURNS = new RegExp(`\\b(?:turns|turned|turning|will\\s+turn|is\\s+turning|just\\s+turned|has\\s+turned)\\s+(${NUM})\\b(?!\\s*(?:years?\\s+(?:of|since|ago)|%|pounds|miles))`, 'gi');
/** "Tom, 12," "Tom (12)" "Tom and Amy, 7 and 4," — a first name followed by a bare age. */
const NAME_AGE = new RegExp(`\\b(\\p{Lu}\\p{Ll}+)(?:\\s+(?:and|&)\\s+\\p{Lu}\\p{Ll}+)?\\s*(?:,\\s*|\\(\\s*)(\\d{1,2}(?:\\s*(?:,|and|&)\\s*\\d{1,2})*)\\s*(?=[,.;:)!?]|\\s+(?:and|who|is|has|loves|was|had|will)\\b|$)`, 'gmu');
/** "Now 16, Kai is…", "Still only 9, she…": an age in front of its subject. */
const NOW_AGE = new RegExp(`\\b(?:now|just|only|still\\s+only|aged)\\s+(${NUM})(?=,\\s+(?:he|she|they|\\p{Lu}\\p{Ll}+)\\b)`, 'giu');
/** "she's 7", "Tom is 9", "who is now 12". */
const IS_AGE = new RegExp(`\\b(?:he|she|who|they|\\p{Lu}\\p{Ll}+),?(?:'s|’s|\\s+is|\\s+was|\\s+are|\\s+were)(?:\\s+now|\\s+only|\\s+just|\\s+both)?\\s+(${LIST})(?=\\s*(?:[,.;!?)]|$|\\s+(?:and|but|now|already|next|this|today|when|so|at\\s+the\\s+time|years?\\s+old)\\b))`, 'gmu');
const YEAR_GROUP = /\b(?:Year|Yr|Y)\s?(\d{1,2})\b(?!\s*(?:of\b|[-–]\s*\d|s\b|%|:))|\b(?:in|into|starts?|starting|started|entering|enters|moving\s+up\s+to|moves\s+up\s+to|moved\s+up\s+to|going\s+into|goes\s+into|went\s+into)\s+year\s+(\d{1,2})\b(?!\s+of\b)/g;
/** "children starting secondary school": a stage of a group, not of one child. */
const GROUP_BEFORE = /\b(?:children|young\s+people|pupils|students|kids|teenagers|families|carers)\s+(?:who\s+are\s+)?$/i;
const GROUP_NOUN = /^\s*(?:pupils|children|students|classes|groups|kids|leavers|teachers|parents|workshops?|cohorts?)\b/i;
const RECEPTION = /\b(?:in|into|starts?|starting|started|start|joined|joins|joining|finished|finishing)\s+(Reception)\b|\b(?:reception\s+(?:class|year))\b/g;
const EXAMS = /\b(?:GCSEs?|A[- ]?levels?|AS[- ]levels?|SATs|11\+|eleven[- ]plus|BTECs?|T[- ]levels?|Highers)(?![\p{L}\p{N}])/gu;
const EXAM_PERSONAL = /\b(?:his|her|he|she|he's|she's|sitting|sits|sat|taking|takes|took|doing|does|did|revising|revises|studying|passed|passing|got|gets|getting|mock|mocks|resits?)\s+(?:\S+\s+){0,2}$|\p{Lu}\p{Ll}+['’]s\s+$/iu;
const EXAM_WHEN = /^\s+(?:this|next)\s+(?:summer|year|spring|term|june|may)\b/i;
const GENERAL = /\b(?:all|every|any|those|many|most)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:\S+\s+)?(?:young\s+people|pupils|students|children|kids|teenagers|teens|candidates|learners)\b[^.!?]{0,40}$/i;
const STAGE = /\b(?:starts?|starting|started|start|moving\s+up\s+to|moved\s+up\s+to|moves\s+up\s+to|going\s+up\s+to|went\s+up\s+to|first\s+day\s+(?:at|of)|leaving|left|leaves)\s+(?:(?:his|her|their|the)\s+)?(?:new\s+)?(big\s+school|secondary(?:\s+school)?|primary(?:\s+school)?|infant\s+school|junior\s+school|high\s+school|sixth\s+form|nursery|pre-school|preschool)\b|\b(?:in|at)\s+(?:the\s+)?(sixth\s+form|year\s+(?:seven|eight|nine|ten|eleven|twelve|thirteen))\b/gi;

/** True when some number in an age list is a child's age. */
function hasChildAge(list: string, maxAge: number, unit = 'years'): boolean {
  const values = list.split(/\s*(?:,|and|&)\s*/i).map(numberValue).filter((n) => !Number.isNaN(n));
  if (/month|week|day/i.test(unit)) return values.length > 0;
  return values.some((n) => n <= maxAge);
}

const defaultAges = memoPerText((text: string, _settings: Settings) => computeAges(text, DEFAULTS));

/**
 * Details of age in a text, with their kinds. Memoised per `settings` for the default options: several rules ask
 * about the same text in one run.
 */
export function findAges(text: string, options: Options = DEFAULTS, settings?: Settings): Found[] {
  return settings && sameOptions(options, DEFAULTS) ? defaultAges(text, settings) : computeAges(text, options);
}

/** Cheap tests that skip the regexes that cannot match a text. */
const HAS_DIGIT_OR_WORD = /\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen/i;

function computeAges(text: string, options: Options): Found[] {
  const out: Found[] = [];
  const add = (start: number, end: number, kind: Kind) => {
    if (!out.some((f) => start < f.end && end > f.start)) out.push({ start, end, kind });
  };
  const { maxAge } = options;
  const numbers = HAS_DIGIT_OR_WORD.test(text);
  for (const m of numbers && /old|yo|y\.o/i.test(text) ? text.matchAll(YEAR_OLD) : []) {
    const list = m[1] ?? m[3]!;
    const plural = /olds$/i.test(m[0]);
    // "7-year-olds" is usually general ("a group of 7-year-olds"), unless it is someone's.
    if (plural && !/\b(?:our|my|his|her|their|twin|two|both)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (hasChildAge(list, maxAge, m[2] ?? 'years')) add(m.index, m.index + m[0].length, 'age');
  }
  for (const m of numbers && /age/i.test(text) ? text.matchAll(AGED) : []) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!m[2] && RANGE_AFTER.test(after)) continue;
    if (hasChildAge(m[1]!, maxAge, m[2] ?? 'years')) add(m.index, m.index + m[0].length, 'age');
  }
  for (const m of /birthday/i.test(text) ? text.matchAll(BIRTHDAY_AGE) : []) {
    const n = /^\d/.test(m[1]!) ? Number.parseInt(m[1]!, 10) : ORDINALS.indexOf(m[1]!.toLowerCase()) + 1;
    if (n <= maxAge) add(m.index, m.index + m[0].length, 'age');
  }
  for (const m of numbers && /turn/i.test(text) ? text.matchAll(TURNS) : []) if (hasChildAge(m[1]!, maxAge)) add(m.index, m.index + m[0].length, 'age');
  for (const m of /\d/.test(text) ? text.matchAll(NAME_AGE) : []) {
    if (!isFirstName(m[1]!) || !hasChildAge(m[2]!, maxAge)) continue;
    const at = m.index + m[0].indexOf(m[2]!, m[1]!.length);
    add(at, at + m[2]!.length, 'age');
  }
  for (const m of numbers && /(?:now|just|only|aged) /i.test(text) ? text.matchAll(NOW_AGE) : []) {
    if (!hasChildAge(m[1]!, maxAge)) continue;
    const at = m.index + m[0].lastIndexOf(m[1]!);
    add(at, at + m[1]!.length, 'age');
  }
  for (const m of numbers && /(?:is|was|are|were|['’]s) /.test(text) ? text.matchAll(IS_AGE) : []) {
    const subject = m[0].split(/['’\s,]/)[0]!;
    if (/^\p{Lu}/u.test(subject) && !/^(?:He|She|Who|They)$/.test(subject) && !isFirstName(subject)) continue;
    if (!hasChildAge(m[1]!, maxAge) || numberValue(m[1]!) === 0) continue;
    const at = m.index + m[0].lastIndexOf(m[1]!);
    add(at, at + m[1]!.length, 'age');
  }
  if (options.yearGroups) {
    for (const m of /y/i.test(text) ? text.matchAll(YEAR_GROUP) : []) {
      const n = Number(m[1] ?? m[2]);
      if (n < 1 || n > 13 || GROUP_NOUN.test(text.slice(m.index + m[0].length))) continue;
      add(m.index, m.index + m[0].length, 'year group');
    }
    for (const m of /eception/.test(text) ? text.matchAll(RECEPTION) : []) {
      const at = m[1] ? m.index + m[0].lastIndexOf(m[1]) : m.index;
      add(at, m.index + m[0].length, 'year group');
    }
  }
  if (options.stages) {
    for (const m of /GCSE|level|SAT|11\+|plus|BTEC|Higher/i.test(text) ? text.matchAll(EXAMS) : []) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (GENERAL.test(before)) continue;
      if (EXAM_PERSONAL.test(before) || EXAM_WHEN.test(after)) add(m.index, m.index + m[0].length, 'school stage');
    }
    for (const m of /school|form|nursery|secondary|primary|year/i.test(text) ? text.matchAll(STAGE) : []) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (GENERAL.test(before) || GROUP_BEFORE.test(before)) continue;
      add(m.index, m.index + m[0].length, 'school stage');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const DEFAULTS: Options = { maxAge: 17, yearGroups: true, stages: true };

/** The raw age details in a text (jigsaw-identification and the detection bench use them). */
export function findDetails(text: string, settings: Settings = {}): DetailSpan[] {
  return findAges(text, DEFAULTS, settings).map((f) => ({ start: f.start, end: f.end, label: 'child-age', kind: f.kind }));
}

const MESSAGE_ID: Record<Kind, string> = { age: 'age', 'year group': 'yearGroup', 'school stage': 'stage' };
const WHY = 'the policy says "do not publish any information about a child or young person on any social media platform"';

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Ages, year groups and school stages of a young person ("aged 7", "Year 4", "her GCSEs").',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/child-age.md',
    defaultSeverity: 'error',
    messages: {
      age: `Age {{evidence}}: an age narrows down which child this is, and ${WHY}. Remove it, or say "a young person" without the age.`,
      yearGroup: `School year {{evidence}}: a year group gives a child's age and class, and ${WHY}. Remove it.`,
      stage: `School stage {{evidence}}: a stage or exam year gives a child's age, and ${WHY}. Remove it, or keep it general.`,
    },
    schema: {
      properties: {
        maxAge: { type: 'integer', minimum: 0, maximum: 25, default: 17 },
        yearGroups: { type: 'boolean', default: true },
        stages: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    return {
      segment(segment) {
        if (segment.kind === 'linkUrl') return;
        for (const f of findAges(segment.text, context.options, context.settings)) {
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: MESSAGE_ID[f.kind], segment, start: f.start, end: f.end, evidence: { text, kind: f.kind } });
        }
      },
    };
  },
};

export default rule;
