/**
 * Deep redaction of secrets before anything is logged or stored as run history.
 * Keys that look secret are replaced wholesale; bearer/basic credentials inside
 * free text are masked too, so a token pasted into a message does not leak.
 */

const SECRET_KEY = /(secret|password|passwd|token|authorization|api[-_]?key|cookie|credential|private[-_]?key|client[-_]?secret)/i;
const INLINE_SECRET = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
export const REDACTED = '[REDACTED]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactText(text: string): string {
  return text.replace(INLINE_SECRET, (_m, scheme: string) => `${scheme} ${REDACTED}`);
}

/** Returns a redacted deep copy. Cycles and depth beyond 12 are cut, never thrown on. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), ...(redact({ ...value }, depth + 1, seen) as object) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && inner !== null && inner !== undefined && inner !== '' ? REDACTED : redact(inner, depth + 1, seen);
  }
  return out;
}
