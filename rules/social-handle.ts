/**
 * social-handle: @handles, links to social media profiles, and hashtags that name a person
 * ("#HappyBirthdayJake"). Each leads a stranger to someone's profile, and from there to a child's photos,
 * school and friends. The Trust's own accounts are allowed through `settings.ownAccounts` or the `allow` option;
 * generic hashtags ("#FosterCare") are fine. Names in hashtags come from the first-name lexicons.
 */
import type { DetailSpan, Rule, RuleContext, Settings } from '../src/types.js';
import { isPlaceName } from '../src/detail-finders/uk-places.js';
import { dataYaml, englishWords, escapeRegExp, firstNames, firstNamesThatAreWords, lazy, lowerSet } from '../src/detail-finders/lexicons.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Handles, profile links or hashtags that are always fine (the Trust's accounts and campaign tags). */
  allow: string[];
  handles: boolean;
  profileUrls: boolean;
  hashtags: boolean;
}

interface TermsYaml {
  socialHosts: string[];
  notAccountPaths: string[];
  accountPrefixes: string[];
  genericHashtags: string[];
  organisationHandleWords: string[];
  personCues: string[];
}

type Kind = 'handle' | 'profile URL' | 'hashtag';

interface Found {
  start: number;
  end: number;
  kind: Kind;
  /** The account or tag, lower case, without "@" or "#", for allow-list checks. */
  account: string;
}

const terms = lazy(() => {
  const t = dataYaml<TermsYaml>('social-handle-terms.yaml');
  const hosts = t.socialHosts.map(escapeRegExp).join('|');
  return {
    url: new RegExp(`(?:https?://)?(?:(?:www|m|mobile|vm|web)\\.)?(?:${hosts})(?:/[^\\s<>()\\[\\]"'’,]*)?`, 'gi'),
    notAccount: lowerSet(t.notAccountPaths),
    prefixes: lowerSet(t.accountPrefixes),
    generic: lowerSet(t.genericHashtags),
    orgWords: lowerSet(t.organisationHandleWords),
    cues: t.personCues.map((c) => c.replace(/\s+/g, '').toLowerCase()),
  };
});

const HANDLE = /(?<![\w.@/\\])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])/g;
/** A profile on any host written the Mastodon way: "https://mastodon.online/@jake". */
const FEDIVERSE = /https?:\/\/[\w.-]+\/@[\w.]+/g;
const HASHTAG = /(?<![\w&#/])#([A-Za-z][A-Za-z0-9_]{1,60})(?![\w])/g;
const NOT_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday christmas easter'.split(' '),
);

/** The account a social link points at, or undefined for posts, videos, help pages and bare domains. */
function accountOf(url: string): string | undefined {
  const t = terms();
  const path = url.replace(/^(?:https?:\/\/)?[^/]+/, '').replace(/[?#].*$/, '');
  const parts = path.split('/').filter(Boolean);
  if (!parts.length) return undefined;
  const first = parts[0]!.toLowerCase();
  if (first.startsWith('@')) return first.slice(1);
  if (first === 'profile.php') return /[?&]id=\d+/.test(url) ? url.match(/[?&]id=(\d+)/)![1] : undefined;
  if (t.prefixes.has(first)) return parts[1]?.toLowerCase().replace(/^@/, '');
  if (t.notAccount.has(first)) return undefined;
  return first.replace(/^@/, '');
}

/** "@KentCouncil", "@NHS_England", "@bbcnews": an organisation's account (words of 4+ letters may sit inside others). */
function isOrganisationHandle(handle: string): boolean {
  const { orgWords } = terms();
  const parts = camelWords(handle).concat(handle.split(/[_.\d]+/)).map((w) => w.toLowerCase());
  if (parts.some((w) => orgWords.has(w))) return true;
  const lower = handle.toLowerCase();
  return [...orgWords].some((w) => w.length >= 5 && lower.includes(w));
}

/** Words of a hashtag: split at capitals and digits ("HappyBirthdayJake" → Happy, Birthday, Jake). */
const camelWords = (tag: string): string[] => tag.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+(?:st|nd|rd|th|s)?/g) ?? [];

/** Can `s` be cut entirely into English words and numbers? (dynamic programming over cut points) */
function segmentsIntoWords(s: string): boolean {
  const words = englishWords();
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - 20); start < end && !ok[end]; start++) {
      if (!ok[start]) continue;
      const piece = s.slice(start, end);
      ok[end] = (piece.length > 1 || piece === 'a') && (words.has(piece) || /^\d+(?:st|nd|rd|th|s)?$/.test(piece));
    }
  }
  return ok[s.length]!;
}

