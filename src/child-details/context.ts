/**
 * Child and adult context around a position in a text: the wording lists of `rules/data/child-name-context.yaml`
 * compiled once into regular expressions, and word positions so that windows are counted in words.
 */
import { readData } from './lexicon.js';

interface ContextData {
  child: string[];
  plural: string[];
  owners: string[];
  binding: string[];
  adultBefore: string[];
  adultAfter: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
/** One alternation of phrases, longest first, so "foster son" wins over "son". */
const alternation = (phrases: string[]) =>
  [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length).map(escape).join('|');

export interface ContextPatterns {
  /** Child wording anywhere (global, for scanning a segment). */
  child: RegExp;
  /** Child binding noun right at the end of the text before a name. */
  bindingBefore: RegExp;
  /** Adult role right at the end of the text before a name. */
  adultBefore: RegExp;
  /** Adult role right after a name (after a comma, a bracket, "from the", "who is"…). */
  adultAfter: RegExp;
  /** Last words of the binding and adult phrases: a cheap gate before the anchored regexes above. */
  bindingLast: Set<string>;
  adultLast: Set<string>;
}

/** The last word of each phrase, lower-cased. */
const lastWords = (phrases: string[]) => new Set(phrases.map((p) => p.trim().toLowerCase().split(/[\s-]+/).pop()!));

/** The last word before a position, lower-cased ("…our son, " → "son"); a backward scan, no regex. */
export function lastWordBefore(before: string): string {
  let end = before.length;
  while (end > 0 && /[\s,:.]/.test(before[end - 1]!)) end--;
  let start = end;
  while (start > 0 && /[\p{L}']/u.test(before[start - 1]!)) start--;
  return before.slice(start, end).toLowerCase();
}

let patterns: ContextPatterns | undefined;

export function getContextPatterns(): ContextPatterns {
  if (patterns) return patterns;
  const d = readData<ContextData>('child-name-context.yaml');
  const W = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  // Age groups ('the under-10s', 'U12s') are children too.
  const child = `${W}(?:${alternation(d.child)}|under[\\s-]?\\d{1,2}s?|U\\d{1,2}s?)${E}`;
  const plural = `${W}(?:${alternation(d.owners)})\\s+(?:[\\p{L}-]+\\s+)?(?:${alternation(d.plural)})${E}`;
  // "our son Tom", "foster daughter, Lily,", "a boy called Sam", "our youngest, Amy".
  const bindingBefore = `${W}(?:${alternation(d.binding)}|eldest|youngest|oldest|middle one)(?:\\s+(?:called|named))?[\\s,:]*$|${W}(?:called|named|name is|name's)\\s*$`;
  const adultBefore = `${W}(?:${alternation(d.adultBefore)})[\\s,:]*$|${W}(?:mr|mrs|ms|mx|dr|prof|rev|cllr)\\.\\s*$`;
  const adultAfter = `^\\s*(?:[,(–—-]\\s*(?:(?:our|the|a|an|my|who is|who's|is|now|and|CFT's|CFT)\\s+)*(?:[\\p{L}-]+\\s+){0,3}?(?:${alternation(d.adultAfter)})${E}|\\s+(?:from|of)\\s+(?:the|our|CFT)${E})`;
  patterns = {
    child: new RegExp(`${child}|${plural}`, 'giu'),
    bindingBefore: new RegExp(bindingBefore, 'iu'),
    adultBefore: new RegExp(adultBefore, 'iu'),
    adultAfter: new RegExp(adultAfter, 'iu'),
    bindingLast: lastWords([...d.binding, 'eldest', 'youngest', 'oldest', 'one', 'called', 'named', 'is', "name's"]),
    adultLast: lastWords([...d.adultBefore, 'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'rev', 'cllr']),
  };
  return patterns;
}

/** Start offsets of the words of a text, to count distances in words. */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) starts.push(m.index);
  return starts;
}

/** Index of the word at or before `offset` (binary search in `starts`). */
export function wordIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets of child wording in a text: "son", "our children", "school"… */
export function childTermOffsets(text: string): number[] {
  const { child } = getContextPatterns();
  child.lastIndex = 0;
  return [...text.matchAll(child)].map((m) => m.index);
}
