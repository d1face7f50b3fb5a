/**
 * no-credentials: passwords, login details, PINs, one-time codes, account recovery details and access tokens in
 * a draft. Tokens with a known shape are found by secretlint's recommended rules, run directly and synchronously;
 * credentials written as prose ("the password is Sunsh1ne!") by the labelled phrasing in rules/data/no-credentials.yaml.
 */
import { extname } from 'node:path';
import { rules as secretlintRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { Rule, RuleContext, Segment, TextSource } from '../src/types.js';
import { readDataYaml } from '../src/detail-finders/data-files.js';

interface Options {
  /** Values that are fine to publish (a demo password in a training post, say), matched exactly. */
  allow: string[];
  /** Run secretlint's token rules (AWS, GitHub, Slack, private keys…). */
  tokens: boolean;
}

type ValueShape = 'secret' | 'name' | 'digits' | 'any';
interface Group {
  kind: string;
  value: ValueShape;
  labels: string[];
}
interface CredentialData {
  groups: Group[];
  notValues: string[];
  placeholders: string[];
}

type SecretlintRule = (typeof secretlintRules)[number];
type SecretlintContext = Parameters<SecretlintRule['create']>[0];
type SecretlintSource = Parameters<NonNullable<ReturnType<SecretlintRule['create']>['file']>>[0];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Phrasing {
  kind: string;
  value: ValueShape;
  label: RegExp;
}

/** One regex for a list of labels: whole words, longest first ("PIN number" before "PIN"), spaces or hyphens alike. */
function labelRegExp(labels: string[], flags: string): RegExp {
  const alternatives = [...labels].sort((a, b) => b.length - a.length).map((l) => escapeRegExp(l).replace(/\\?[ -]/g, '[\\s-]?'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

let data: { phrasings: Phrasing[]; notValues: Set<string>; placeholders: Set<string> } | undefined;

/** The phrasing data, read once and compiled: one label regex per group. */
function loadData() {
  if (!data) {
    const raw = readDataYaml('no-credentials.yaml') as CredentialData;
    data = {
      phrasings: raw.groups.flatMap((g) => {
        // An all-capitals label (PIN, OTP) must be written in capitals: "pin the badge" is no PIN.
        const capitals = g.labels.filter((l) => l === l.toUpperCase());
        const others = g.labels.filter((l) => l !== l.toUpperCase());
        return [
          { labels: others, flags: 'giu' },
          { labels: capitals, flags: 'gu' },
        ]
          .filter(({ labels }) => labels.length > 0)
          .map(({ labels, flags }) => ({ kind: g.kind, value: g.value, label: labelRegExp(labels, flags) }));
      }),
      notValues: new Set(raw.notValues.map((v) => v.toLowerCase())),
      placeholders: new Set(raw.placeholders),
    };
  }
  return data;
}

/** After a label: optional "for the Facebook page", then ":", "=", "is", "was" … */
const SEPARATOR = /(?:\s+(?:for|to|of|on)\s+(?:[^\s:=]+\s+){0,3}?)?\s*(?:(?<punct>[:=]|-{1,2}|–)|(?<=\s)(?:is|was|are|were|will be)(?=\s))\s*/uy;
const QUOTED = /(?:"([^"\n]{1,100})"|'([^'\n]{1,100})'|“([^”\n]{1,100})”|`([^`\n]{1,100})`)/y;
const WORD = /[^\s]{1,100}/y;
const DIGITS = /(\d(?:[ -]?\d){3,9})(?![\p{N}\p{L}])/uy;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** True when a bare word looks like a credential value rather than prose. */
function looksSecret(value: string, lastOnLine: boolean, punctuated: boolean): boolean {
  return /\d/.test(value) || /[^\p{L}'’-]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value) || (lastOnLine && punctuated);
}

interface Found {
  start: number;
  end: number;
  kind: string;
}

/** Credentials introduced by a label in `text` (a segment's text). */
function* phrased(text: string): Generator<Found> {
  const { phrasings, notValues, placeholders } = loadData();
  for (const { kind, value: shape, label } of phrasings) {
    for (const m of text.matchAll(label)) {
      SEPARATOR.lastIndex = m.index + m[0].length;
      const sep = SEPARATOR.exec(text);
      if (!sep) continue;
      const at = SEPARATOR.lastIndex;
      let start = at;
      let value: string | undefined;
      if (shape === 'digits') {
        DIGITS.lastIndex = at;
        value = DIGITS.exec(text)?.[1];
      } else {
        QUOTED.lastIndex = at;
        const quoted = QUOTED.exec(text);
        if (quoted) {
          value = quoted.slice(1).find((g) => g !== undefined)!;
          start = at + 1;
        } else {
          WORD.lastIndex = at;
          const word = WORD.exec(text)?.[0].replace(/[.,;:)\]]+$/, '');
          const rest = text.slice(at + (word?.length ?? 0));
          const lastOnLine = /^[.!]?[ \t]*(?:\n|$)/.test(rest);
          const plausible = word && !notValues.has(word.toLowerCase()) && (shape === 'any' || looksSecret(word, lastOnLine, sep.groups?.punct !== undefined) || (shape === 'name' && EMAIL.test(word)));
          if (plausible) value = word;
        }
      }
      if (value && !placeholders.has(value) && !/^[*•.x]+$/i.test(value)) yield { start, end: start + value.length, kind };
    }
  }
}

/** A readable kind for a secretlint rule id: `@secretlint/secretlint-rule-github` → "GitHub token". */
const TOKEN_KINDS: Record<string, string> = {
  aws: 'AWS key', gcp: 'Google Cloud key', npm: 'npm token', slack: 'Slack token', basicauth: 'password in a link', openai: 'OpenAI key',
  anthropic: 'Anthropic key', github: 'GitHub token', gitlab: 'GitLab token', privatekey: 'private key', sendgrid: 'SendGrid key',
  'database-connection-string': 'database password', '1password': '1Password secret',
};
const tokenKind = (id: string) => {
  const name = id.replace(/^@secretlint\/secretlint-rule-/, '');
  return TOKEN_KINDS[name] ?? `${name} secret`;
};

/** Runs secretlint's recommended scanner rules over `text`; their text handlers report synchronously. */
function tokens(text: string, filePath: string): Found[] {
  const found: Found[] = [];
  const source = { content: text, filePath, ext: extname(filePath), contentType: 'text' } as unknown as SecretlintSource;
  for (const creator of secretlintRules) {
    if (creator.meta.type !== 'scanner') continue;
    const context: SecretlintContext = {
      sharedOptions: {},
      createTranslator: ((messages: Record<string, unknown>) => (messageId: string, data: unknown) => ({ message: messageId, messageId, data, messages })) as unknown as SecretlintContext['createTranslator'],
      report: (d) => found.push({ start: d.range[0], end: d.range[1], kind: tokenKind(creator.meta.id) }),
      ignore: () => {},
    };
    // AWS access key ids are off by default in secretlint (noisy in code); in a social post any is a leak.
    const options = creator.meta.id.endsWith('-aws') ? { enableIDScanRule: true } : {};
    // Only the binary .p12/.json GCP checks are async; for drafts every handler has reported when it returns.
    void creator.create(context, options as never).file?.(source);
  }
  return found;
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Passwords, login details, one-time codes, account recovery details and access tokens in a draft.',
    policy:
      'All social media accounts set up on behalf of the Trust remain the property of the Trust. Details, passwords and operation of these accounts will be property of and held at Head Office.',
    docs: 'rules/no-credentials.md',
    defaultSeverity: 'error',
    messages: {
      credential:
        'A {{kind}} in a draft: {{evidence}}. Account details and passwords are held at Head Office and never posted: remove it, and change it if it was ever shared.',
    },
    schema: {
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        tokens: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const allowed = new Set(context.options.allow);
    return {
      document(source: TextSource) {
        const reports: { range: [number, number]; kind: string }[] = [];
        if (context.options.tokens) {
          for (const t of tokens(source.text, source.filePath)) reports.push({ range: [t.start, t.end], kind: t.kind });
        }
        const overlapsToken = ([s, e]: [number, number]) => reports.some(({ range: [a, b] }) => s < b && e > a);
        const phrasedReports = source.segments.flatMap((segment: Segment) =>
          [...phrased(segment.text)].map((f) => ({ range: segment.range(f.start, f.end), kind: f.kind })),
        );
        for (const r of phrasedReports) if (!overlapsToken(r.range)) reports.push(r);
        const seen = new Set<string>();
        for (const { range, kind } of reports.sort((a, b) => a.range[0] - b.range[0])) {
          const text = source.text.slice(range[0], range[1]);
          if (allowed.has(text) || seen.has(`${range[0]}:${range[1]}`)) continue;
          seen.add(`${range[0]}:${range[1]}`);
          context.report({ messageId: 'credential', data: { kind }, range, evidence: { text, kind } });
        }
      },
    };
  },
};

export default rule;
