/**
 * care-details: care status or history, legal, medical and social-work details tied to a person ("she has been
 * in care since she was three", "his placement broke down", "our foster son has ADHD"). General talk about
 * fostering ("children in care need homes", "become a foster carer") is not about anyone and is left alone.
 * Terms are regular expressions in `rules/data/care-details-terms.yaml`.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { dataYaml, lazy, sentenceAt, sentenceSpans } from '../src/detail-finders/lexicons.js';
import { tiedToPerson } from '../src/detail-finders/person-context.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Kinds to check: "care status", "care history", "legal", "medical", "social work". */
  kinds: string[];
  /** Phrases that are always fine (regular expressions, case-insensitive). */
  allow: string[];
}

export const KINDS = ['care status', 'care history', 'legal', 'medical', 'social work'] as const;
type Kind = (typeof KINDS)[number];

type TermsYaml = Record<Kind, string[]> & { tied: string[]; caseSensitive: string[]; notDetails: string[] };

const MESSAGE_IDS: Record<Kind, string> = {
  'care status': 'careStatus',
  'care history': 'careHistory',
  legal: 'legal',
  medical: 'medical',
  'social work': 'socialWork',
};

/** One alternation of regular-expression sources, longest first, on whole words. */
const wholeWords = (sources: string[], flags: string) =>
  new RegExp(`(?<![\\w'’-])(?:${[...sources].sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, flags);

const terms = lazy(() => {
  const y = dataYaml<TermsYaml>('care-details-terms.yaml');
  // A YAML slip ("(?: x)" reads as a mapping) must fail loudly, not silently drop a term.
  for (const [key, list] of Object.entries(y)) {
    const bad = list.find((s) => typeof s !== 'string');
    if (bad !== undefined) throw new Error(`care-details-terms.yaml: ${key} has a non-text entry ${JSON.stringify(bad)}; quote it`);
  }
  const sensitive = new Set(y.caseSensitive);
  const byKind = KINDS.map((kind) => {
    const sources = y[kind] ?? [];
    return {
      kind,
      insensitive: wholeWords(sources.filter((s) => !sensitive.has(s)), 'gi'),
      sensitive: wholeWords(sources.filter((s) => sensitive.has(s)).concat('(?!)'), 'g'),
    };
  });
  return {
    byKind,
    tied: new RegExp(`^(?:${y.tied.join('|')})$`, 'i'),
    notDetails: wholeWords(y.notDetails, 'gi'),
  };
});

interface Found {
  start: number;
  end: number;
  kind: Kind;
}

/** Care terms in `sentence` (or a whole text), overlapping matches reduced to the longest. */
function termsIn(sentence: string, kinds: ReadonlySet<string>, allow: RegExp | undefined): Found[] {
  const t = terms();
  // The phrases that cancel a term are looked for only once a term is found (most texts have none).
  let excludedSpans: (readonly [number, number])[] | undefined;
  const excluded = () =>
    (excludedSpans ??= [...sentence.matchAll(t.notDetails), ...(allow ? sentence.matchAll(allow) : [])].map(
      (m) => [m.index, m.index + m[0].length] as const,
    ));
  const all: Found[] = [];
  for (const { kind, insensitive, sensitive } of t.byKind) {
    if (!kinds.has(kind)) continue;
    for (const re of [insensitive, sensitive]) {
      for (const m of sentence.matchAll(re)) {
        if (m[0].length === 0) continue;
        const [start, end] = [m.index, m.index + m[0].length];
        if (!excluded().some(([s, e]) => start < e && end > s)) all.push({ start, end, kind });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of all) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
    } else kept.push(f);
  }
  return kept;
}

/** Care details tied to a person in `text`: terms found in the whole text, each judged within its sentence. */
function find(text: string, settings: Settings, kinds: ReadonlySet<string>, allow?: RegExp): Found[] {
  const found: Found[] = [];
  const candidates = termsIn(text, kinds, allow);
  if (!candidates.length) return found;
  const spans = sentenceSpans(text);
  for (const f of candidates) {
    const [s, e] = sentenceAt(spans, f.start);
    const sentence = text.slice(s, e);
    const tied = terms().tied.test(text.slice(f.start, f.end)) || tiedToPerson(sentence, f.start - s, f.end - s, settings);
    if (tied) found.push(f);
  }
  return found;
}

const ALL_KINDS: ReadonlySet<string> = new Set(KINDS);

/** `find` with every kind and no allow list (the rule's defaults), once per settings and text. */
const findAll = memoPerText((text: string, settings: Settings) => find(text, settings, ALL_KINDS));

/** Care status, care history, legal, medical and social-work details tied to a person. */
export function findDetails(text: string, settings: Settings): DetailSpan[] {
  return findAll(text, settings).map((f) => ({ start: f.start, end: f.end, label: 'care-details', kind: f.kind }));
}

const POLICY_NOTE = 'the policy says "do not publish any information about a child or young person"';

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Care status, care history, legal, medical and social-work details about a particular person.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/care-details.md',
    defaultSeverity: 'error',
    messages: {
      careStatus: `Care status {{evidence}} about a particular person: ${POLICY_NOTE}, and a child's care status is theirs to share. Remove it, or speak about fostering in general.`,
      careHistory: `Care history {{evidence}} about a particular person: ${POLICY_NOTE}, and a child's story before and in care is private. Remove it, or speak about fostering in general.`,
      legal: `Legal detail {{evidence}} about a particular person: ${POLICY_NOTE}, and court or police matters about a child are confidential. Remove it.`,
      medical: `Health or medical detail {{evidence}} about a particular person: ${POLICY_NOTE}, and health information is sensitive personal data. Remove it.`,
      socialWork: `Social-work detail {{evidence}} about a particular person: ${POLICY_NOTE}, and a child's social-work involvement is confidential. Remove it.`,
    },
    schema: {
      properties: {
        kinds: { type: 'array', items: { enum: [...KINDS] }, default: [...KINDS] },
        allow: { type: 'array', items: { type: 'string', safeRegex: true }, default: [] },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const kinds = new Set(context.options.kinds);
    const allow = context.options.allow.length ? new RegExp(context.options.allow.join('|'), 'gi') : undefined;
    const defaults = !allow && KINDS.every((k) => kinds.has(k));
    return {
      segment(segment) {
        const found = defaults ? findAll(segment.text, context.settings) : find(segment.text, context.settings, kinds, allow);
        for (const f of found) {
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: MESSAGE_IDS[f.kind], segment, start: f.start, end: f.end, evidence: { text, kind: f.kind } });
        }
      },
    };
  },
};

export default rule;
