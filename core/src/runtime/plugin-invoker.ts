/**
 * Runs one plugin function for an installation in the sandbox: loads the
 * installation, its pinned version's bundle (cached by version id: bundles are
 * immutable) and the connection's non-secret facts, refuses installations that
 * may not run, and maps a failed invocation to a retryable or permanent job error.
 */
import { eq } from 'drizzle-orm';
import type { InvocationKind, PluginManifestLike } from '@nudgecampaign/plugin-sdk/runtime/types';
import type { DbOrTx } from '../db/database.js';
import { connections, installations } from '../db/schema/installations.js';
import { sandboxVersion } from '../registry/bundle-store.js';
import { jobErrorFromInvocation, PermanentJobError, RetryableJobError } from './jobs/job-errors.js';
import type { RuntimeDeps } from './runtime-deps.js';

export const RUNNABLE_INSTALLATION_STATES = new Set(['pending', 'active']);

export const INVOKER_ERROR_CODES = {
  INSTALLATION_NOT_FOUND: 'INSTALLATION_NOT_FOUND',
  INSTALLATION_NOT_RUNNABLE: 'INSTALLATION_NOT_RUNNABLE',
  SANDBOX_UNAVAILABLE: 'SANDBOX_UNAVAILABLE',
} as const;

export type InstallationRow = typeof installations.$inferSelect;
type SandboxVersion = Awaited<ReturnType<typeof sandboxVersion>>;

const versionCache = new Map<string, SandboxVersion>();

/** The sandbox view of a version, cached in-process (bounded: oldest dropped first). */
export async function cachedSandboxVersion(db: DbOrTx, versionId: string): Promise<SandboxVersion> {
  const hit = versionCache.get(versionId);
  if (hit) return hit;
  const version = await sandboxVersion(db, versionId);
  if (versionCache.size >= 256) versionCache.delete(versionCache.keys().next().value!);
  versionCache.set(versionId, version);
  return version;
}

export interface LoadedInstallation {
  installation: InstallationRow;
  version: SandboxVersion;
  manifest: PluginManifestLike & Record<string, any>;
  connection: Record<string, unknown> | undefined;
}

export async function loadInstallation(db: DbOrTx, installationId: string): Promise<LoadedInstallation> {
  const [installation] = await db.select().from(installations).where(eq(installations.id, installationId));
  if (!installation) throw new PermanentJobError(INVOKER_ERROR_CODES.INSTALLATION_NOT_FOUND, `Installation ${installationId} does not exist.`);
  if (!RUNNABLE_INSTALLATION_STATES.has(installation.state)) {
    throw new PermanentJobError(INVOKER_ERROR_CODES.INSTALLATION_NOT_RUNNABLE, `Installation ${installationId} is ${installation.state}; it runs again once it is active.`);
  }
  const version = await cachedSandboxVersion(db, installation.versionId);
  const [conn] = await db.select({ provider: connections.provider, metadata: connections.metadata }).from(connections).where(eq(connections.installationId, installationId));
  const connection = conn ? { provider: conn.provider, ...(conn.metadata as Record<string, unknown>) } : undefined;
  return { installation, version, manifest: version.manifest as LoadedInstallation['manifest'], connection };
}

/** Invokes the plugin and returns its output; a failure throws the job error a handler should rethrow. */
export async function invokePlugin(deps: Pick<RuntimeDeps, 'sandbox'>, loaded: LoadedInstallation, kind: InvocationKind, name: string, input: unknown, deadline?: number): Promise<unknown> {
  if (!deps.sandbox) throw new RetryableJobError('The sandbox is not running in this process.', { code: INVOKER_ERROR_CODES.SANDBOX_UNAVAILABLE });
  const { installation, version, connection } = loaded;
  const result = await deps.sandbox.invoke({
    version,
    installation: { id: installation.id, workspaceId: installation.workspaceId, settings: installation.settings as Record<string, unknown> },
    ...(connection ? { connection } : {}),
    kind,
    name,
    input,
    ...(deadline !== undefined ? { deadline } : {}),
  });
  if (!result.ok) throw jobErrorFromInvocation(result, `${kind} ${name}`);
  return result.output;
}
