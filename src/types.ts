/**
 * The shapes every part of cftlint shares: sources the processors make, the rule API, and the messages and
 * results the formatters print. Messages and results follow ESLint's JSON formatter field for field.
 */
import type { Segment } from './processors/segment.js';
import type { LineIndex } from './processors/line-index.js';

export type { Segment };

export type SeverityName = 'off' | 'warn' | 'error';
export type Severity = 0 | 1 | 2;
export type RuleLevel = SeverityName | Severity;
/** A rule's config entry: `"error"`, `2`, or `["error", { ...options }]`. */
export type RuleEntry = RuleLevel | [RuleLevel, ...unknown[]];

/** The matched text, kept apart from the message so formatters can redact it. */
export interface Evidence {
  text: string;
  /** What kind of detail it is, in words: "phone number", "first name". */
  kind: string;
}

/** A pixel box in an image (after EXIF orientation). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ESLint's text fix: replace `range` (offsets in the file's text) by `text`. */
export interface TextFix {
  range: [number, number];
  text: string;
}

/** A whole-file fix for binary files (images): a pure function of the file's bytes. */
export interface FileFix {
  description: string;
  apply(bytes: Buffer): Promise<Buffer>;
}

export type Fix = TextFix | FileFix;

export interface Suggestion {
  desc: string;
  fix: TextFix;
}

export interface Suppression {
  kind: 'directive' | 'review';
  justification: string;
}

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  nodeType: string | null;
  messageId?: string;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  fix?: TextFix | { description: string };
  suggestions?: Suggestion[];
  evidence?: Evidence;
  region?: Region;
  suppressions?: Suppression[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The file's text, as ESLint prints it when there are messages (dropped when output is redacted). */
  source?: string;
  /** The fixed text, when fixes were applied (ESLint prints it in --fix-dry-run). */
  output?: string;
  usedDeprecatedRules: { ruleId: string; replacedBy: string[] }[];
}

/** Shared, rule-independent data from the config's `settings`. */
export interface Settings {
  /** Names that are always fine to publish: staff, public figures, the Trust's own names. */
  allowNames?: string[];
  organisationNames?: string[];
  reviewers?: string[];
  untrustedDomains?: string[];
  /** The Trust's own social media accounts and hashtags. */
  ownAccounts?: string[];
  [key: string]: unknown;
}

export interface TextSource {
  kind: 'text';
  filePath: string;
  format: 'markdown' | 'plaintext';
  /** The decoded file text (BOM removed); every offset refers to it. */
  text: string;
  /** The pieces of text a reader will see, in document order, each mapped back to the file. */
  segments: Segment[];
  /** Parsed YAML front matter (Markdown), if any. */
  frontMatter?: Record<string, unknown>;
  lines: LineIndex;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'heic' | 'avif';

export interface ImageSource {
  kind: 'image';
  filePath: string;
  format: ImageFormat;
  bytes: Buffer;
  /**
   * Memoise expensive per-image work (metadata parsing, decoding) so that several rules share it:
   * `await source.memo('exif', () => exifr.parse(source.bytes))`.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export type Source = TextSource | ImageSource;

export interface ReportDescriptor {
  messageId?: string;
  message?: string;
  data?: Record<string, string | number>;
  evidence?: Evidence;
  /** Where, for text: a segment and indexes into `segment.text` (end exclusive)… */
  segment?: Segment;
  start?: number;
  end?: number;
  /** …or offsets into the file's text… */
  range?: [number, number];
  /** …or an explicit location. Defaults to 1:1. */
  loc?: { line: number; column: number; endLine?: number; endColumn?: number };
  /** Where, for images. */
  region?: Region;
  /** Overrides the configured severity for this message (e.g. a face judged adult may be a warning). */
  severity?: 1 | 2;
  fix?: Fix;
  suggest?: Suggestion[];
}

export interface RuleContext<Options = Record<string, unknown>> {
  /** The rule id as configured (with a plugin prefix if any). */
  id: string;
  /** Options from config, with the schema's defaults filled in. */
  options: Options;
  settings: Settings;
  filePath: string;
  source: Source;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleHandlers {
  /** Text rules: called once per segment, in document order. */
  segment?(segment: Segment): void;
  /** Text rules: called once per file, after all segments. */
  document?(source: TextSource): void;
  /** Image rules: called once per image. */
  image?(source: ImageSource): void | Promise<void>;
}

export interface RuleMeta {
  kind: 'text' | 'image';
  description: string;
  /** The clause of the policy the rule enforces, quoted. */
  policy: string;
  /** Path of the rule's documentation page, relative to the package root (e.g. `rules/contact-details.md`). */
  docs: string;
  /** Severity in `cftlint:recommended`. */
  defaultSeverity: SeverityName;
  /** Named messages with `{{placeholders}}`, as ESLint's `meta.messages`. */
  messages: Record<string, string>;
  /** JSON Schema for the options object (`["error", { ... }]`); defaults are filled in from it. */
  schema?: Record<string, unknown>;
  fixable?: 'code' | 'metadata';
  /** A valid second-reviewer sign-off on the draft satisfies this rule. */
  reviewable?: boolean;
  deprecated?: boolean;
  replacedBy?: string[];
}

export interface Rule<Options = any> {
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleHandlers;
}

/**
 * Thrown by a rule when the file itself cannot be read (a truncated JPEG, a corrupt container). The engine reports
 * it once per file as a fatal problem with no rule id, like ESLint's parse errors, and never fixes such a file.
 */
export class UnreadableSourceError extends Error {
  override name = 'UnreadableSourceError';
}

export interface Plugin {
  meta?: { name?: string; version?: string };
  rules: Record<string, Rule>;
}

/**
 * A child-identifying detail found in a piece of text, by the finders the text rules export (`findDetails`).
 * `jigsaw-identification` combines them; `bench/detection.ts` scores them against labelled drafts.
 */
export interface DetailSpan {
  start: number;
  end: number;
  /** The rule id that owns this kind of detail (`child-name`, `school-name`…). */
  label: string;
  /** A finer kind for messages and jigsaw groups: "first name", "age", "town", "year group", "event date". */
  kind: string;
}
