/**
 * contact-details: UK phone numbers, email addresses and postcodes. Any of them can lead a stranger to a child
 * or to the foster family they live with.
 */
import { createRequire } from 'node:module';
import type * as PhoneLib from 'libphonenumber-js';
import type * as Postcode from 'postcode';
import type { DetailSpan, Rule, RuleContext, Segment, Settings } from '../src/types.js';
import { memoPerText } from '../src/detail-finders/memo.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Contact details that are always fine to publish (the Trust's switchboard, its head office postcode). */
  allow: string[];
  phone: boolean;
  email: boolean;
  postcode: boolean;
}

const require = createRequire(import.meta.url);
let phoneLib: typeof PhoneLib | undefined;
let postcodeLib: typeof Postcode | undefined;

/** Every phone number holds a (Unicode) digit and every postcode an ASCII one: text without them needs neither library. */
const HAS_DIGIT = /\p{Nd}/u;

// The lookbehind starts a match only at the start of an address: without it a long run of letters is retried from
// every position (quadratic).
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Ofcom's drama ranges are "invalid" to libphonenumber, but a number written like one is still a number. */
const UK_NUMBER_SHAPE = /^(?:\+44\s?\(?0?\)?\s?|\(?0)[1-9][\d\s().-]{8,13}$/;
const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** A canonical form so that `allow` entries match however they are written. */
const canonical = (s: string) => s.toLowerCase().replace(/[\s().-]/g, '').replace(/^\+44/, '0');

function* phoneNumbers(text: string): Generator<[number, number]> {
  if (!HAS_DIGIT.test(text)) return;
  // libphonenumber-js (its CommonJS build: it loads faster) only once a text has a digit.
  const { findNumbers } = (phoneLib ??= require('libphonenumber-js') as typeof PhoneLib);
  // `leniency` is supported by findNumbers but missing from its type declarations.
  const options = { defaultCountry: 'GB', leniency: 'POSSIBLE', v2: true } as unknown as { defaultCountry: 'GB'; v2: true };
  for (const found of findNumbers(text, options)) {
    const raw = text.slice(found.startsAt, found.endsAt);
    const ukShaped = UK_NUMBER_SHAPE.test(raw) && digitCount(raw) >= 10 && digitCount(raw) <= 13;
    if (found.number.isValid() || ukShaped) yield [found.startsAt, found.endsAt];
  }
}

function* emails(text: string): Generator<[number, number]> {
  for (const m of text.matchAll(EMAIL)) yield [m.index, m.index + m[0].length];
}

function* postcodes(text: string): Generator<[number, number]> {
  if (!HAS_DIGIT.test(text)) return;
  const { POSTCODE_CORPUS_REGEX, isValid: isValidPostcode } = (postcodeLib ??= require('postcode') as typeof Postcode);
  const re = new RegExp(POSTCODE_CORPUS_REGEX.source, 'gi');
  for (const m of text.matchAll(re)) {
    // Require capitals as written in an address: "the m1 1ae" in prose is too likely something else.
    if (m[0] === m[0].toUpperCase() && isValidPostcode(m[0])) yield [m.index, m.index + m[0].length];
  }
}

/** Every email address, phone number (not inside an email address) and postcode in a text, once per settings and text. */
const contactSpans = memoPerText((text: string, _settings: Settings) => {
  const emailSpans = [...emails(text)];
  const phoneSpans = [...phoneNumbers(text)].filter(([start, end]) => !emailSpans.some(([s, e]) => start < e && end > s));
  return { emailSpans, phoneSpans, postcodeSpans: [...postcodes(text)] };
});

/** The raw contact details in a text, for jigsaw-identification and the detection bench (all kinds, no allow list). */
export function findDetails(text: string, settings: Settings = {}): DetailSpan[] {
  const { emailSpans, phoneSpans, postcodeSpans } = contactSpans(text, settings);
  const out: DetailSpan[] = [];
  for (const [start, end] of emailSpans) out.push({ start, end, label: 'contact-details', kind: 'email address' });
  for (const [start, end] of phoneSpans) out.push({ start, end, label: 'contact-details', kind: 'phone number' });
  for (const [start, end] of postcodeSpans) out.push({ start, end, label: 'contact-details', kind: 'postcode' });
  return out.sort((a, b) => a.start - b.start);
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Phone numbers, email addresses and postcodes in a draft.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/contact-details.md',
    defaultSeverity: 'error',
    messages: {
      phone: 'Phone number {{evidence}}: contact details can lead to a child or their foster family. Remove it, or give the Trust\'s main number.',
      email: 'Email address {{evidence}}: contact details can lead to a child or their foster family. Remove it, or give the Trust\'s enquiries address.',
      postcode: 'Postcode {{evidence}}: a postcode can locate a child\'s home. Remove it.',
    },
    schema: {
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        phone: { type: 'boolean', default: true },
        email: { type: 'boolean', default: true },
        postcode: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const allowed = new Set(context.options.allow.map(canonical));
    const report = (segment: Segment, [start, end]: [number, number], messageId: string, kind: string) => {
      const text = segment.text.slice(start, end);
      if (allowed.has(canonical(text))) return;
      context.report({ messageId, segment, start, end, evidence: { text, kind } });
    };
    return {
      segment(segment) {
        const { emailSpans, phoneSpans, postcodeSpans } = contactSpans(segment.text, context.settings);
        if (context.options.email) for (const span of emailSpans) report(segment, span, 'email', 'email address');
        if (context.options.phone) for (const span of phoneSpans) report(segment, span, 'phone', 'phone number');
        if (context.options.postcode) for (const span of postcodeSpans) report(segment, span, 'postcode', 'postcode');
      },
    };
  },
};

export default rule;
