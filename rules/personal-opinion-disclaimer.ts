/**
 * personal-opinion-disclaimer: a draft for a personal account (`account: personal` in front matter) that
 * discusses the Trust must say its views are the author's own.
 */
import type { Rule, RuleContext, Segment, TextSource } from '../src/types.js';
import { readDataYaml } from '../src/detail-finders/data-files.js';
import { Lexicon } from '../src/lexicon/matcher.js';
import { DEFAULT_ORGANISATION_NAMES } from './trust-criticism.js';

interface Options {
  /** More phrasings that count as a disclaimer. */
  disclaimers: string[];
}

let phrasings: string[] | undefined;

/** The disclaimer phrasings, read once. */
const loadPhrasings = () => (phrasings ??= (readDataYaml('personal-opinion-disclaimer.yaml') as { disclaimers: string[] }).disclaimers);

/** Lower case, one space, straight apostrophes: so phrasings match however they are typed. */
const normal = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'A personal-account draft that discusses the Trust without saying the views are personal.',
    policy:
      'Staff and carers are allowed to say that they work for CFT and discuss work of the Trust publicly; however in discussing personal views online it should be explicit that these are personal opinions rather than representative of the Trust.',
    docs: 'rules/personal-opinion-disclaimer.md',
    defaultSeverity: 'warn',
    messages: {
      missing:
        'This personal post mentions {{evidence}} but does not say the views are your own. Add a line such as "Views are my own, not those of the Trust."',
    },
    schema: {
      properties: {
        disclaimers: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
      },
    },
  },
  create(context: RuleContext<Options>) {
    return {
      document(source: TextSource) {
        const account = source.frontMatter?.account;
        if (typeof account !== 'string' || account.trim().toLowerCase() !== 'personal') return;
        const configured = context.settings.organisationNames;
        const names = Array.isArray(configured) && configured.length > 0 ? configured : DEFAULT_ORGANISATION_NAMES;
        const trust = new Lexicon(names.map((term) => ({ term, category: 'organisation', inflect: false })));
        const readable = source.segments.filter((s: Segment) => s.kind !== 'linkUrl' && !(s.kind === 'frontMatter' && s.field === 'account'));
        const disclaimers = [...loadPhrasings(), ...context.options.disclaimers].map(normal);
        const all = normal(readable.map((s) => s.text).join('\n'));
        if (disclaimers.some((d) => all.includes(d))) return;
        for (const segment of readable) {
          const first = trust.matches(segment.text).next();
          if (first.done) continue;
          const { start, end } = first.value;
          context.report({ messageId: 'missing', segment, start, end, evidence: { text: segment.text.slice(start, end), kind: 'organisation name' } });
          return;
        }
      },
    };
  },
};

export default rule;
