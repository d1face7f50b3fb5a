/**
 * political-content: drafts that mention parties, politicians, elections, protests, legislation or contested
 * topics (asylum, benefits, religion, Brexit…). They need a second pair of eyes before an official account
 * shares them: a valid sign-off (`cftlint approve`) satisfies the rule until the draft changes again.
 */
import type { Rule, RuleContext, Segment, TextSource } from '../src/types.js';
import { readDataYaml } from '../src/detail-finders/data-files.js';
import { Lexicon, type LexiconEntry } from '../src/lexicon/matcher.js';
import { reviewOf, type ReviewStatus } from '../src/review/signoff.js';

interface Options {
  /** More terms to flag, matched literally (whole words, any case). */
  extraTerms: string[];
  /** Terms never to flag: a lexicon term (all its forms) or the exact text matched. */
  ignoreTerms: string[];
}

interface LexiconFile {
  categories: Record<string, string>;
  entries: LexiconEntry[];
}

let lexicon: { matcher: Lexicon; reasons: Record<string, string> } | undefined;

/** The lexicon, read once on first use. */
function loadLexicon() {
  if (!lexicon) {
    const data = readDataYaml('political-content.yaml') as LexiconFile;
    for (const entry of data.entries) {
      if (!data.categories[entry.category]) throw new Error(`political-content.yaml: '${entry.term}' has unknown category '${entry.category}'`);
    }
    lexicon = { matcher: new Lexicon(data.entries), reasons: data.categories };
  }
  return lexicon;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normal = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();

/** A literal term as a case-insensitive regex that only matches whole words. */
const literal = (term: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');

/** Segments whose words a reader sees as prose: not URLs, and not the author or review bookkeeping in front matter. */
const readable = (s: Segment) => s.kind !== 'linkUrl' && !(s.kind === 'frontMatter' && /^(?:review|author|account)(?:\.|$)/.test(s.field ?? ''));

/** Which message to use, and its extra data, for the draft's review status. */
function messageFor(review: ReviewStatus): { messageId: string; data: Record<string, string> } {
  if (review.status === 'stale') return { messageId: 'stale', data: { by: review.by, on: review.on } };
  if (review.status === 'not-allowed') return { messageId: 'refused', data: { why: review.reason } };
  if (review.status === 'none' && review.problem) return { messageId: 'refused', data: { why: review.problem } };
  return { messageId: 'political', data: {} };
}

interface Tally {
  segment: Segment;
  start: number;
  end: number;
  reason: string;
  count: number;
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Political or controversial content, which needs a second reviewer before an official account shares it.',
    policy:
      'When material or communications shared by official accounts may be considered controversial and/or political, staff will seek the opinion of a colleague or line manager before sharing such information. This will be referred to as “a second pair of eyes principle”.',
    docs: 'rules/political-content.md',
    defaultSeverity: 'warn',
    reviewable: true,
    messages: {
      political:
        'This draft {{reason}} ("{{evidence}}", {{times}}). Political or controversial posts need a second pair of eyes: ask a colleague or line manager to review it, then record it with `cftlint approve --by "Name"`.',
      stale:
        'This draft {{reason}} ("{{evidence}}", {{times}}). Reviewed by {{by}} on {{on}}, but changed since: ask for a fresh review and run `cftlint approve` again.',
      refused: 'This draft {{reason}} ("{{evidence}}", {{times}}). Its sign-off does not count: {{why}}.',
    },
    schema: {
      properties: {
        extraTerms: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
        ignoreTerms: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const { matcher, reasons } = loadLexicon();
    const ignored = new Set(context.options.ignoreTerms.map(normal));
    const extras = context.options.extraTerms.filter((t) => !ignored.has(normal(t))).map((t) => ({ term: t, re: literal(t) }));
    const tallies = new Map<string, Tally>();
    const count = (key: string, segment: Segment, start: number, end: number, reason: string) => {
      const tally = tallies.get(key);
      if (tally) tally.count++;
      else tallies.set(key, { segment, start, end, reason, count: 1 });
    };

    return {
      document(source: TextSource) {
        for (const segment of source.segments.filter(readable)) {
          for (const m of matcher.matches(segment.text)) {
            if (ignored.has(normal(m.entry.term)) || ignored.has(normal(segment.text.slice(m.start, m.end)))) continue;
            count(`lexicon:${m.entry.term}`, segment, m.start, m.end, reasons[m.entry.category]!);
          }
          for (const { term, re } of extras) {
            for (const m of segment.text.matchAll(re)) count(`extra:${normal(term)}`, segment, m.index, m.index + m[0].length, 'mentions a term on the configured political list');
          }
        }
        if (tallies.size === 0) return;

        const reviewMessage = messageFor(reviewOf(source, context.settings));
        const ordered = [...tallies.values()].sort((a, b) => a.segment.range(a.start, a.end)[0] - b.segment.range(b.start, b.end)[0]);
        for (const { segment, start, end, reason, count: n } of ordered) {
          const data = { reason, times: n === 1 ? 'once' : `${n} times`, ...reviewMessage.data };
          context.report({ messageId: reviewMessage.messageId, data, segment, start, end, evidence: { text: segment.text.slice(start, end), kind: 'political term' } });
        }
      },
    };
  },
};

export default rule;
