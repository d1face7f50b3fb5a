/**
 * jigsaw-identification: details that are harmless alone but identify a child together — first name + age + town,
 * school + year group + event date — found in the same paragraph (or `window` paragraphs). Reported once per group,
 * at the first detail, naming the kinds combined. The details come from the other text rules' `findDetails`.
 */
import type { DetailSpan, Rule, RuleContext, Segment, Settings } from '../src/types.js';
import { DATE, RELATIVE_DAY } from '../src/child-details/dates.js';
import { findDetails as childName } from './child-name.js';
import { findDetails as childAge } from './child-age.js';
import { findDetails as dateOfBirth } from './date-of-birth.js';
import { findDetails as schoolName } from './school-name.js';
import { findDetails as homeLocation } from './home-location.js';
import { findDetails as careDetails } from './care-details.js';
import { findDetails as socialHandle } from './social-handle.js';
import { findDetails as contactDetails } from './contact-details.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** How many details of different kinds make a jigsaw. */
  threshold: number;
  /** How many consecutive paragraphs (blocks) are read together. */
  window: number;
  /** Only groups with at least one detail about a child (a name, age, birthday, school, care detail or handle). */
  requireChildDetail: boolean;
}

type Finder = (text: string, settings: Settings) => DetailSpan[];
const FINDERS: Finder[] = [childName, childAge, dateOfBirth, schoolName, homeLocation, careDetails, socialHandle, contactDetails];
/** Labels whose details are about a child; towns, phone numbers and event dates alone are not. */
const CHILD_LABELS = new Set(['child-name', 'child-age', 'date-of-birth', 'school-name', 'care-details', 'social-handle']);
const EVENT_DATE = new RegExp(`\\b(?:on\\s+)?(?:${DATE}|${RELATIVE_DAY})(?![\\p{L}\\d])`, 'giu');

/** Every event date holds a digit or one of these words (dates have numbers; days, weeks and "tonight" have names). */
const MAY_HAVE_DATE = /\d|day|tomorrow|tonight|week|month|morning|afternoon|evening/iu;

/** An event date ("on Saturday 12 July", "this weekend") also narrows a child down when a school or age is named. */
function eventDates(text: string): DetailSpan[] {
  if (!MAY_HAVE_DATE.test(text)) return [];
  return [...text.matchAll(EVENT_DATE)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: 'jigsaw-identification', kind: 'event date' }));
}

/** Labels of places: an event date narrows a child down only together with where they were. */
const PLACE_LABELS = new Set(['school-name', 'home-location']);

/** The kinds a group of details adds up to; an event date counts only beside a school or a place. */
function groupKinds(details: DetailSpan[]): string[] {
  const placed = details.some((d) => PLACE_LABELS.has(d.label));
  return [...new Set(details.filter((d) => placed || d.kind !== 'event date').map(kindOf))];
}

/** The kind a detail counts as: contact details are one kind however many there are. */
const kindOf = (d: DetailSpan) => (d.label === 'contact-details' ? 'contact details' : d.kind);

/** Every detail in a text, all finders together, without overlaps (a date of birth is not also an event date). */
export function allDetails(text: string, settings: Settings): DetailSpan[] {
  const found = FINDERS.flatMap((find) => find(text, settings));
  for (const d of eventDates(text)) if (!found.some((f) => d.start < f.end && d.end > f.start)) found.push(d);
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "first name, age and town". */
export function listKinds(kinds: string[]): string {
  return kinds.length <= 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

interface Located {
  segment: Segment;
  detail: DetailSpan;
}

const rule: Rule<Options> = {
  meta: {
    kind: 'text',
    description: 'Details that identify a child together (first name + age + town, school + year group + date) in one paragraph.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/jigsaw-identification.md',
    defaultSeverity: 'error',
    messages: {
      jigsaw:
        '{{kinds}} together can identify a child, even if each alone would not: {{evidence}}. The policy says "do not publish any information about a child or young person on any social media platform". Remove some of these details or make them vaguer.',
    },
    schema: {
      properties: {
        threshold: { type: 'integer', minimum: 2, default: 3 },
        window: { type: 'integer', minimum: 1, default: 1 },
        requireChildDetail: { type: 'boolean', default: true },
      },
    },
  },
  create(context: RuleContext<Options>) {
    const { threshold, window, requireChildDetail } = context.options;
    return {
      document(source) {
        const blocks = new Map<number, Located[]>();
        for (const segment of source.segments) {
          const list = blocks.get(segment.block) ?? [];
          for (const detail of allDetails(segment.text, context.settings)) list.push({ segment, detail });
          blocks.set(segment.block, list);
        }
        const order = [...blocks.keys()].sort((a, b) => a - b);
        for (let i = 0; i < order.length; ) {
          const group = order.slice(i, i + window).flatMap((b) => blocks.get(b)!);
          const kinds = groupKinds(group.map((l) => l.detail));
          const aboutChild = group.some((l) => CHILD_LABELS.has(l.detail.label));
          if (kinds.length < threshold || (requireChildDetail && !aboutChild)) {
            i++;
            continue;
          }
          const counted = group.filter((l) => kinds.includes(kindOf(l.detail)));
          const first = counted[0]!;
          const evidence = counted.map((l) => l.segment.text.slice(l.detail.start, l.detail.end)).join(' · ');
          context.report({
            messageId: 'jigsaw',
            segment: first.segment,
            start: first.detail.start,
            end: first.detail.end,
            data: { kinds: listKinds(kinds).replace(/^./, (c) => c.toUpperCase()) },
            evidence: { text: evidence, kind: 'combined details' },
          });
          i += window;
        }
      },
    };
  },
};

export default rule;
