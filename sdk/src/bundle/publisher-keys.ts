/**
 * Publisher signing keys: ed25519 pairs in PEM files, the private one written with mode 0600, and
 * a key id derived from the public key (base64url of its SPKI sha256, first 16 characters).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** File names inside a key directory. */
export const PRIVATE_KEY_FILE = 'publisher.key';
export const PUBLIC_KEY_FILE = 'publisher.pub';

/** A loaded key pair. */
export interface PublisherKeys {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** The key id of a public key: base64url(sha256(SPKI DER)), truncated to 16 characters. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

/**
 * Generates a key pair into `dir` and refuses to overwrite an existing private key.
 * @returns the key id and the two file paths.
 */
export async function generatePublisherKeys(dir: string): Promise<{ keyId: string; privateKeyPath: string; publicKeyPath: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privateKeyPath = path.join(dir, PRIVATE_KEY_FILE);
  const publicKeyPath = path.join(dir, PUBLIC_KEY_FILE);
  // 'wx' fails if the file exists: a publisher key is never silently replaced.
  await writeFile(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  await chmod(privateKeyPath, 0o600);
  await writeFile(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { keyId: keyIdOf(publicKey), privateKeyPath, publicKeyPath };
}

/** Loads the pair from `dir` (the public key is derived from the private one). */
export async function loadPublisherKeys(dir: string): Promise<PublisherKeys> {
  const privateKey = createPrivateKey(await readFile(path.join(dir, PRIVATE_KEY_FILE), 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path.join(dir, PRIVATE_KEY_FILE)} is not an ed25519 key.`);
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
