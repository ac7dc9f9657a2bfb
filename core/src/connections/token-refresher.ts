/**
 * Hands out valid access tokens. Refresh happens before expiry (within a skew
 * window) or when the provider signalled expiry, and is single-flight: within
 * a process by a shared promise, across processes by a row lock
 * (`SELECT … FOR UPDATE`) held while the token endpoint is called. The new
 * refresh token is committed before the new access token is returned.
 */
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { connections } from '../db/schema/installations.js';
import { AppError, ERROR_CODES } from '../errors.js';
import { clientCredentials, refreshTokens, type ProviderContext } from '../oauth/oauth-client.js';
import { OAuthError } from '../oauth/oauth-errors.js';
import { resolveEndpoints } from '../oauth/provider-catalog.js';
import { readCredentials, type ConnectionRow } from './connection-store.js';
import type { OAuthCredentials } from './credentials.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import { oauthAppFor } from './oauth-apps.js';
import { markNeedsReauth } from './reauth.js';

export class ConnectionNeedsReauthError extends AppError {
  constructor(reason: string) {
    super(ERROR_CODES.CONFLICT, `The connection needs to be re-authorised by the customer (${reason}).`, { details: { connectionState: 'needs_reauth' } });
    this.name = 'ConnectionNeedsReauthError';
  }
}

export interface AccessTokenOptions {
  /** Refresh when the token expires within this many seconds. */
  minValiditySeconds?: number;
  /** The token the provider just rejected: refresh unless someone already replaced it. */
  rejectedAccessToken?: string;
}

export interface RefreshOutcome {
  accessToken: string;
  tokenType: string;
  refreshed: boolean;
}

