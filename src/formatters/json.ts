/** ESLint's JSON formatter: the results array as it is (evidence already masked unless --no-redact). */
import type { Formatter } from './types.js';

const json: Formatter = (results) => JSON.stringify(results);
export default json;
