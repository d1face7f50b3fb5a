/**
 * Per-text memos. Several rules ask about the same segment text (jigsaw-identification runs every rule's finder
 * on each segment, child-name asks child-age about ages), so each finder computes a text's details once and
 * shares them. Results are kept per settings object (one lint run shares one) and must be treated as read-only.
 */

/** Memoises `compute(text, context)` per context object and text, keeping at most `limit` texts per context (a long document's worth: jigsaw-identification asks again after a rule has read every segment). */
export function memoPerText<C extends object, T>(compute: (text: string, context: C) => T, limit = 50_000): (text: string, context: C) => T {
  const caches = new WeakMap<C, Map<string, T>>();
  return (text, context) => {
    let cache = caches.get(context);
    if (!cache) caches.set(context, (cache = new Map()));
    let value = cache.get(text);
    if (value === undefined) {
      // A long document starts over rather than growing without bound.
      if (cache.size >= limit) cache.clear();
      value = compute(text, context);
      cache.set(text, value);
    }
    return value;
  };
}

/** True when `options` holds the same values as `defaults` (the options a rule gets when none are configured). */
export function sameOptions(options: object, defaults: object): boolean {
  if (options === defaults) return true;
  const a = options as Record<string, unknown>;
  const b = defaults as Record<string, unknown>;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => sameValue(a[k], b[k]));
}

function sameValue(x: unknown, y: unknown): boolean {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  return Object.is(x, y);
}
