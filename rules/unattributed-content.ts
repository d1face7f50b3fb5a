/**
 * unattributed-content: shared material that is not original and does not say where it came from — quotations
 * without a named speaker or writer, "RT" without whose post, "via" a platform or "a friend", shortened links and
 * links whose text hides where they lead — and links to domains in `settings.untrustedDomains`.
 */
import type { Rule, RuleContext, Segment, TextSource } from '../src/types.js';
import { readDataYaml } from '../src/detail-finders/data-files.js';

interface Options {
  /** Quotations shorter than this many words (a phrase in scare quotes) are not checked. */
  minQuoteWords: number;
}

interface Data {
  attributionCues: string[];
  unnamedSources: string[];
  shorteners: string[];
  genericLinkTexts: string[];
  termIntroducers: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsRegExp = (words: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

let data: { cue: RegExp; unnamed: RegExp; shorteners: Set<string>; generic: Set<string>; term: RegExp } | undefined;

/** The word lists, read once and compiled. */
function loadData() {
  if (!data) {
    const raw = readDataYaml('unattributed-content.yaml') as Data;
    data = {
      cue: wordsRegExp(raw.attributionCues),
      unnamed: new RegExp(`^(?:${raw.unnamedSources.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
      shorteners: new Set(raw.shorteners),
      generic: new Set(raw.genericLinkTexts),
      term: new RegExp(`${wordsRegExp(raw.termIntroducers).source}\\s*$`, 'iu'),
    };
  }
  return data;
}

const QUOTE = /“([^”]+)”|"([^"\n]+)"/g;
/** A dash, tilde or "@" before a name, as in `— Jane Smith` or `~ @handle`: an attribution. */
const NAMED = /(?:^|\s)[—–~-]\s*[\p{Lu}@]|@\w{2,}/u;
const LINK = /\bhttps?:\/\/[^\s<>()"'\]]+|\bwww\.[^\s<>()"'\]]+/gi;
const RT = /(?<![\p{L}\p{N}])RT(?![\p{L}\p{N}])\s*:?\s*/gu;
const VIA = /(?<![\p{L}\p{N}])via(?![\p{L}\p{N}])\s*:?\s*/giu;

/** The host of a URL, lower case, without `www.`; undefined when it does not parse. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url.startsWith('www.') ? `https://${url}` : url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
const underDomain = (host: string, domain: string) => {
  const d = domain.toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/, '').replace(/\/.*$/, '');
  return host === d || host.endsWith(`.${d}`);
};

/** The text of the Markdown link whose URL starts at file offset `at` (`[text](url)`), if it is one. */
function linkTextBefore(text: string, at: number): string | undefined {
  if (text.slice(at - 2, at) !== '](') return undefined;
  const open = text.lastIndexOf('[', at - 2);
  if (open < 0 || text.slice(open, at - 2).includes('\n\n')) return undefined;
  return text.slice(open + 1, at - 2).trim();
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Shared material without a named source (quotes, RT, via, hidden links) and links to untrusted domains.',
    policy:
      'CFT strongly urges all staff, carers and stakeholders to carefully check their sources of information shared online for accuracy and association to organisations or individuals which may bring CFT into disrepute or cause public embarrassment. This is particularly important when sharing information on social network platforms for material that is not original to the individual.',
    docs: 'rules/unattributed-content.md',
    defaultSeverity: 'warn',
    messages: {
      quote: 'Quotation without a named source: "{{evidence}}". Say who said or wrote it, and check it, before sharing.',
      retweet: 'Shared post ("{{evidence}}") without a named source: say whose post it is ("RT @name") and check it before sharing.',
      via: '"{{evidence}}" does not name a source: say who the material came from, and check it before sharing.',
      shortened: 'Shortened link {{evidence}} hides its source: use the full link so readers and reviewers can see where it goes.',
      genericLink: 'Link text "{{label}}" does not say where the link leads ({{evidence}}): name the source.',
      untrusted: 'Link to {{evidence}}: {{domain}} is on the Trust\'s list of untrusted sources (settings.untrustedDomains). Find a reliable source instead.',
    },
    schema: {
      properties: {
        minQuoteWords: { type: 'integer', minimum: 1, default: 6 },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const { cue, unnamed, shorteners, generic, term } = loadData();
    const untrusted = (Array.isArray(context.settings.untrustedDomains) ? context.settings.untrustedDomains : []).filter((d): d is string => typeof d === 'string');
    const reported = new Set<number>();
    /** Reports once per place in the file (a URL can be both a segment of its own and text in a paragraph). */
    const report = (segment: Segment, start: number, end: number, messageId: string, kind: string, data: Record<string, string> = {}) => {
      const at = segment.range(start, end)[0];
      if (reported.has(at)) return;
      reported.add(at);
      context.report({ messageId, data, segment, start, end, evidence: { text: segment.text.slice(start, end), kind } });
    };

    const checkLink = (source: TextSource, segment: Segment, start: number, end: number) => {
      const url = segment.text.slice(start, end).replace(/[.,;:!?]+$/, '');
      const host = hostOf(url);
      if (!host) return;
      end = start + url.length;
      const domain = untrusted.find((d) => underDomain(host, d));
      if (domain) return report(segment, start, end, 'untrusted', 'link', { domain });
      if ([...shorteners].some((s) => underDomain(host, s))) return report(segment, start, end, 'shortened', 'link');
      const label = segment.kind === 'linkUrl' ? linkTextBefore(source.text, segment.range(0, 0)[0]) : undefined;
      if (label !== undefined && generic.has(label.toLowerCase().replace(/[.!:…]+$/, '').replace(/\s+/g, ' '))) {
        report(segment, start, end, 'genericLink', 'link', { label });
      }
    };

    return {
      document(source: TextSource) {
        const segments = source.segments.filter((s) => s.kind !== 'frontMatter' || /^(?:title|caption|body|text)$/.test(s.field ?? ''));
        segments.forEach((segment, i) => {
          const { text } = segment;
          if (segment.kind === 'linkUrl') return checkLink(source, segment, 0, text.length);
          for (const m of text.matchAll(LINK)) checkLink(source, segment, m.index, m.index + m[0].length);

          for (const m of text.matchAll(QUOTE)) {
            const quoted = (m[1] ?? m[2])!;
            if (quoted.trim().split(/\s+/).length < context.options.minQuoteWords) continue;
            // The attribution may come before the quote, after it in the same block, or open the next block.
            const before = text.slice(Math.max(0, m.index - 80), m.index);
            if (term.test(before)) continue;
            const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
            const next = segments[i + 1]?.text.slice(0, 80) ?? '';
            const attributed = [before, after].some((s) => cue.test(s) || NAMED.test(s)) || /^\s*[—–~-]\s*\S/.test(next);
            if (!attributed) report(segment, m.index + 1, m.index + m[0].length - 1, 'quote', 'quotation');
          }

          for (const m of text.matchAll(RT)) {
            if (!text.startsWith('@', m.index + m[0].length)) report(segment, m.index, m.index + 2, 'retweet', 'share marker');
          }

          for (const m of text.matchAll(VIA)) {
            const rest = text.slice(m.index + m[0].length);
            const lineRest = rest.split('\n')[0]!.trim();
            const unnamedSource = unnamed.exec(rest);
            // A share marker closes its line or bracket ("… via Facebook", "(via a friend)"); "abuse via the internet, so…" is prose.
            const closes = (from: number) => /^[\s.!]*(?:$|\n|[)\]])/.test(rest.slice(from));
            if (lineRest === '' || /^[.!)]*$/.test(lineRest)) report(segment, m.index, m.index + 3, 'via', 'share marker');
            else if (unnamedSource && closes(unnamedSource[0].length)) report(segment, m.index, m.index + m[0].length + unnamedSource[0].length, 'via', 'share marker');
          }
        });
      },
    };
  },
};

export default rule;
