import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { developmentKey, resolveVault } from './key-ring.js';
import { TokenVault } from './token-vault.js';

const k = (id: string) => ({ id, key: randomBytes(32) });

describe('TokenVault', () => {
  const secret = { access_token: 'at-very-secret', refresh_token: 'rt-very-secret' };

  it('round-trips and never contains the plaintext', () => {
    const vault = new TokenVault([k('a')]);
    const ct = vault.encrypt(secret, 'conn-1');
    expect(ct.startsWith('v1.a.')).toBe(true);
    expect(ct).not.toContain('very-secret');
    expect(Buffer.from(ct.split('.').slice(2).join(''), 'base64url').toString('latin1')).not.toContain('very-secret');
    expect(vault.decrypt(ct, 'conn-1')).toEqual(secret);
  });

  it('binds the record id: a ciphertext moved to another record does not decrypt', () => {
    const vault = new TokenVault([k('a')]);
    const ct = vault.encrypt(secret, 'conn-1');
    expect(() => vault.decrypt(ct, 'conn-2')).toThrow(/integrity check/);
  });

  it('detects tampering', () => {
    const vault = new TokenVault([k('a')]);
    const parts = vault.encrypt(secret, 'c').split('.');
    const body = Buffer.from(parts[5]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[5] = body.toString('base64url');
    expect(() => vault.decrypt(parts.join('.'), 'c')).toThrow(/integrity check/);
  });

  it('rotates: old ciphertexts still decrypt, rewrap moves them to the active key', () => {
    const oldKey = k('old');
    const before = new TokenVault([oldKey]);
    const ct = before.encrypt(secret, 'c');
    const after = new TokenVault([k('new'), oldKey]);
    expect(after.decrypt(ct, 'c')).toEqual(secret);
    const rewrapped = after.rewrap(ct, 'c');
    expect(after.keyIdOf(rewrapped)).toBe('new');
    expect(after.rewrap(rewrapped, 'c')).toBe(rewrapped);
    const onlyNew = new TokenVault([{ id: 'new', key: (after as unknown as { keys: Map<string, Buffer> }).keys.get('new')! }]);
    expect(onlyNew.decrypt(rewrapped, 'c')).toEqual(secret);
    expect(() => onlyNew.decrypt(ct, 'c')).toThrow(/"old" .* not in NUDGE_ENCRYPTION_KEYS/);
  });
});

describe('resolveVault', () => {
  it('generates and reuses a development key only in embedded mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-vault-'));
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as never;
    const vault = resolveVault({ encryptionKeys: undefined, databaseUrl: undefined, dataDir: dir }, logger);
    expect(vault?.activeKeyId).toBe('dev');
    expect(warnings.join('')).toMatch(/DEVELOPMENT ENCRYPTION KEY/);
    expect(fs.statSync(path.join(dir, 'dev-encryption-key')).mode & 0o777).toBe(0o600);
    expect(developmentKey(dir).key.equals(developmentKey(dir).key)).toBe(true);
    expect(resolveVault({ encryptionKeys: undefined, databaseUrl: 'postgres://x@y/z', dataDir: dir })).toBeUndefined();
  });
});
