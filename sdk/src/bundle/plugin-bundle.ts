/**
 * The signed bundle file (contract §5): its shape, its digest (sha256 over the canonical JSON of
 * format, manifest, code, tests and fixtures) and its ed25519 signature over the digest string.
 * `verifyBundle` is what a loader runs before it trusts a bundle.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The bundle format tag this SDK writes and reads. */
export const BUNDLE_FORMAT = 'nudge-bundle/1';

/** Stable codes of bundle verification failures. */
export const BUNDLE_ERROR_CODES = {
  BUNDLE_MALFORMED: 'BUNDLE_MALFORMED',
  DIGEST_MISMATCH: 'DIGEST_MISMATCH',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
} as const;

/** One of {@link BUNDLE_ERROR_CODES}' values. */
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[keyof typeof BUNDLE_ERROR_CODES];

/** The signed parts of a bundle. */
export interface BundleContent {
  format: typeof BUNDLE_FORMAT;
  manifest: Record<string, unknown>;
  code: string;
  tests: unknown[];
  fixtures: unknown[];
}

/** A bundle file, `dist/<id>-<version>.nudge.json`. */
export interface PluginBundle extends BundleContent {
  digest: string;
  signature: { keyId: string; algorithm: 'ed25519'; value: string };
}

/** `sha256:<hex>` over the canonical JSON of the signed parts. */
export function digestBundle(content: BundleContent): string {
  const { format, manifest, code, tests, fixtures } = content;
  return `sha256:${createHash('sha256').update(canonicalJson({ format, manifest, code, tests, fixtures }), 'utf8').digest('hex')}`;
}

/** Digests and signs bundle content with an ed25519 private key. */
export function signBundle(content: BundleContent, privateKey: KeyObject, keyId: string): PluginBundle {
  const digest = digestBundle(content);
  const value = sign(null, Buffer.from(digest, 'utf8'), privateKey).toString('base64');
  return { ...content, digest, signature: { keyId, algorithm: 'ed25519', value } };
}

/** The outcome of {@link verifyBundle}. */
export type BundleVerification = { ok: true; keyId: string; digest: string } | { ok: false; code: BundleErrorCode; message: string };

function isBundle(value: unknown): value is PluginBundle {
  const b = value as Partial<PluginBundle> | null;
  return (
    !!b &&
    typeof b === 'object' &&
    b.format === BUNDLE_FORMAT &&
    typeof b.code === 'string' &&
    !!b.manifest &&
    typeof b.manifest === 'object' &&
    Array.isArray(b.tests) &&
    Array.isArray(b.fixtures) &&
    typeof b.digest === 'string' &&
    !!b.signature &&
    b.signature.algorithm === 'ed25519' &&
    typeof b.signature.keyId === 'string' &&
    typeof b.signature.value === 'string'
  );
}

/**
 * Checks a bundle's digest and signature. `publicKeyFor` returns the PEM (or KeyObject) of a trusted
 * publisher key id, or undefined when the key is not trusted.
 * @example
 * const result = verifyBundle(JSON.parse(text), (id) => trusted.get(id));
 * if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
 */
export function verifyBundle(bundle: unknown, publicKeyFor: (keyId: string) => string | KeyObject | undefined): BundleVerification {
  if (!isBundle(bundle)) {
    return { ok: false, code: BUNDLE_ERROR_CODES.BUNDLE_MALFORMED, message: `The file is not a ${BUNDLE_FORMAT} bundle with a digest and an ed25519 signature.` };
  }
  let digest: string;
  try {
    digest = digestBundle(bundle);
  } catch (error) {
    return { ok: false, code: BUNDLE_ERROR_CODES.BUNDLE_MALFORMED, message: `The bundle cannot be digested: ${(error as Error).message}` };
  }
  if (digest !== bundle.digest) {
    return { ok: false, code: BUNDLE_ERROR_CODES.DIGEST_MISMATCH, message: `The bundle content hashes to ${digest}, not to the recorded ${bundle.digest}: it was modified.` };
  }
  const key = publicKeyFor(bundle.signature.keyId);
  if (!key) return { ok: false, code: BUNDLE_ERROR_CODES.UNKNOWN_KEY, message: `The signing key ${bundle.signature.keyId} is not trusted.` };
  let valid = false;
  try {
    valid = verify(null, Buffer.from(digest, 'utf8'), typeof key === 'string' ? createPublicKey(key) : key, Buffer.from(bundle.signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, code: BUNDLE_ERROR_CODES.SIGNATURE_INVALID, message: `The signature does not verify with key ${bundle.signature.keyId}.` };
  return { ok: true, keyId: bundle.signature.keyId, digest };
}
