/**
 * Runs a plugin's `auth.test` in the sandbox, for a saved connection or for
 * candidate credentials before they are saved (the host injects them into the
 * plugin's requests; the plugin never sees them).
 */
import { eq } from 'drizzle-orm';
import { installations } from '../db/schema/installations.js';
import { NotFoundError } from '../errors.js';
import type { PlatformServices } from '../platform/platform-services.js';
import { sandboxVersion } from '../registry/bundle-store.js';
import type { ApiKeyCredentials, BasicCredentials } from './credentials.js';
import type { CredentialTester } from './secret-connection.js';

export interface AuthTestOutcome {
  ok: boolean;
  account?: string;
  message?: string;
}

export async function runAuthTest(services: Pick<PlatformServices, 'sandbox' | 'database'>, installationId: string): Promise<AuthTestOutcome> {
  if (!services.sandbox) return { ok: false, message: 'the sandbox is not running on this server' };
  const [inst] = await services.database.db.select().from(installations).where(eq(installations.id, installationId));
  if (!inst) throw new NotFoundError('Installation');
  const version = await sandboxVersion(services.database.db, inst.versionId);
  const result = await services.sandbox.invoke({
    version,
    installation: { id: inst.id, workspaceId: inst.workspaceId, settings: inst.settings as Record<string, unknown> },
    kind: 'auth_test',
    name: 'auth',
    input: {},
  });
  if (!result.ok) return { ok: false, message: `${result.error.code}: ${result.error.message}` };
  const output = (result.output ?? {}) as { ok?: boolean; account?: string };
  return { ok: output.ok !== false, ...(typeof output.account === 'string' ? { account: output.account } : {}) };
}

/** A CredentialTester for connectWithSecret that runs the plugin's own auth.test with the candidate credentials. */
export function sandboxCredentialTester(services: Pick<PlatformServices, 'sandbox' | 'database' | 'credentials'>, installationId: string): CredentialTester {
  return (candidate: ApiKeyCredentials | BasicCredentials) => services.credentials.withCandidate(installationId, candidate, () => runAuthTest(services, installationId));
}
