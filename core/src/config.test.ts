import { describe, expect, it } from 'vitest';
import { loadConfig, parseEncryptionKeys } from './config.js';
import { ConfigError } from './errors.js';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.encryptionKeys).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /DATABASE_URL must start with postgres/],
    [{ DATABASE_URL: 'postgres://localhost' }, /must name a host and a database/],
    [{ PUBLIC_URL: 'ftp://x' }, /PUBLIC_URL must use http or https/],
    [{ NUDGE_ENCRYPTION_KEYS: 'k1' }, /NUDGE_ENCRYPTION_KEYS must be comma-separated/],
    [{ NUDGE_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, /must decode to 32 bytes/],
    [{ NUDGE_ENCRYPTION_KEYS: `k1:${key},k1:${key}` }, /names key id "k1" twice/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ SANDBOX_WORKERS: '0' }, /SANDBOX_WORKERS must be an integer from 1 to 64/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must look like smtp:/],
    [{ NUDGE_HOST_OVERRIDES: '{nope' }, /NUDGE_HOST_OVERRIDES must be a JSON object/],
    [{ NUDGE_HOST_OVERRIDES: '{"acme.myshopify.com":"http://10.0.0.5:80"}' }, /must be a loopback URL with a port/],
  ])('rejects %j with one clear line', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('parses a key ring with the first key active', () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    const keys = parseEncryptionKeys(`new:${key}, old:${other}`);
    expect(keys?.map((k) => k.id)).toEqual(['new', 'old']);
    expect(keys?.[0]?.key.length).toBe(32);
  });

  it('reads host overrides that point real API hosts at loopback fixture servers', () => {
    expect(loadConfig({ NUDGE_HOST_OVERRIDES: '{"Acme.myshopify.com":"http://127.0.0.1:4010"}' }).hostOverrides).toEqual({
      'acme.myshopify.com': { address: '127.0.0.1', port: 4010, protocol: 'http' },
    });
  });

  it('normalises PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hub.example.com/' }).publicUrl).toBe('https://hub.example.com');
  });
});
