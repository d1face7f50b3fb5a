/** ESLint's unix formatter: `path:line:column: message [Level/rule]`, as grep and editors read it. */
import { messageType, plural, type Formatter } from './types.js';

const unix: Formatter = (results) => {
  let output = '';
  let total = 0;
  for (const result of results) {
    total += result.messages.length;
    for (const m of result.messages) {
      output += `${result.filePath}:${m.line || 0}:${m.column || 0}: ${m.message} [${messageType(m)}${m.ruleId ? `/${m.ruleId}` : ''}]\n`;
    }
  }
  if (total > 0) output += `\n${plural('problem', total)}`;
  return output;
};
export default unix;
