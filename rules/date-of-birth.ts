/**
 * date-of-birth: dates of birth and birthdays of young people — "born 3 March 2015", "DOB: 03/03/2015",
 * "her 9th birthday on 12 May", "turns 16 on Friday", "Happy 8th birthday to our little man!". A birth date is
 * one of the strongest identifiers there is; a birthday greeting dates a birth by the day it is posted.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { DATE, MONTH, RELATIVE_DAY, YEAR, yearsIn } from '../src/child-details/dates.js';
import { NUM, numberValue } from '../src/child-details/numbers.js';
import { memoPerText, sameOptions } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** A birth year more than this many years ago is an adult's. */
  maxAge: number;
  /** Report birthday greetings without a date ("Happy birthday to our foster son!"). */
  greetings: boolean;
}

type Kind = 'date of birth' | 'birthday';
interface Found {
  start: number;
  end: number;
  kind: Kind;
}

const ORDINAL = '(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|twenty-first|21st|50th|40th|30th|60th)';
const ORDINAL_VALUE: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, 'twenty-first': 21,
};
const ordinalValue = (s: string) => ORDINAL_VALUE[s.toLowerCase()] ?? Number.parseInt(s, 10);

const BORN = new RegExp(`\\bborn:?(?:\\s+[a-z]+){0,2}?\\s+(?:on\\s+|in\\s+)?(${DATE}|${MONTH}(?!\\s+\\d)|${YEAR})(?![\\p{L}\\d])`, 'giu');
const DOB = /\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s+date)\s*[:-]?\s*/gi;
const DOB_VALUE = new RegExp(`^(?:${DATE}|${YEAR})`, 'i');
const BIRTHDAY = new RegExp(`\\b(?:(${ORDINAL})\\s+)?birthday(?:\\s+(?:party|celebrations?|treat|cake|meal))?\\b`, 'gi');
/** After "birthday": a date within the same clause ("birthday on 12 May", "birthday is this Saturday"). */
const DATE_AFTER = new RegExp(`^(?:[^.!?;\\n]{0,30}?)\\b(?:on\\s+|is\\s+|was\\s+|falls\\s+on\\s+|in\\s+)?(?:the\\s+)?(${DATE}|${RELATIVE_DAY})(?![\\p{L}\\d])`, 'iu');
/** Before "birthday": "On 12 May it's her birthday", "Today is Tom's birthday". */
const DATE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${DATE}|today|tomorrow|yesterday|on\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))[^.!?;\\n]{0,25}$`, 'iu');
const GREETING = /\bhappy\s+$/i;
const TURNS_ON = new RegExp(`\\b(?:turns|turned|turning|will\\s+turn)\\s+(${NUM})\\s+(${RELATIVE_DAY}|on\\s+(?:the\\s+)?${DATE}|${DATE})(?![\\p{L}\\d])`, 'giu');
/** An adult's or an organisation's birthday: "our manager Sue's 50th", "CFT's birthday". */
const ADULT_NEAR = /\b(?:carers?|manager|staff|colleague|mum|dad|husband|wife|partner|grandma|grandad|nan|team|CFT|Trust|charity|volunteer|director|founder|trustee|officer|worker|Children's Family Trust)\b/i;
const GENERAL = /\b(?:every|all|each|any)\s+(?:\S+\s+){0,2}$|\bchildren['’]s\s+$|\bbirthdays\b/i;

const defaultBirthDates = memoPerText((text: string, _settings: Settings) => computeBirthDates(text, DEFAULTS));

/** Dates of birth and birthdays in a text (memoised per `settings` for the default options). */
export function findBirthDates(text: string, options: Options = DEFAULTS, settings?: Settings): Found[] {
  return settings && sameOptions(options, DEFAULTS) ? defaultBirthDates(text, settings) : computeBirthDates(text, options);
}

function computeBirthDates(text: string, options: Options): Found[] {
  const out: Found[] = [];
  const add = (start: number, end: number, kind: Kind) => {
    if (!out.some((f) => start < f.end && end > f.start)) out.push({ start, end, kind });
  };
  const thisYear = new Date().getFullYear();
  const childYear = (s: string) => yearsIn(s).every((y) => y >= thisYear - options.maxAge - 1 && y <= thisYear + 1);
  const lower = text.toLowerCase();
  for (const m of lower.includes('born') ? text.matchAll(BORN) : []) {
    if (!childYear(m[1]!)) continue;
    add(m.index, m.index + m[0].length, 'date of birth');
  }
  for (const m of /dob|d\.o\.b|birth/.test(lower) ? text.matchAll(DOB) : []) {
    const value = DOB_VALUE.exec(text.slice(m.index + m[0].length));
    if (value && childYear(value[0])) add(m.index, m.index + m[0].length + value[0].length, 'date of birth');
  }
  for (const m of lower.includes('turn') ? text.matchAll(TURNS_ON) : []) {
    if (numberValue(m[1]!) > options.maxAge) continue;
    const at = m.index + m[0].lastIndexOf(m[2]!);
    add(at, at + m[2]!.length, 'birthday');
  }
  for (const m of lower.includes('birthday') ? text.matchAll(BIRTHDAY) : []) {
    if (m[1] && ordinalValue(m[1]) > options.maxAge) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const end = m.index + m[0].length;
    const afterText = text.slice(end, end + 60);
    // Whose birthday: a role word close before or just after ("to our carer Sue") makes it an adult's.
    if (ADULT_NEAR.test(before.slice(-30)) || ADULT_NEAR.test(/^[^.!?;\n]*/.exec(afterText)![0])) continue;
    if (GENERAL.test(before) || /s$/i.test(m[0])) continue;
    const after = DATE_AFTER.exec(afterText);
    if (after) {
      add(m.index, end + after.index + after[0].length, 'birthday');
      continue;
    }
    const dateBefore = DATE_BEFORE.exec(before);
    if (dateBefore) {
      const at = m.index - before.length + dateBefore.index + dateBefore[0].indexOf(dateBefore[1]!);
      add(at, end, 'birthday');
      continue;
    }
    if (options.greetings && GREETING.test(text.slice(Math.max(0, m.index - 10), m.index))) add(m.index, end, 'birthday');
  }
  return out.sort((a, b) => a.start - b.start);
}

const DEFAULTS: Options = { maxAge: 17, greetings: true };

/** The raw birth dates and birthdays in a text (jigsaw-identification and the detection bench use them). */
export function findDetails(text: string, settings: Settings = {}): DetailSpan[] {
  return findBirthDates(text, DEFAULTS, settings).map((f) => ({ start: f.start, end: f.end, label: 'date-of-birth', kind: f.kind }));
}

const WHY = 'the policy says "do not publish any information about a child or young person on any social media platform"';

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Dates of birth and birthdays of young people ("born 3 March 2015", "her birthday on 12 May").',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/date-of-birth.md',
    defaultSeverity: 'error',
    messages: {
      dob: `Date of birth {{evidence}}: with a name or a town a birth date pins down one child, and ${WHY}. Remove it.`,
      birthday: `Birthday {{evidence}}: a birthday with a date (or a greeting posted on the day) gives away a child's date of birth, and ${WHY}. Remove the date, or celebrate without saying whose birthday or when.`,
    },
    schema: {
      properties: {
        maxAge: { type: 'integer', minimum: 0, maximum: 25, default: 17 },
        greetings: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    return {
      segment(segment) {
        if (segment.kind === 'linkUrl') return;
        for (const f of findBirthDates(segment.text, context.options, context.settings)) {
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: f.kind === 'birthday' ? 'birthday' : 'dob', segment, start: f.start, end: f.end, evidence: { text, kind: f.kind } });
        }
      },
    };
  },
};

export default rule;
