/**
 * Envelope encryption for credentials at rest (AES-256-GCM). Each secret gets a
 * fresh data key; the data key is wrapped by the active key of the key ring.
 * The record id (e.g. the connection id) is bound as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * Format: `v1.<keyId>.<wrapIv>.<wrappedKey+tag>.<iv>.<ciphertext+tag>` (base64url parts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config.js';
import { AppError, ERROR_CODES } from '../errors.js';

const VERSION = 'v1';
const TAG_BYTES = 16;

export class VaultError extends AppError {
  constructor(message: string) {
    super(ERROR_CODES.INTERNAL, message);
    this.name = 'VaultError';
  }
}

function seal(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < TAG_BYTES) throw new VaultError('Ciphertext is truncated.');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

export class TokenVault {
  private readonly keys: Map<string, Buffer>;
  readonly activeKeyId: string;

  constructor(ring: EncryptionKey[]) {
    if (ring.length === 0) throw new VaultError('The key ring is empty.');
    this.keys = new Map(ring.map((k) => [k.id, k.key]));
    this.activeKeyId = ring[0]!.id;
  }

  /** Encrypts a JSON value for the record `recordId`. */
  encrypt(value: unknown, recordId: string): string {
    const dataKey = randomBytes(32);
    const active = this.keys.get(this.activeKeyId)!;
    const wrapped = seal(active, dataKey, `${this.activeKeyId}|${recordId}`);
    const body = seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), recordId);
    return [VERSION, this.activeKeyId, b64(wrapped.iv), b64(wrapped.sealed), b64(body.iv), b64(body.sealed)].join('.');
  }

  decrypt<T = unknown>(ciphertext: string, recordId: string): T {
    const { keyId, dataKey, iv, sealed } = this.unwrap(ciphertext, recordId);
    void keyId;
    try {
      return JSON.parse(open(dataKey, iv, sealed, recordId).toString('utf8')) as T;
    } catch {
      throw new VaultError('A stored credential failed its integrity check; it cannot be decrypted for this record.');
    }
  }

  keyIdOf(ciphertext: string): string {
    return ciphertext.split('.')[1] ?? '';
  }

  /** Re-wraps the data key under the active key; the payload itself is untouched. */
  rewrap(ciphertext: string, recordId: string): string {
    const parts = ciphertext.split('.');
    if (parts[1] === this.activeKeyId) return ciphertext;
    const { dataKey } = this.unwrap(ciphertext, recordId);
    const wrapped = seal(this.keys.get(this.activeKeyId)!, dataKey, `${this.activeKeyId}|${recordId}`);
    return [VERSION, this.activeKeyId, b64(wrapped.iv), b64(wrapped.sealed), parts[4], parts[5]].join('.');
  }

  private unwrap(ciphertext: string, recordId: string) {
    const parts = ciphertext.split('.');
    if (parts.length !== 6 || parts[0] !== VERSION) throw new VaultError('Unrecognised ciphertext format.');
    const [, keyId, wrapIv, wrappedKey, iv, sealed] = parts as [string, string, string, string, string, string];
    const kek = this.keys.get(keyId);
    if (!kek) throw new VaultError(`The key "${keyId}" that encrypted this credential is not in NUDGE_ENCRYPTION_KEYS.`);
    let dataKey: Buffer;
    try {
      dataKey = open(kek, unb64(wrapIv), unb64(wrappedKey), `${keyId}|${recordId}`);
    } catch {
      throw new VaultError('A stored credential failed its integrity check; it cannot be decrypted for this record.');
    }
    return { keyId, dataKey, iv: unb64(iv), sealed: unb64(sealed) };
  }
}
