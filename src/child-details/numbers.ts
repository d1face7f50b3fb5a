/** Small numbers written as digits or words ("7", "seven"), as they appear in ages. */
const WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const VALUE = new Map(WORDS.map((w, i) => [w, i]));

/** A regex source for one small number: 1–2 digits or a number word up to twenty. */
export const NUM = `(?:\\d{1,2}|${[...WORDS].sort((a, b) => b.length - a.length).join('|')})`;

/** The value of a number matched by NUM (NaN if it is not one). */
export function numberValue(s: string): number {
  const lower = s.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : (VALUE.get(lower) ?? Number.NaN);
}
