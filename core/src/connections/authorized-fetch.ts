/**
 * Injects an installation's credentials into a plugin's outbound request and
 * handles expiry: when the provider answers with one of its declared expiry
 * signals (a 401, or e.g. a 403 with a known body), the token is refreshed —
 * single-flight — and the request is retried exactly once. The plugin never
 * sees a token; the caller supplies `send` (the sandbox's guarded egress).
 */
import { eq } from 'drizzle-orm';
import { connections } from '../db/schema/installations.js';
import { isExpirySignal } from '../oauth/provider-catalog.js';
import { readCredentials } from './connection-store.js';
import type { ApiKeyCredentials, Credentials } from './credentials.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import type { TokenRefresher } from './token-refresher.js';

export interface OutboundRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface InboundResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  url: string;
}

/** How an api_key connection's values are placed on requests (from the manifest's `auth.inject`). */
export interface InjectRule {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

function withApiKey(req: OutboundRequest, creds: ApiKeyCredentials, rule: InjectRule | undefined): OutboundRequest {
  const url = new URL(req.url);
  for (const [name, template] of Object.entries(rule?.query ?? {})) url.searchParams.set(name, fill(template, creds.values));
  const headers = { ...req.headers };
  for (const [name, template] of Object.entries(rule?.headers ?? {})) headers[name.toLowerCase()] = fill(template, creds.values);
  return { ...req, url: url.toString(), headers };
}

export class AuthorizedFetch {
  constructor(
    private readonly deps: ConnectionsDeps,
    private readonly refresher: TokenRefresher,
  ) {}

  /** Sends `req` for the installation, with its credentials, retrying once after a refresh on an expiry signal. */
  async send(installationId: string, req: OutboundRequest, rule: InjectRule | undefined, send: (req: OutboundRequest) => Promise<InboundResponse>): Promise<InboundResponse> {
    const [row] = await this.deps.db.select().from(connections).where(eq(connections.installationId, installationId));
    if (!row) return send(req);
    const creds = readCredentials<Credentials>(requireVault(this.deps), row);
    if (creds.type === 'api_key') return send(withApiKey(req, creds, rule));
    if (creds.type === 'basic') {
      const basic = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
      return send({ ...req, headers: { ...req.headers, authorization: `Basic ${basic}` } });
    }
    const first = await this.refresher.accessToken(row.id);
    const response = await send({ ...req, headers: { ...req.headers, authorization: `Bearer ${first.accessToken}` } });
    const provider = this.deps.catalog.has(row.provider) ? this.deps.catalog.get(row.provider) : undefined;
    const expired = provider ? isExpirySignal(provider, response.status, response.body) : response.status === 401;
    if (!expired) return response;
    const second = await this.refresher.accessToken(row.id, { rejectedAccessToken: first.accessToken });
    return send({ ...req, headers: { ...req.headers, authorization: `Bearer ${second.accessToken}` } });
  }
}
