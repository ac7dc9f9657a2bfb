/**
 * Canonical JSON for digests (contract §5): object keys sorted by code unit, no whitespace, the
 * same number and string escaping as JSON.stringify. Only JSON values are accepted, so two
 * machines always produce the same bytes for the same bundle.
 */

/**
 * Serialises a JSON value canonically.
 * @throws TypeError for values JSON cannot represent (functions, undefined, NaN, bigint, cycles).
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (node: unknown): string => {
    if (node === null || typeof node === 'boolean' || typeof node === 'string') return JSON.stringify(node);
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) throw new TypeError('canonicalJson: numbers must be finite.');
      return JSON.stringify(node);
    }
    if (typeof node !== 'object') throw new TypeError(`canonicalJson: a ${typeof node} is not JSON.`);
    if (seen.has(node)) throw new TypeError('canonicalJson: the value is cyclic.');
    seen.add(node);
    let text: string;
    if (Array.isArray(node)) {
      text = `[${node.map(walk).join(',')}]`;
    } else {
      const keys = Object.keys(node).filter((k) => (node as Record<string, unknown>)[k] !== undefined).sort();
      text = `{${keys.map((k) => `${JSON.stringify(k)}:${walk((node as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    seen.delete(node);
    return text;
  };
  return walk(value);
}
