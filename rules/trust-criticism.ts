/**
 * trust-criticism: sentences that mention the Trust (its names from `settings.organisationNames`) or its people
 * (colleagues, carers, partners, stakeholders) and read as negative by the AFINN sentiment lexicon.
 */
import { createRequire } from 'node:module';
import type { Rule, RuleContext, Segment } from '../src/types.js';
import { readDataYaml } from '../src/detail-finders/data-files.js';
import { Lexicon, sentenceSpans } from '../src/lexicon/matcher.js';

interface Options {
  /** A sentence is flagged at this AFINN score or below. */
  threshold: number;
}

interface SentimentResult {
  score: number;
  negative: string[];
}
interface SentimentAnalyser {
  analyze(text: string, options?: { extras?: Record<string, number> }): SentimentResult;
}

/** `sentiment` is CommonJS without type declarations; it is loaded with the rule's data, on first use. */
const loadSentiment = () => createRequire(import.meta.url)('sentiment') as new () => SentimentAnalyser;

export const DEFAULT_ORGANISATION_NAMES = ['CFT', "Children's Family Trust", 'the Trust'];

let data: { analyser: SentimentAnalyser; people: string[]; afinn: Record<string, number>; neutral: RegExp } | undefined;

/** The people words and AFINN adjustments, read once. */
function loadData() {
  if (!data) {
    const raw = readDataYaml('trust-criticism.yaml') as { people: string[]; afinn: Record<string, number>; neutralPhrases: string[] };
    const phrases = raw.neutralPhrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/\s+/g, '\\s+'));
    data = { analyser: new (loadSentiment())(), people: raw.people, afinn: raw.afinn, neutral: new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'gi') };
  }
  return data;
}

/** A lexicon of the Trust's names (capitals required, as written) and its people words. */
function targets(names: string[], people: string[]): Lexicon {
  return new Lexicon([
    ...names.map((term) => ({ term, category: 'organisation', inflect: false })),
    ...people.map((term) => ({ term, category: 'people', inflect: false })),
  ]);
}

const lexicons = new WeakMap<string[], Lexicon>();

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Sentences that criticise the Trust, colleagues, carers, partners or stakeholders.',
    policy: 'Publically criticising CFT, colleagues, carers, partners and stakeholders online is considered unacceptable and may lead to disciplinary proceedings.',
    docs: 'rules/trust-criticism.md',
    defaultSeverity: 'warn',
    messages: {
      criticism:
        'This reads as criticism of {{target}} (negative words: {{words}}): "{{evidence}}". Publicly criticising CFT, colleagues, carers, partners and stakeholders is unacceptable: raise concerns privately with your line manager.',
    },
    schema: {
      properties: {
        threshold: { type: 'number', maximum: -1, default: -2 },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const { analyser, people, afinn, neutral } = loadData();
    const configured = context.settings.organisationNames;
    const names = Array.isArray(configured) && configured.length > 0 ? configured : DEFAULT_ORGANISATION_NAMES;
    let lexicon = lexicons.get(names);
    if (!lexicon) lexicons.set(names, (lexicon = targets(names, people)));
    // The Trust's own names are not sentiment words ("trust" is +1 in AFINN).
    const extras = { ...afinn, ...Object.fromEntries(names.flatMap((n) => n.toLowerCase().split(/\s+/)).map((w) => [w, 0])) };

    return {
      segment(segment: Segment) {
        if (segment.kind === 'linkUrl' || segment.kind === 'frontMatter') return;
        for (const [start, end] of sentenceSpans(segment.text)) {
          const sentence = segment.text.slice(start, end);
          const mention = lexicon.matches(sentence).next();
          if (mention.done) continue;
          const result = analyser.analyze(sentence.replace(neutral, ' '), { extras });
          if (result.score > context.options.threshold || result.negative.length === 0) continue;
          context.report({
            messageId: 'criticism',
            data: { target: sentence.slice(mention.value.start, mention.value.end), words: [...new Set(result.negative)].join(', ') },
            segment,
            start,
            end,
            evidence: { text: sentence, kind: 'critical sentence' },
          });
        }
      },
    };
  },
};

export default rule;
