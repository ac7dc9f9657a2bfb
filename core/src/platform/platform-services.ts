/**
 * The services a running platform offers to its front doors (HTTP routes, the
 * GraphQL API, schedulers). `main.ts` builds one; tests build their own with a
 * test database and a manual clock.
 */
import type { Clock } from '../clock.js';
import type { ConnectionsDeps } from '../connections/deps.js';
import type { InstallationCredentials } from '../connections/installation-credentials.js';
import type { TokenRefresher } from '../connections/token-refresher.js';
import type { Database } from '../db/database.js';
import type { InstallationsDeps } from '../installations/install-plugin.js';
import type { SsoLogin } from '../identity/sso/sso-login.js';
import type { Logger } from '../observability/logger.js';
import type { CertificationSandbox } from '../registry/certification/gate-types.js';
import type { RegistryDeps } from '../registry/registry-deps.js';
import type { SandboxSupervisor } from '../sandbox/sandbox-supervisor.js';
import type { UsageRecorder } from '../usage/usage-recorder.js';

export interface PlatformServices {
  database: Database;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  /** Embedded demo mode: enables the demo login. */
  demo: boolean;
  connections: ConnectionsDeps;
  refresher: TokenRefresher;
  credentials: InstallationCredentials;
  registry: RegistryDeps;
  installations: InstallationsDeps;
  /** Absent when the platform runs without sandbox workers (some tests). */
  sandbox?: SandboxSupervisor;
  certificationSandbox?: CertificationSandbox;
  /** Buffers usage events into batched, idempotent ingestion. */
  usage?: UsageRecorder;
  /** Sign-in through an external OpenID Connect provider, when configured. */
  sso?: SsoLogin;
}
