/** ESLint's default formatter, line for line: underlined path, aligned `line:col  level  message  rule`, summary. */
import stripAnsi from './strip-ansi.js';
import { type Formatter } from './types.js';

const pluralize = (word: string, count: number) => (count === 1 ? word : `${word}s`);

/** text-table as ESLint uses it: columns joined by two spaces, `align` per column ('r' pads on the left). */
function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stripAnsi(cell).length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i]! - stripAnsi(cell).length);
          return align[i] === 'r' ? pad + cell : cell + pad;
        })
        .join('  ')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}

const stylish: Formatter = (results, { color: chalk }) => {
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  let summaryColor: 'yellow' | 'red' = 'yellow';

  for (const result of results) {
    const messages = result.messages;
    if (messages.length === 0) continue;
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fixableErrorCount += result.fixableErrorCount;
    fixableWarningCount += result.fixableWarningCount;
    output += `${chalk.underline(result.filePath)}\n`;
    const rows = messages.map((message) => {
      let messageType: string;
      if (message.fatal || message.severity === 2) {
        messageType = chalk.red('error');
        summaryColor = 'red';
      } else {
        messageType = chalk.yellow('warning');
      }
      return ['', String(message.line || 0), String(message.column || 0), messageType, message.message.replace(/([^ ])\.$/u, '$1'), chalk.dim(message.ruleId || '')];
    });
    output += `${table(rows, ['l', 'r', 'l'])
      .split('\n')
      .map((line) => line.replace(/(\d+)\s+(\d+)/u, (_m, line: string, col: string) => chalk.dim(`${line}:${col}`)))
      .join('\n')}\n\n`;
  }

  const total = errorCount + warningCount;
  if (total > 0) {
    output += chalk[summaryColor].bold(
      `\u2716 ${total}${pluralize(' problem', total)} (${errorCount}${pluralize(' error', errorCount)}, ${warningCount}${pluralize(' warning', warningCount)})\n`,
    );
    if (fixableErrorCount > 0 || fixableWarningCount > 0) {
      output += chalk[summaryColor].bold(
        `  ${fixableErrorCount}${pluralize(' error', fixableErrorCount)} and ${fixableWarningCount}${pluralize(' warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.\n`,
      );
    }
  }
  return total > 0 ? chalk.reset(output) : '';
};

export default stylish;
