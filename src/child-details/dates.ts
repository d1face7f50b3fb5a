/** Dates as people write them in posts: "3 March 2015", "12th May", "May 12", "03/05/2015", "on Friday", "today". */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';

/** An explicit calendar date (a day with a month, a month with a year, a numeric date). */
export const DATE = `(?:(?:(?:${DAYS}),?\\s+)?(?:the\\s+)?${DAY}\\s+(?:of\\s+)?(?:${MONTHS})\\.?(?:,?\\s+${YEAR})?|(?:(?:${DAYS}),?\\s+)?(?:${MONTHS})\\.?\\s+${DAY}(?![\\d:])(?:,?\\s+${YEAR})?|(?:${MONTHS})\\.?\\s+${YEAR}|\\d{1,2}[/.]\\d{1,2}[/.](?:${YEAR}|\\d{2})(?!\\d))`;
/** A day relative to the post: "today", "on Friday", "this weekend", "next Tuesday". */
export const RELATIVE_DAY = `(?:today|tomorrow|yesterday|tonight|this\\s+(?:weekend|week|month|morning|afternoon|evening|${DAYS})|next\\s+(?:week|month|weekend|${DAYS})|last\\s+(?:week|weekend|${DAYS})|on\\s+(?:${DAYS})|(?:${DAYS}))`;
export const MONTH = `(?:${MONTHS})`;
export { YEAR };

/** The four-digit years in a string. */
export const yearsIn = (s: string): number[] => (s.match(/\b(?:19|20)\d{2}\b/g) ?? []).map(Number);
