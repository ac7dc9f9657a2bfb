/**
 * What the sandbox's egress injects into a plugin's request for an
 * installation: a bearer token (OAuth), the API-key values placed as the
 * manifest's `auth.inject` says, or basic auth. For OAuth it also answers
 * whether a response is the provider's expiry signal (a 401, or e.g. a 403
 * with a known body); if so the token is refreshed — single-flight — and the
 * egress sends the request once more. The plugin never sees a credential.
 */
import { eq } from 'drizzle-orm';
import { connections } from '../db/schema/installations.js';
import { isExpirySignal } from '../oauth/provider-catalog.js';
import type { CredentialInjection } from '../sandbox/egress-guard.js';
import { readCredentials } from './connection-store.js';
import type { ApiKeyCredentials, BasicCredentials, Credentials } from './credentials.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import type { TokenRefresher } from './token-refresher.js';

/** How an api_key connection's values are placed on requests (the manifest's `auth.inject`). */
export interface InjectRule {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

function fill(templates: Record<string, string> | undefined, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates ?? {})) {
    out[name] = template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_m, key: string) => values[key] ?? '');
  }
  return out;
}

export class InstallationCredentials {
  /** Credentials being tested before they are saved, by installation. */
  private readonly candidates = new Map<string, ApiKeyCredentials | BasicCredentials>();

  constructor(
    private readonly deps: ConnectionsDeps,
    private readonly refresher: TokenRefresher,
  ) {}

  /** Runs `test` while requests of the installation carry `candidate` instead of any saved credentials. */
  async withCandidate<T>(installationId: string, candidate: ApiKeyCredentials | BasicCredentials, test: () => Promise<T>): Promise<T> {
    this.candidates.set(installationId, candidate);
    try {
      return await test();
    } finally {
      this.candidates.delete(installationId);
    }
  }

  async injection(installationId: string, rule?: InjectRule): Promise<CredentialInjection | undefined> {
    const candidate = this.candidates.get(installationId);
    if (candidate) return this.inject(candidate, rule);
    const [row] = await this.deps.db.select().from(connections).where(eq(connections.installationId, installationId));
    if (!row) return undefined;
    const creds = readCredentials<Credentials>(requireVault(this.deps), row);
    if (creds.type !== 'oauth2') return this.inject(creds, rule);
    return this.oauth(row.id, row.provider);
  }

  private inject(creds: ApiKeyCredentials | BasicCredentials, rule: InjectRule | undefined): CredentialInjection {
    if (creds.type === 'api_key') return { headers: fill(rule?.headers, creds.values), query: fill(rule?.query, creds.values) };
    return { headers: { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } };
  }

  private async oauth(connectionId: string, providerId: string): Promise<CredentialInjection> {
    const { accessToken } = await this.refresher.accessToken(connectionId);
    const provider = this.deps.catalog.has(providerId) ? this.deps.catalog.get(providerId) : undefined;
    return {
      headers: { authorization: `Bearer ${accessToken}` },
      expired: async (status, body) => {
        const signalled = provider ? isExpirySignal(provider, status, body) : status === 401;
        if (!signalled) return false;
        await this.refresher.accessToken(connectionId, { rejectedAccessToken: accessToken });
        return true;
      },
    };
  }
}
