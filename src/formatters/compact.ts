/** ESLint's compact formatter: one line per problem. */
import { messageType, plural, type Formatter } from './types.js';

const compact: Formatter = (results) => {
  let output = '';
  let total = 0;
  for (const result of results) {
    total += result.messages.length;
    for (const m of result.messages) {
      output += `${result.filePath}: line ${m.line || 0}, col ${m.column || 0}, ${messageType(m)} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}\n`;
    }
  }
  if (total > 0) output += `\n${plural('problem', total)}`;
  return output;
};
export default compact;
