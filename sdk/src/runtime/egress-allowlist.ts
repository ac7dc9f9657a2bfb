/**
 * The egress allowlist matcher shared by the host's fetch guard and the SDK's
 * static manifest validator. Pure: no DNS, no I/O. `*.example.com` matches any
 * subdomain of example.com at any depth, never example.com itself.
 */

const HOST_PATTERN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Lower-cases and strips one trailing dot, so `API.Example.com.` compares as `api.example.com`. */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True when `pattern` is a valid allowlist entry: a DNS name with at least two labels, optionally `*.`-prefixed. */
export function isValidHostPattern(pattern: string): boolean {
  return pattern.length <= 253 && HOST_PATTERN.test(pattern);
}

/**
 * True when `host` is allowed by one of `patterns`.
 * @example hostAllowed('acme.myshopify.com', ['*.myshopify.com']) // true
 * @example hostAllowed('myshopify.com', ['*.myshopify.com'])      // false
 */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = normalizeHost(host);
  if (name === '' || name.includes('*')) return false;
  for (const raw of patterns) {
    const pattern = normalizeHost(raw);
    if (!isValidHostPattern(pattern)) continue;
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1); // ".example.com"
      if (name.length > suffix.length && name.endsWith(suffix)) return true;
    } else if (name === pattern) {
      return true;
    }
  }
  return false;
}
