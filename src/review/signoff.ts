/**
 * Reading a second reviewer's sign-off and deciding whether it still holds. A sign-off is
 * `review: { by, on, hash }`, in a Markdown draft's front matter or in a sidecar `<file>.review.yaml`
 * (plain text, images, or Markdown). It holds while `hash` matches the draft's current content.
 */
import { readFileSync } from 'node:fs';
import { yamlModule } from '../yaml.js';
import type { Settings, Source } from '../types.js';
import { bytesHash, textHash } from './content.js';

export interface SignOff {
  by: string;
  on: string;
  hash: string;
}

export type ReviewStatus =
  | { status: 'valid'; by: string; on: string }
  | { status: 'stale'; by: string; on: string }
  | { status: 'none'; problem?: string }
  | { status: 'not-allowed'; by: string; on: string; reason: string };

/** The sidecar that holds the sign-off of `filePath`. */
export const sidecarPath = (filePath: string): string => `${filePath}.review.yaml`;

/** A YAML date or string as `YYYY-MM-DD` (unquoted dates may be parsed as Date objects by some schemas). */
const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim());

/** Reads `{ by, on, hash }` from a `review` value (or a sidecar's top level); undefined when absent, a problem when malformed. */
export function parseSignOff(value: unknown): SignOff | { problem: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return { problem: 'the review entry is not a mapping of by, on and hash' };
  const { by, on, hash } = value as Record<string, unknown>;
  if (typeof by !== 'string' || by.trim() === '') return { problem: 'the review entry has no `by`' };
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash.trim())) return { problem: 'the review entry has no valid `hash`' };
  return { by: by.trim(), on: dateText(on), hash: hash.trim().toLowerCase() };
}

/**
 * Reads the sidecar `<filePath>.review.yaml` (for the engine: rules never touch the disk). Returns undefined
 * when there is none; a malformed sidecar comes back as `{ problem }` so the draft reads as unreviewed, with a reason.
 */
export function readSidecar(filePath: string): SignOff | { problem: string } | undefined {
  let raw: string;
  try {
    raw = readFileSync(sidecarPath(filePath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { problem: `cannot read ${sidecarPath(filePath)}: ${(error as Error).message}` };
  }
  let doc: unknown;
  try {
    doc = yamlModule().parse(raw); // yaml loads only when a sidecar exists
  } catch (error) {
    return { problem: `${sidecarPath(filePath)} is not valid YAML: ${(error as Error).message}` };
  }
  const record = doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : undefined;
  return parseSignOff(record && 'review' in record ? record.review : doc) ?? { problem: `${sidecarPath(filePath)} has no review entry` };
}

const sidecars = new WeakMap<Source, SignOff | { problem: string }>();

/** Hands a sidecar sign-off (from `readSidecar`) to a loaded Source, so rules and the engine see it via `reviewOf`. */
export function attachSidecar(source: Source, signOff: SignOff | { problem: string } | undefined): void {
  if (signOff) sidecars.set(source, signOff);
  else sidecars.delete(source);
}

const hashes = new WeakMap<Source, string>();

/** The review hash of a loaded Source's current content (memoised per Source). */
export function sourceHash(source: Source): string {
  let hash = hashes.get(source);
  if (hash === undefined) {
    hash = source.kind === 'text' ? textHash(source.text, source.format) : bytesHash(source.bytes);
    hashes.set(source, hash);
  }
  return hash;
}

/** Case- and space-insensitive name comparison ("A.  Reviewer" is "a. reviewer"). */
export const sameName = (a: string, b: string): boolean =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** Why `by` may not sign off this draft, or undefined when they may. */
export function whyNotAllowed(by: string, author: unknown, settings: Settings): string | undefined {
  if (typeof author === 'string' && sameName(author, by)) return `${by} is the draft's author; a second pair of eyes must be someone else`;
  const reviewers = settings.reviewers;
  if (Array.isArray(reviewers) && reviewers.length > 0 && !reviewers.some((r) => typeof r === 'string' && sameName(r, by))) {
    return `${by} is not listed in settings.reviewers`;
  }
  return undefined;
}

/**
 * The review status of a draft: its front-matter sign-off (Markdown) or else its attached sidecar, checked
 * against the current content and against who may sign off (not the author; `settings.reviewers` when set).
 */
export function reviewOf(source: Source, settings: Settings, sidecar = sidecars.get(source)): ReviewStatus {
  const frontMatter = source.kind === 'text' ? source.frontMatter : undefined;
  const found = parseSignOff(frontMatter?.review) ?? sidecar;
  if (!found) return { status: 'none' };
  if ('problem' in found) return { status: 'none', problem: found.problem };
  const { by, on } = found;
  const reason = whyNotAllowed(by, frontMatter?.author, settings);
  if (reason) return { status: 'not-allowed', by, on, reason };
  return found.hash === sourceHash(source) ? { status: 'valid', by, on } : { status: 'stale', by, on };
}

/** For the engine's `LintOptions.reviewedBy`: a justification when a valid sign-off satisfies reviewable rules. */
export function reviewSuppression(source: Source, settings: Settings): { justification: string } | undefined {
  const review = reviewOf(source, settings);
  return review.status === 'valid' ? { justification: `reviewed by ${review.by} on ${review.on}` } : undefined;
}

/** The sentence a reviewable rule adds to its message for a stale or refused sign-off; empty when there is nothing to say. */
export function reviewNote(review: ReviewStatus): string {
  if (review.status === 'stale') return ` Reviewed by ${review.by} on ${review.on}, but changed since: ask for a fresh review.`;
  if (review.status === 'not-allowed') return ` The sign-off does not count: ${review.reason}.`;
  if (review.status === 'none' && review.problem) return ` The sign-off does not count: ${review.problem}.`;
  return '';
}
