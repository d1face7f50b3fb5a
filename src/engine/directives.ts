/**
 * Inline directives, as ESLint's: `cftlint-disable`, `cftlint-enable`, `cftlint-disable-line`,
 * `cftlint-disable-next-line`, each with optional rule ids and an optional `-- reason`. In Markdown they live in
 * HTML comments (the publishing channel strips them); in plain text on a line of their own.
 */
import type { LintMessage } from '../types.js';
import type { LineIndex } from '../processors/line-index.js';

export type DirectiveType = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  type: DirectiveType;
  /** Empty: every rule. */
  ruleIds: string[];
  justification: string;
  line: number;
  column: number;
  /** The line the directive applies to (disable-line, disable-next-line). */
  targetLine: number;
  /** Position in the file, to order block directives against messages. */
  offset: number;
}

const BODY = /^\s*cftlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const COMMENT = /<!--([\s\S]*?)-->/g;
// One optional comment marker, then the directive: no two adjacent `\s*` (which backtrack quadratically on long blank lines).
const OWN_LINE_PREFIX = /^\s*(?:(?:<!--|#|\/\/)\s*)?(cftlint-(?:disable-next-line|disable-line|disable|enable)(?=\s|$)[^\r\n]*)$/;
/** The directive of a line of its own, without a closing `-->` and trailing space (trimmed by hand: linear time). */
const ownLineBody = (line: string): string | undefined => {
  const m = OWN_LINE_PREFIX.exec(line);
  return m ? m[1]!.trimEnd().replace(/-->$/, '').trimEnd() : undefined;
};

/** True for a line of a plain-text draft that is a directive (and so not published text). */
export function isDirectiveLine(line: string): boolean {
  return line.includes('cftlint-') && OWN_LINE_PREFIX.test(line);
}

function parseBody(body: string): Omit<Directive, 'line' | 'column' | 'targetLine' | 'offset'> | undefined {
  const m = BODY.exec(body);
  if (!m) return undefined;
  const [rules = '', ...reason] = m[2]!.split(/\s--\s|\s--$/);
  return {
    type: m[1] as DirectiveType,
    ruleIds: rules.split(/[\s,]+/).filter(Boolean),
    justification: reason.join(' -- ').trim(),
  };
}

function locate(body: Omit<Directive, 'line' | 'column' | 'targetLine' | 'offset'>, offset: number, endOffset: number, lines: LineIndex): Directive {
  const { line, column } = lines.locate(offset);
  const endLine = lines.locate(endOffset).line;
  const targetLine = body.type === 'disable-next-line' ? endLine + 1 : line;
  return { ...body, line, column, targetLine, offset };
}

export function parseDirectives(text: string, format: 'markdown' | 'plaintext', lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  if (format === 'markdown') {
    for (const m of text.matchAll(COMMENT)) {
      const body = parseBody(m[1]!);
      if (body) directives.push(locate(body, m.index, m.index + m[0].length, lines));
    }
    return directives;
  }
  const lineRe = /[^\r\n]*/g;
  for (const m of text.matchAll(lineRe)) {
    if (!m[0].includes('cftlint-')) continue;
    const own = ownLineBody(m[0]);
    const body = own && parseBody(own);
    if (body) directives.push(locate(body, m.index, m.index + m[0].length, lines));
  }
  return directives;
}

export interface DirectiveOutcome {
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  unused: Directive[];
}

const applies = (d: Directive, ruleId: string) => d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);

/** Splits messages into kept and suppressed, and finds the directives that suppressed nothing. */
export function applyDirectives(messages: LintMessage[], directives: Directive[], offsetOf: (m: LintMessage) => number): DirectiveOutcome {
  const used = new Set<Directive>();
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  const blocks = directives.filter((d) => d.type === 'disable' || d.type === 'enable').sort((a, b) => a.offset - b.offset);
  for (const message of messages) {
    const ruleId = message.ruleId;
    const by = ruleId === null || message.fatal ? [] : suppressorsOf(message, ruleId, directives, blocks, offsetOf(message));
    if (by.length === 0) {
      kept.push(message);
      continue;
    }
    by.forEach((d) => used.add(d));
    suppressed.push({ ...message, suppressions: by.map((d) => ({ kind: 'directive' as const, justification: d.justification })) });
  }
  return { messages: kept, suppressedMessages: suppressed, unused: directives.filter((d) => d.type !== 'enable' && !used.has(d)) };
}

function suppressorsOf(message: LintMessage, ruleId: string, all: Directive[], blocks: Directive[], offset: number): Directive[] {
  const found = all.filter(
    (d) => (d.type === 'disable-line' || d.type === 'disable-next-line') && d.targetLine === message.line && applies(d, ruleId),
  );
  // Block directives: the last disable/enable before the message that concerns this rule decides.
  let active: Directive | undefined;
  for (const d of blocks) {
    if (d.offset > offset) break;
    if (!applies(d, ruleId)) continue;
    active = d.type === 'disable' ? d : undefined;
  }
  if (active) found.push(active);
  return found;
}

export function unusedDirectiveMessage(d: Directive, severity: 1 | 2): LintMessage {
  const which = d.ruleIds.length ? ` (no problems were reported from ${d.ruleIds.map((r) => `'${r}'`).join(', ')})` : '';
  return {
    ruleId: null,
    severity,
    message: `Unused cftlint-${d.type} directive${which}.`,
    line: d.line,
    column: d.column,
    nodeType: null,
  };
}
