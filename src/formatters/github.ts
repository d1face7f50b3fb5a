/** GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff. */
import { relative } from 'node:path';
import type { Formatter } from './types.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const github: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = relative(cwd, result.filePath).split('\\').join('/') || result.filePath;
    for (const m of result.messages) {
      const props = [`file=${escapeProperty(file)}`, `line=${m.line || 1}`, `col=${m.column || 1}`];
      if (m.endLine) props.push(`endLine=${m.endLine}`);
      if (m.endColumn) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeProperty(m.ruleId ?? 'cftlint')}`);
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
export default github;
