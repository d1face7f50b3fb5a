/**
 * Guard for rule options that accept a regular expression: a pattern from a config file is user input, and one with
 * catastrophic backtracking (`(a+)+$`) would hang a pre-commit hook on an innocent draft. Patterns are checked with
 * safe-regex2 (star height > 1, too many repetitions) plus a check for repeated alternatives that can match the same
 * text (`(a|a)*`, `(\w|\d)+`), which safe-regex2 does not see, before anything compiles them.
 */
import safeRegexModule from 'safe-regex2';
import { OptionsError } from './rule-options.js';

// safe-regex2 is CommonJS: under NodeNext its default export may be the module object.
const safeRegex = ((safeRegexModule as unknown as { default?: typeof safeRegexModule }).default ?? safeRegexModule) as (
  re: string,
  opts?: { limit?: number },
) => boolean;

/** Longest pattern accepted: option patterns are short; a huge one is a mistake or an attack. */
export const MAX_PATTERN_LENGTH = 1000;

/** Most quantifiers in one pattern (safe-regex2's default limit). */
const REPETITION_LIMIT = 25;

/**
 * A quantified group whose alternatives are single-character pieces that can match the same character:
 * `(a|a)*`, `(\w|\d)+`, `(x|[a-z])+`. Each such character doubles the ways to match, so a failing match is
 * exponential. Deliberately simple: it looks at groups of one-character alternatives only.
 */
function overlappingAlternation(pattern: string): string | undefined {
  const group = /\((?:\?:)?((?:\\.|\[(?:\\.|[^\]\\])*\]|[^()|\\[])(?:\|(?:\\.|\[(?:\\.|[^\]\\])*\]|[^()|\\[]))+)\)(?:[*+]|\{\d+,\d*\})/g;
  for (const m of pattern.matchAll(group)) {
    const alternatives = m[1]!.split(/\|(?![^[]*\])/);
    const probe = [...new Set([...PROBE, ...m[1]!])];
    const samples = alternatives.map((piece) => sampleChars(piece, probe));
    for (let i = 0; i < samples.length; i++) {
      for (let j = i + 1; j < samples.length; j++) {
        if (samples[i]!.some((c) => samples[j]!.includes(c))) return m[0];
      }
    }
  }
  return undefined;
}

/** The characters of `probe` that a one-character piece of a pattern matches. */
function sampleChars(piece: string, probe: string[]): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${piece})$`, 'u');
  } catch {
    try {
      re = new RegExp(`^(?:${piece})$`);
    } catch {
      return [];
    }
  }
  return probe.filter((c) => re.test(c));
}

/** Characters tried against each alternative, besides the group's own characters. */
const PROBE = [...'aAzZ09_ -.\t\n/@#é'];

/**
 * Throws an OptionsError unless `pattern` compiles and cannot backtrack catastrophically.
 * `where` names the option for the message, e.g. `rules.school-name.patterns[2]`.
 */
export function assertSafeRegex(pattern: string, where: string): void {
  if (typeof pattern !== 'string') throw new OptionsError(`${where} must be a string (a regular expression), got ${typeof pattern}`);
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new OptionsError(`${where} is a regular expression of ${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH}`);
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    try {
      new RegExp(pattern);
    } catch {
      throw new OptionsError(`${where} is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  if (!safeRegex(pattern, { limit: REPETITION_LIMIT })) {
    throw new OptionsError(
      `${where}: the regular expression /${pattern}/ could take exponential time on some text (nested quantifiers such as (a+)+, ` +
        `or more than ${REPETITION_LIMIT} quantifiers); rewrite it without a quantifier inside a quantified group`,
    );
  }
  const overlap = overlappingAlternation(pattern);
  if (overlap) {
    throw new OptionsError(
      `${where}: the regular expression /${pattern}/ could take exponential time on some text: the alternatives in ${overlap} ` +
        `can match the same character; make them exclusive (e.g. a character class)`,
    );
  }
}
