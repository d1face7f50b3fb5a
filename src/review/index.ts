/** Second-reviewer sign-off: hashing, reading, checking and writing it. */
export { reviewedContent, textHash, bytesHash, normaliseEol } from './content.js';
export { reviewOf, reviewSuppression, reviewNote, readSidecar, attachSidecar, sidecarPath, sourceHash, parseSignOff } from './signoff.js';
export type { ReviewStatus, SignOff } from './signoff.js';
export { approve } from './approve.js';
export type { ApproveOptions, ApproveOutcome } from './approve.js';
