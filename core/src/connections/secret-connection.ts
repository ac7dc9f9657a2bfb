/**
 * API-key and basic-auth connections. The credentials are checked by the
 * plugin's own `auth.test` (run in the sandbox by the caller-supplied tester)
 * before anything is saved; a failed test saves nothing.
 */
import { eq } from 'drizzle-orm';
import { installations } from '../db/schema/installations.js';
import { AppError, ERROR_CODES, NotFoundError, ValidationError } from '../errors.js';
import { saveConnection } from './connection-store.js';
import type { ApiKeyCredentials, BasicCredentials } from './credentials.js';
import { requireVault, type ConnectionsDeps } from './deps.js';

export type CredentialTester = (credentials: ApiKeyCredentials | BasicCredentials) => Promise<{ ok: boolean; account?: string; message?: string }>;

export class CredentialsRejectedError extends AppError {
  constructor(message: string) {
    super(ERROR_CODES.VALIDATION_FAILED, `The service did not accept these credentials: ${message}`, { details: { reason: 'auth_test_failed' } });
    this.name = 'CredentialsRejectedError';
  }
}

export async function connectWithSecret(
  deps: ConnectionsDeps,
  installationId: string,
  credentials: ApiKeyCredentials | BasicCredentials,
  test: CredentialTester,
): Promise<string> {
  const vault = requireVault(deps);
  const [inst] = await deps.db.select().from(installations).where(eq(installations.id, installationId));
  if (!inst) throw new NotFoundError('Installation');
  if (credentials.type === 'basic' && (!credentials.username || !credentials.password)) {
    throw new ValidationError('Both a username and a password are required.', { path: credentials.username ? 'password' : 'username' });
  }
  if (credentials.type === 'api_key' && Object.values(credentials.values).some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new ValidationError('Every API key field needs a value.', { path: 'values' });
  }
  const outcome = await test(credentials);
  if (!outcome.ok) throw new CredentialsRejectedError(outcome.message ?? 'the connection test failed');
  return saveConnection(deps.db, vault, {
    installationId,
    workspaceId: inst.workspaceId,
    provider: inst.pluginId,
    credentials,
    metadata: outcome.account ? { account: outcome.account } : {},
    now: deps.now(),
  });
}