export class TokenRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();
  /** Counts of refresh outcomes, read by metrics. */
  readonly outcomes = { refreshed: 0, reused: 0, invalid_grant: 0, failed: 0 };

  constructor(private readonly deps: ConnectionsDeps) {}

  async accessToken(connectionId: string, options: AccessTokenOptions = {}): Promise<RefreshOutcome> {
    const key = `${connectionId}|${options.rejectedAccessToken ? 'rejected' : 'ok'}`;
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const promise = this.load(connectionId, options).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Refreshes every active connection whose access token expires within `skewSeconds`. */
  async refreshExpiring(skewSeconds = 300): Promise<{ refreshed: number; failed: number }> {
    const horizon = new Date(this.deps.now().getTime() + skewSeconds * 1000);
    const due = await this.deps.db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.state, 'active'), eq(connections.hasRefreshToken, true), isNotNull(connections.accessTokenExpiresAt), lt(connections.accessTokenExpiresAt, horizon)));
    let refreshed = 0;
    let failed = 0;
    for (const { id } of due) {
      try {
        if ((await this.accessToken(id, { minValiditySeconds: skewSeconds })).refreshed) refreshed += 1;
      } catch (err) {
        failed += 1;
        this.deps.logger.warn({ connectionId: id, code: (err as AppError).code }, 'proactive token refresh failed');
      }
    }
    return { refreshed, failed };
  }

  private fresh(row: ConnectionRow, minValiditySeconds: number): boolean {
    if (!row.accessTokenExpiresAt) return true;
    return row.accessTokenExpiresAt.getTime() - this.deps.now().getTime() > minValiditySeconds * 1000;
  }

  private async load(connectionId: string, options: AccessTokenOptions): Promise<RefreshOutcome> {
    const vault = requireVault(this.deps);
    const minValidity = options.minValiditySeconds ?? 60;
    const [row] = await this.deps.db.select().from(connections).where(eq(connections.id, connectionId));
    if (!row) throw new AppError(ERROR_CODES.NOT_FOUND, 'Connection was not found.');
    if (row.state !== 'active') throw new ConnectionNeedsReauthError(row.lastError ?? row.state);
    const creds = readCredentials<OAuthCredentials>(vault, row);
    if (creds.type !== 'oauth2') return { accessToken: '', tokenType: 'none', refreshed: false };
    const rejected = options.rejectedAccessToken !== undefined && options.rejectedAccessToken === creds.accessToken;
    if (!rejected && this.fresh(row, minValidity)) {
      this.outcomes.reused += 1;
      return { accessToken: creds.accessToken, tokenType: creds.tokenType, refreshed: false };
    }
    return this.refreshLocked(connectionId, minValidity, options.rejectedAccessToken);
  }

  private async refreshLocked(connectionId: string, minValidity: number, rejectedAccessToken: string | undefined): Promise<RefreshOutcome> {
    const vault = requireVault(this.deps);
    let reauthReason: string | undefined;
    // Read everything but the locked row before the transaction: PGlite has a single
    // connection, so a query outside the transaction would wait for it forever.
    const [current] = await this.deps.db.select({ provider: connections.provider, metadata: connections.metadata }).from(connections).where(eq(connections.id, connectionId));
    if (!current) throw new AppError(ERROR_CODES.NOT_FOUND, 'Connection was not found.');
    const ctx = await this.providerContext(current);
    const outcome = await this.deps.db.transaction(async (tx) => {
      // The row lock serialises refreshers in every process sharing this database.
      const [row] = await tx.select().from(connections).where(eq(connections.id, connectionId)).for('update');
      if (!row || row.state !== 'active') throw new ConnectionNeedsReauthError(row?.lastError ?? 'not active');
      const creds = readCredentials<OAuthCredentials>(vault, row);
      const stillRejected = rejectedAccessToken !== undefined && rejectedAccessToken === creds.accessToken;
      if (!stillRejected && this.fresh(row, minValidity)) {
        this.outcomes.reused += 1;
        return { accessToken: creds.accessToken, tokenType: creds.tokenType, refreshed: false };
      }
      if (!creds.refreshToken && creds.grant !== 'client_credentials') {
        reauthReason = 'the access token expired and the provider issued no refresh token';
        await markNeedsReauth(tx, connectionId, reauthReason, this.deps.now());
        return undefined; // commit the state change
      }
      let tokens;
      try {
        tokens = creds.grant === 'client_credentials' ? await clientCredentials(ctx, creds.scopes ?? []) : await refreshTokens(ctx, creds.refreshToken!);
      } catch (err) {
        if (err instanceof OAuthError && err.oauthCode === 'invalid_grant') {
          reauthReason = 'invalid_grant';
          await markNeedsReauth(tx, connectionId, reauthReason, this.deps.now());
          return undefined; // commit the state change
        }
        this.outcomes.failed += 1;
        throw err;
      }
      const next: OAuthCredentials = {
        type: 'oauth2',
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? creds.refreshToken,
        tokenType: tokens.tokenType,
        ...(creds.grant ? { grant: creds.grant } : {}),
        ...(creds.scopes ? { scopes: creds.scopes } : {}),
      };
      const now = this.deps.now();
      await tx
        .update(connections)
        .set({
          credentials: vault.encrypt(next, row.id),
          keyId: vault.activeKeyId,
          hasRefreshToken: Boolean(next.refreshToken) || next.grant === 'client_credentials',
          accessTokenExpiresAt: tokens.expiresAt ?? null,
          refreshedAt: now,
          updatedAt: now,
          lastError: null,
          ...(tokens.scopes ? { grantedScopes: tokens.scopes } : {}),
        })
        .where(eq(connections.id, row.id));
      this.outcomes.refreshed += 1;
      return { accessToken: next.accessToken, tokenType: next.tokenType, refreshed: true };
    });
    if (reauthReason || !outcome) {
      this.outcomes.invalid_grant += 1;
      throw new ConnectionNeedsReauthError(reauthReason ?? 'invalid_grant');
    }
    return outcome;
  }

  private async providerContext(row: Pick<ConnectionRow, 'provider' | 'metadata'>): Promise<ProviderContext> {
    const provider = this.deps.catalog.get(row.provider);
    const params = (row.metadata as { params?: Record<string, string> })?.params ?? {};
    return { provider, endpoints: resolveEndpoints(provider, params), client: await oauthAppFor(this.deps, row.provider), now: this.deps.now };
  }
}
