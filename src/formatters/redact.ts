/**
 * Never leak what we find: evidence (a name, a phone number, coordinates) is masked to its first character and
 * its kind, `T*** (phone number)`, everywhere it appears in a result, and the file's text is dropped.
 */
import type { LintMessage, LintResult } from '../types.js';

export function mask(evidence: { text: string; kind: string }): string {
  const first = Array.from(evidence.text.trim())[0] ?? '';
  return `${first}*** (${evidence.kind})`;
}

function redactMessage(message: LintMessage): LintMessage {
  if (!message.evidence) return message;
  const masked = mask(message.evidence);
  const hide = (s: string) => (message.evidence!.text ? s.split(message.evidence!.text).join(masked) : s);
  const redacted: LintMessage = { ...message, message: hide(message.message), evidence: { text: masked, kind: message.evidence.kind } };
  if (message.suggestions) redacted.suggestions = message.suggestions.map((s) => ({ ...s, desc: hide(s.desc) }));
  return redacted;
}

/** A copy of the results with every piece of evidence masked and no file text. */
export function redactResults(results: LintResult[]): LintResult[] {
  return results.map(({ source: _source, output: _output, ...result }) => ({
    ...result,
    messages: result.messages.map(redactMessage),
    suppressedMessages: result.suppressedMessages.map(redactMessage),
  }));
}
