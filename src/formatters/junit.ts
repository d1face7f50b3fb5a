/** ESLint's JUnit formatter: one testsuite per file, one failing testcase per problem. */
import { extname } from 'node:path';
import { messageType, type Formatter } from './types.js';

const xmlEscape = (s: string) =>
  s.replace(/[<>&"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/gu, (c) =>
    ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? `&#${c.charCodeAt(0)};`,
  );
const withoutExt = (p: string) => p.slice(0, p.length - extname(p).length);

const junit: Formatter = (results) => {
  let output = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const result of results) {
    const classname = xmlEscape(withoutExt(result.filePath));
    const name = xmlEscape(result.filePath);
    if (result.messages.length > 0) {
      output += `<testsuite package="org.cftlint" time="0" tests="${result.messages.length}" errors="${result.messages.length}" name="${name}">\n`;
      for (const m of result.messages) {
        const type = m.fatal ? 'error' : 'failure';
        output += `<testcase time="0" name="org.cftlint.${m.ruleId || 'unknown'}" classname="${classname}">`;
        output += `<${type} message="${xmlEscape(m.message)}"><![CDATA[line ${m.line || 0}, col ${m.column || 0}, ${messageType(m)} - ${xmlEscape(m.message)}${m.ruleId ? ` (${m.ruleId})` : ''}]]></${type}>`;
        output += '</testcase>\n';
      }
      output += '</testsuite>\n';
    } else {
      output += `<testsuite package="org.cftlint" time="0" tests="1" errors="0" name="${name}">\n`;
      output += `<testcase time="0" name="${name}" classname="${classname}" />\n</testsuite>\n`;
    }
  }
  return `${output}</testsuites>\n`;
};
export default junit;
