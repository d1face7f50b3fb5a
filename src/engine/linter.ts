/**
 * The Linter runs the configured rules over one Source and returns ESLint's LintResult. Rules never print,
 * read config or touch the disk: they report, and the Linter turns reports into located messages, applies
 * inline directives and review sign-offs, and counts.
 */
import { UnreadableSourceError, type FileFix, type LintMessage, type LintResult, type ReportDescriptor, type Rule, type RuleContext, type Settings, type Source, type TextSource } from '../types.js';
import { applyDirectives, parseDirectives, unusedDirectiveMessage } from './directives.js';
import { isTextFix } from './fixer.js';

export interface ConfiguredRule {
  id: string;
  rule: Rule;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface LintOptions {
  rules: ConfiguredRule[];
  settings: Settings;
  /** Severity of "unused directive" problems; 0 leaves them out. */
  reportUnusedDisableDirectives?: 0 | 1 | 2;
  /** Rule ids whose messages a valid second-reviewer sign-off satisfies (see review.ts). */
  reviewedBy?: (source: Source) => { justification: string } | undefined;
}

export interface LintOutcome {
  result: LintResult;
  /** Whole-file fixes (images) for the messages that were kept, in report order. */
  fileFixes: FileFix[];
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; `{{evidence}}` is the matched text (redacted later by the formatter stage). */
function render(template: string, data: Record<string, string | number> | undefined, evidence?: string): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    if (key === 'evidence' && evidence !== undefined) return evidence;
    const value = data?.[key];
    return value === undefined ? whole : String(value);
  });
}

function locate(source: Source, d: ReportDescriptor): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  if (d.loc) return d.loc;
  if (source.kind !== 'text') return { line: 1, column: 1 };
  let range = d.range;
  if (!range && d.segment) range = d.segment.range(d.start ?? 0, d.end ?? d.segment.text.length);
  if (!range) return { line: 1, column: 1 };
  const from = source.lines.locate(range[0]);
  const to = source.lines.locate(range[1]);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export function fatalResult(filePath: string, message: string, line = 1, column = 1): LintResult {
  return countResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message, line, column, nodeType: null }], []);
}

export function countResult(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[], source?: string): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    suppressedMessages,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  if (messages.length > 0 && source !== undefined) result.source = source;
  return result;
}

export async function lintSource(source: Source, options: LintOptions): Promise<LintOutcome> {
  const messages: LintMessage[] = [];
  const fileFixOf = new Map<LintMessage, FileFix>();
  const rules = options.rules.filter((r) => r.rule.meta.kind === source.kind);

  for (const configured of rules) {
    const { id, rule, severity } = configured;
    const context: RuleContext = {
      id,
      options: configured.options,
      settings: options.settings,
      filePath: source.filePath,
      source,
      report(d) {
        const template = d.messageId ? rule.meta.messages[d.messageId] : d.message;
        if (template === undefined) throw new Error(`rule '${id}' reported unknown messageId '${d.messageId}'`);
        const message: LintMessage = {
          ruleId: id,
          severity: d.severity ?? severity,
          message: render(template, d.data, d.evidence?.text),
          ...locate(source, d),
          nodeType: null,
        };
        if (d.messageId) message.messageId = d.messageId;
        if (d.evidence) message.evidence = d.evidence;
        if (d.region) message.region = d.region;
        if (d.suggest?.length) message.suggestions = d.suggest;
        if (d.fix && isTextFix(d.fix)) message.fix = d.fix;
        else if (d.fix) {
          message.fix = { description: d.fix.description };
          fileFixOf.set(message, d.fix);
        }
        messages.push(message);
      },
    };
    try {
      const handlers = rule.create(context);
      if (source.kind === 'text') {
        if (handlers.segment) for (const segment of source.segments) handlers.segment(segment);
        handlers.document?.(source);
      } else {
        await handlers.image?.(source);
      }
    } catch (error) {
      if (error instanceof UnreadableSourceError) {
        // Several rules may find the same damage: the file gets one fatal message, the first.
        if (!messages.some((m) => m.fatal && m.ruleId === null)) {
          messages.push({ ruleId: null, severity: 2, fatal: true, message: error.message, line: 1, column: 1, nodeType: null });
        }
        continue;
      }
      messages.push({
        ruleId: id,
        severity: 2,
        fatal: true,
        message: `Rule '${id}' failed on this file: ${error instanceof Error ? error.message : String(error)}`,
        line: 1,
        column: 1,
        nodeType: null,
      });
    }
  }

  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const { kept, suppressed } = suppress(source, messages, options);
  const result = countResult(source.filePath, kept, suppressed, source.kind === 'text' ? source.text : undefined);
  return { result, fileFixes: kept.flatMap((m) => fileFixOf.get(m) ?? []) };
}

/** Inline directives (text) and second-reviewer sign-offs (reviewable rules) move messages to `suppressedMessages`. */
function suppress(source: Source, messages: LintMessage[], options: LintOptions): { kept: LintMessage[]; suppressed: LintMessage[] } {
  let kept = messages;
  const suppressed: LintMessage[] = [];
  if (source.kind === 'text') {
    const directives = parseDirectives(source.text, source.format, source.lines);
    const outcome = applyDirectives(kept, directives, offsetIn(source));
    kept = outcome.messages;
    suppressed.push(...outcome.suppressedMessages);
    const level = options.reportUnusedDisableDirectives ?? 0;
    if (level > 0) kept.push(...outcome.unused.map((d) => unusedDirectiveMessage(d, level as 1 | 2)));
  }
  const review = options.reviewedBy?.(source);
  if (review) {
    const reviewable = new Set(options.rules.filter((r) => r.rule.meta.reviewable).map((r) => r.id));
    const stillKept: LintMessage[] = [];
    for (const m of kept) {
      if (m.ruleId && reviewable.has(m.ruleId)) suppressed.push({ ...m, suppressions: [{ kind: 'review', justification: review.justification }] });
      else stillKept.push(m);
    }
    kept = stillKept;
  }
  kept.sort((a, b) => a.line - b.line || a.column - b.column);
  return { kept, suppressed };
}

function offsetIn(source: TextSource) {
  return (m: LintMessage) => source.lines.lineStart(m.line) + m.column - 1;
}
