import { describe, expect, it } from 'vitest';
import { assertSafeRegex, MAX_PATTERN_LENGTH } from '../../src/config/safe-regex.js';
import { OptionsError } from '../../src/config/rule-options.js';

/** The OptionsError `assertSafeRegex` throws, or undefined. */
function refusal(pattern: string, where = 'rules.x.pattern'): OptionsError | undefined {
  try {
    assertSafeRegex(pattern, where);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return error as OptionsError;
  }
}

/** Milliseconds a failing match of `pattern` takes on `n` copies of `unit` followed by a non-matching character. */
function failingMatchMs(pattern: string, unit: string, n: number): number {
  const start = performance.now();
  new RegExp(`^(?:${pattern})$`).test(unit.repeat(n) + '!');
  return performance.now() - start;
}

describe('assertSafeRegex', () => {
  it.each([
    ['St\\.? [A-Z][a-z]+ (?:Primary|Academy)'],
    ['\\b\\d{1,2} years? old\\b'],
    ['[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}'],
    ['(?:Mr|Mrs|Ms)\\.? \\w+'],
    ['(a|b)+c'],
    ['(?<year>\\d{4})-(?<month>\\d{2})'],
    ['\\p{Lu}\\p{Ll}+'],
    ['foster(?:ing|ed)? (?:carer|family)'],
  ])('accepts the ordinary pattern %s', (pattern) => {
    expect(refusal(pattern)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', 'nested quantifiers'],
    ['(\\w+\\s?)*$', 'nested quantifiers'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'nested quantifiers'],
    ['(x+x+)+y', 'nested quantifiers'],
    ['(.*a){12}', 'nested quantifiers'],
    ['(a|a)*$', 'can match the same character'],
    ['(\\w|\\d)+$', 'can match the same character'],
    ['(?:x|[a-z])+!', 'can match the same character'],
  ])('refuses the catastrophic pattern %s (%s)', (pattern, why) => {
    const error = refusal(pattern, 'rules.school-name.patterns[0]');
    expect(error?.message).toContain('rules.school-name.patterns[0]');
    expect(error?.message).toContain('exponential time');
    expect(error?.message).toContain(why === 'nested quantifiers' ? 'quantifier' : why);
  });

  it('refuses what really is slow, as measured: a refused pattern backtracks exponentially, an accepted one does not', () => {
    // (a|a)* doubles its work for each extra character; (a|b)+ stays linear.
    const slow = failingMatchMs('(a|a)*', 'a', 20);
    const fast = failingMatchMs('(a|b)+', 'a', 100_000);
    expect(refusal('(a|a)*')).toBeDefined();
    expect(refusal('(a|b)+')).toBeUndefined();
    expect(slow).toBeGreaterThan(fast);
  });

  it('refuses a pattern with too many quantifiers', () => {
    expect(refusal('a?'.repeat(30))?.message).toMatch(/more than 25 quantifiers/);
  });

  it('refuses an invalid pattern, saying why', () => {
    expect(refusal('(unclosed', 'rules.x.patterns[1]')?.message).toMatch(/^rules\.x\.patterns\[1\] is not a valid regular expression: .*(unterminated|Unterminated)/);
    expect(refusal('[z-a]')?.message).toMatch(/not a valid regular expression/);
  });

  it('refuses a very long pattern and a non-string', () => {
    expect(refusal('a'.repeat(MAX_PATTERN_LENGTH + 1))?.message).toMatch(/limit is 1000/);
    expect(refusal(42 as unknown as string)?.message).toMatch(/must be a string/);
  });
});
