/**
 * Word-aware lexicon matching for term lists kept as data (`rules/data/*.yaml`). Text is split into word
 * tokens; a term matches whole tokens, with capitals in the term required in the text (proper nouns, acronyms),
 * simple inflections of its last word, and the disambiguation its entry carries: following cue words, phrases
 * that cancel it ("vote of thanks"), words before it that cancel it, and words that must share its sentence.
 */

export interface LexiconEntry {
  term: string;
  category: string;
  /** Match simple inflections of the last word (s, es, 's, ed, ing, y→ies). Default true. */
  inflect?: boolean;
  /** Extra spellings of the last word. */
  forms?: string[];
  /** Phrases that may follow the term and confirm it. */
  cues?: string[];
  needsCue?: 'always' | 'atSentenceStart';
  /** Phrases that, following the term, cancel it. */
  notBefore?: string[];
  /** Words that, just before the term, cancel it (`<number>`: any number, as in "12 MP" megapixels). */
  notAfter?: string[];
  /** The term counts only when one of these words is in the same sentence. */
  context?: string[];
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence within the text. */
  sentence: number;
  sentenceStart: boolean;
}

export interface LexiconMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Between two tokens: a full stop, question or exclamation mark, or a line break ends a sentence. */
const SENTENCE_BREAK = /[.!?…](?:\s|["'”’)\]]|$)|\n/;

/** Splits text into word tokens, each knowing its sentence. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const first = tokens.length === 0;
    // Most tokens are one space apart, which never ends a sentence: skip the test for those.
    const gap = text.slice(prevEnd, start);
    const breaks = !first && gap !== ' ' && SENTENCE_BREAK.test(`${gap} `);
    if (breaks) sentence++;
    tokens.push({ text: m[0], start, end: start + m[0].length, sentence, sentenceStart: first || breaks });
    prevEnd = start + m[0].length;
  }
  return tokens;
}

const fold = (s: string) => (s.includes('’') ? s.replace(/’/g, "'") : s).toLowerCase();
const words = (phrase: string) => [...phrase.matchAll(WORD)].map((m) => m[0].replace(/’/g, "'"));

/** True when `word` is `pattern` with the pattern's capitals kept (its lower-case letters match either case). */
export function caseMatches(pattern: string, word: string): boolean {
  const w = word.replace(/’/g, "'");
  if (w.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p !== p.toLowerCase() ? w[i] !== p : w[i]!.toLowerCase() !== p) return false;
  }
  return true;
}

/** Simple inflections of a word: plural, possessive, past and -ing forms. */
export function inflections(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}'s`, `${word}ed`, `${word}ing`]);
  if (/(?:s|x|z|ch|sh)$/i.test(word)) forms.add(`${word}es`);
  if (/e$/i.test(word)) {
    forms.add(`${word}d`);
    forms.add(`${word.slice(0, -1)}ing`);
  }
  if (/[^aeiou]y$/i.test(word)) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  return [...forms];
}

interface Variant {
  entry: LexiconEntry;
  words: string[];
}

export class Lexicon {
  /** Variants indexed by their first word, folded to lower case. */
  private readonly index = new Map<string, Variant[]>();

  constructor(readonly entries: readonly LexiconEntry[]) {
    for (const entry of entries) {
      const termWords = words(entry.term);
      if (termWords.length === 0) continue;
      const last = termWords[termWords.length - 1]!;
      const lastForms = new Set([...(entry.inflect === false ? [last] : inflections(last)), ...(entry.forms ?? [])]);
      for (const form of lastForms) {
        const variant = { entry, words: [...termWords.slice(0, -1), form] };
        const key = fold(variant.words[0]!);
        const list = this.index.get(key) ?? [];
        list.push(variant);
        this.index.set(key, list);
      }
    }
  }

  /** Every match in `text`, longest first at each place, never overlapping. */
  *matches(text: string): Generator<LexiconMatch> {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      let best: Variant | undefined;
      for (const variant of this.index.get(fold(tokens[i]!.text)) ?? []) {
        if ((!best || variant.words.length > best.words.length) && this.accepts(variant, tokens, i)) best = variant;
      }
      if (!best) continue;
      const last = tokens[i + best.words.length - 1]!;
      yield { entry: best.entry, start: tokens[i]!.start, end: last.end };
      i += best.words.length - 1;
    }
  }

  private accepts({ entry, words: termWords }: Variant, tokens: Token[], i: number): boolean {
    if (!termWords.every((w, k) => tokens[i + k] !== undefined && caseMatches(w, tokens[i + k]!.text))) return false;
    const after = i + termWords.length;
    if (entry.notBefore?.some((phrase) => phraseAt(tokens, after, phrase))) return false;
    const before = tokens[i - 1];
    if (before && before.sentence === tokens[i]!.sentence && entry.notAfter?.some((w) => (w === '<number>' ? /^\d+$/.test(before.text) : caseMatches(w, before.text)))) return false;
    const needsCue = entry.needsCue === 'always' || (entry.needsCue === 'atSentenceStart' && tokens[i]!.sentenceStart);
    if (needsCue && !entry.cues?.some((cue) => phraseAt(tokens, after, cue))) return false;
    if (entry.context) {
      const sentence = tokens[i]!.sentence;
      const inSentence = tokens.filter((t, k) => t.sentence === sentence && (k < i || k >= after));
      if (!inSentence.some((t) => entry.context!.some((w) => caseMatches(w, t.text)))) return false;
    }
    return true;
  }
}

/** True when the words of `phrase` are the tokens from `at` on (same sentence, case rule as terms). */
function phraseAt(tokens: Token[], at: number, phrase: string): boolean {
  const phraseWords = words(phrase);
  const sentence = tokens[at - 1]?.sentence;
  return phraseWords.every((w, k) => {
    const t = tokens[at + k];
    return t !== undefined && t.sentence === sentence && caseMatches(w, t.text);
  });
}

/** Sentence spans `[start, end)` of a text: ends at . ! ? … (then space or end) and at line breaks; trimmed. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/[^\n]+?(?:[.!?…]+(?=\s|$)|(?=\n)|$)/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push([m.index + lead, m.index + lead + body.length]);
  }
  return spans;
}