/** Does a hashtag name a person? A lexicon first name among its words, that is not just an English word (unless a cue like "birthday" or "team" is there). */
function namesPerson(tag: string): boolean {
  const names = firstNames();
  // isName asks about words only for first names: the names that are words are enough (the full list loads lazily).
  const words = firstNamesThatAreWords();
  const lower = tag.toLowerCase();
  const t = terms();
  if (t.generic.has(lower)) return false;
  const hasCue = t.cues.some((c) => lower.includes(c));
  // A name that is also a word or a place ("#Hope", "#Kent") needs a cue beside it: "#TeamHope", "#HappyBirthdayKent".
  const isName = (w: string) => w.length >= 3 && names.has(w) && !NOT_NAMES.has(w) && (hasCue || (!words.has(w) && !isPlaceName(w)));
  const strip = (w: string) => w.replace(/(?:['’]?s)$/, '');
  if (/[A-Z]/.test(tag.slice(1)) && /[a-z]/.test(tag)) {
    return camelWords(tag).some((w) => isName(w.toLowerCase()) || isName(strip(w.toLowerCase())));
  }
  // One-case tags ("#happybirthdayjake", "#jakes10th"): a name at either end, the rest English words or numbers.
  for (let cut = 3; cut <= lower.length; cut++) {
    const head = lower.slice(0, cut);
    const tail = lower.slice(lower.length - cut);
    if ((isName(head) || isName(strip(head))) && (cut === lower.length || segmentsIntoWords(lower.slice(cut)))) return true;
    if (isName(tail) && segmentsIntoWords(lower.slice(0, lower.length - cut))) return true;
    if (isName(strip(tail)) && segmentsIntoWords(lower.slice(0, lower.length - cut))) return true;
  }
  return false;
}

/** Handles, profile links and person-naming hashtags in `text`, minus allowed accounts and tags (once per allow set and text). */
const find = memoPerText((text: string, allow: Set<string>) => findUncached(text, allow));

function findUncached(text: string, allow: Set<string>): Found[] {
  const found: Found[] = [];
  const urls: [number, number][] = [];
  for (const m of [...text.matchAll(terms().url), ...text.matchAll(FEDIVERSE)]) {
    if (urls.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const url = m[0].replace(/[.!?:;]+$/, '');
    urls.push([m.index, m.index + url.length]);
    const account = accountOf(url);
    if (account) found.push({ start: m.index, end: m.index + url.length, kind: 'profile URL', account });
  }
  const inUrl = (i: number) => urls.some(([s, e]) => i >= s && i < e) || /\S*\/\S*$/.test(text.slice(Math.max(0, i - 60), i).split(/\s/).pop() ?? '');
  for (const m of text.matchAll(HANDLE)) {
    if (!inUrl(m.index) && !isOrganisationHandle(m[1]!)) found.push({ start: m.index, end: m.index + m[0].length, kind: 'handle', account: m[1]!.toLowerCase() });
  }
  for (const m of text.matchAll(HASHTAG)) {
    if (!inUrl(m.index) && namesPerson(m[1]!)) found.push({ start: m.index, end: m.index + m[0].length, kind: 'hashtag', account: m[1]!.toLowerCase() });
  }
  return found.filter((f) => !allow.has(f.account)).sort((a, b) => a.start - b.start);
}

/** The allow set of `settings` alone, one per settings object (so that memos keyed by it are shared). */
const settingsAllow = new WeakMap<Settings, Set<string>>();
function allowOf(settings: Settings): Set<string> {
  let allow = settingsAllow.get(settings);
  if (!allow) settingsAllow.set(settings, (allow = allowSet(settings)));
  return allow;
}

/** Allowed accounts and tags, lower case, without "@", "#" or a link's host: option `allow` and `settings.ownAccounts`. */
function allowSet(settings: Settings, allow: string[] = []): Set<string> {
  const own = Array.isArray(settings.ownAccounts) ? (settings.ownAccounts as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  return new Set(
    [...allow, ...own].map((a) => {
      const account = /[./]/.test(a) && !/^[@#]/.test(a) ? accountOf(a) : undefined;
      return (account ?? a.replace(/^[@#]/, '')).toLowerCase();
    }),
  );
}

/** Handles ("handle"), profile links ("profile URL") and hashtags naming a person ("hashtag") in a piece of text. */
export function findDetails(text: string, settings: Settings): DetailSpan[] {
  return find(text, allowOf(settings)).map((f) => ({ start: f.start, end: f.end, label: 'social-handle', kind: f.kind }));
}

const POLICY_NOTE = 'the policy says "do not publish any information about a child or young person"';
const MESSAGE_IDS: Record<Kind, string> = { handle: 'handle', 'profile URL': 'profileUrl', hashtag: 'hashtag' };

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Social media handles, links to profiles, and hashtags that name a person.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/social-handle.md',
    defaultSeverity: 'error',
    messages: {
      handle: `Social media handle {{evidence}}: a handle leads to a person's profile, photos and friends, and ${POLICY_NOTE}. Remove it; tag only the Trust's own accounts.`,
      profileUrl: `Link to a social media profile {{evidence}}: it leads to a person's photos and friends, and ${POLICY_NOTE}. Remove it; link only to the Trust's own pages.`,
      hashtag: `Hashtag {{evidence}} names a person: hashtags are searchable and link posts about a child together, and ${POLICY_NOTE}. Use a general hashtag (#FosterCare) instead.`,
    },
    schema: {
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        handles: { type: 'boolean', default: true },
        profileUrls: { type: 'boolean', default: true },
        hashtags: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const allow = context.options.allow.length ? allowSet(context.settings, context.options.allow) : allowOf(context.settings);
    const enabled: Record<Kind, boolean> = {
      handle: context.options.handles,
      'profile URL': context.options.profileUrls,
      hashtag: context.options.hashtags,
    };
    return {
      segment(segment) {
        for (const f of find(segment.text, allow)) {
          if (!enabled[f.kind]) continue;
          const text = segment.text.slice(f.start, f.end);
          context.report({ messageId: MESSAGE_IDS[f.kind], segment, start: f.start, end: f.end, evidence: { text, kind: f.kind } });
        }
      },
    };
  },
};

export default rule;
