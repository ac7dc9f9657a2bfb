/**
 * Typed configuration read once from the environment. A bad value throws a
 * ConfigError whose message is one line naming the variable and what is expected.
 */
import path from 'node:path';
import { ConfigError } from './errors.js';
import { parseSsoConfig, type SsoConfig } from './identity/sso/sso-config.js';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  encryptionKeys: EncryptionKey[] | undefined;
  logLevel: string;
  /** Seed demo data: by default only into the embedded database (`NUDGE_DEMO` unset). */
  demo: boolean | undefined;
  /** Sandbox worker processes; default the number of cores. */
  sandboxWorkers: number | undefined;
  /** SMTP server that drains the email outbox, e.g. smtp://user:pass@mail.example.com:587. */
  smtpUrl: string | undefined;
  /**
   * Development and test only: real API hosts pointed at local fixture servers
   * (`NUDGE_HOST_OVERRIDES='{"acme.myshopify.com":"http://127.0.0.1:4010"}'`). Loopback targets only.
   */
  hostOverrides: Record<string, { address: string; port: number; protocol: 'http' | 'https' }>;
  /** Sign-in through an external OpenID Connect provider (`NUDGE_SSO_*`, see identity/sso/sso-config.ts). */
  sso: SsoConfig | undefined;
}

type Env = Record<string, string | undefined>;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}".`);
  }
  return Number(raw);
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL like postgres://user@host:5432/dbname; it could not be parsed.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//".`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL must name a host and a database, like postgres://user@host:5432/dbname.');
  }
  return raw;
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === '') return `http://127.0.0.1:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must use http or https, got "${url.protocol}".`);
  }
  return url.origin + url.pathname.replace(/\/$/, '');
}

/** `NUDGE_ENCRYPTION_KEYS` is `id:base64key[,id:base64key…]`; the first key is the active one. */
export function parseEncryptionKeys(raw: string | undefined): EncryptionKey[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const keys: EncryptionKey[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const [id, b64, ...rest] = part.trim().split(':');
    if (!id || !b64 || rest.length > 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new ConfigError('NUDGE_ENCRYPTION_KEYS must be comma-separated id:base64key pairs, e.g. "k1:<44 base64 chars>".');
    }
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) {
      throw new ConfigError(`NUDGE_ENCRYPTION_KEYS key "${id}" must decode to 32 bytes (AES-256), got ${key.length}.`);
    }
    if (seen.has(id)) throw new ConfigError(`NUDGE_ENCRYPTION_KEYS names key id "${id}" twice.`);
    seen.add(id);
    keys.push({ id, key });
  }
  return keys;
}

function parseWorkers(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) throw new ConfigError(`SANDBOX_WORKERS must be an integer from 1 to 64, got "${raw}".`);
  return Number(raw);
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // fall through
  }
  throw new ConfigError('SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465.');
}

export function parseHostOverrides(raw: string | undefined): Config['hostOverrides'] {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('NUDGE_HOST_OVERRIDES must be a JSON object like {"api.example.com":"http://127.0.0.1:4010"}.');
  }
  const out: Config['hostOverrides'] = {};
  for (const [host, target] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
    let url: URL | undefined;
    try {
      url = new URL(String(target));
    } catch {
      url = undefined;
    }
    if (!url || !/^127\.\d+\.\d+\.\d+$|^\[::1\]$/.test(url.hostname) || !url.port || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError(`NUDGE_HOST_OVERRIDES for "${host}" must be a loopback URL with a port, like http://127.0.0.1:4010.`);
    }
    out[host.toLowerCase()] = { address: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port), protocol: url.protocol === 'https:' ? 'https' : 'http' };
  }
  return out;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}".`);
  }
  const demoRaw = env.NUDGE_DEMO || undefined;
  if (demoRaw !== undefined && !['0', '1', 'true', 'false'].includes(demoRaw)) {
    throw new ConfigError(`NUDGE_DEMO must be 1 or 0, got "${demoRaw}".`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    dataDir: path.resolve(env.DATA_DIR || './.data'),
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
    encryptionKeys: parseEncryptionKeys(env.NUDGE_ENCRYPTION_KEYS),
    logLevel,
    demo: demoRaw === undefined ? undefined : demoRaw === '1' || demoRaw === 'true',
    sandboxWorkers: parseWorkers(env.SANDBOX_WORKERS),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    hostOverrides: parseHostOverrides(env.NUDGE_HOST_OVERRIDES),
    sso: parseSsoConfig(env),
  };
}
