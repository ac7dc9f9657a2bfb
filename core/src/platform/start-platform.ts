/**
 * Builds the running platform's services from configuration: the sandbox
 * supervisor and its workers, the certification worker, credentials, the
 * registry, the connector runtime (job queue worker, schedulers) with the
 * maintenance tasks as recurring jobs, and the per-process probes. `stop` undoes all of it.
 */
import os from 'node:os';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { ConnectionsDeps } from '../connections/deps.js';
import { InstallationCredentials } from '../connections/installation-credentials.js';
import { TokenRefresher } from '../connections/token-refresher.js';
import type { Database } from '../db/database.js';
import { drainOutbox, smtpTransport } from '../notifications/email-sender.js';
import type { Logger } from '../observability/logger.js';
import { PlatformMetrics } from '../observability/metrics.js';
import { ProviderCatalog } from '../oauth/provider-catalog.js';
import { ProcessCertificationSandbox } from '../registry/certification/process-certification-sandbox.js';
import { runDeprecationSweep } from '../registry/deprecation-policy.js';
import { SandboxSupervisor } from '../sandbox/sandbox-supervisor.js';
import { PARTNER_RECURRING_JOBS, partnerJobHandlers } from '../partners/jobs/partner-jobs.js';
import { InvocationUsage } from '../usage/invocation-usage.js';
import { applyUsageRetention } from '../usage/retention.js';
import { UsageRecorder } from '../usage/usage-recorder.js';
import { ConnectorRuntime } from '../runtime/connector-runtime.js';
import { JOB_KINDS } from '../runtime/job-kinds.js';
import { ensureNativePlugin } from '../runtime/native/native-plugin.js';
import { resolveVault } from '../vault/key-ring.js';
import { SsoLogin } from '../identity/sso/sso-login.js';
import { intervalTask } from './interval-task.js';
import type { PlatformServices } from './platform-services.js';

export interface RunningPlatform {
  services: PlatformServices;
  metrics: PlatformMetrics;
  /** The job queue worker and schedulers (core/src/runtime). */
  runtime: ConnectorRuntime;
  stop(): Promise<void>;
}

/** Single sign-on needs the vault: it seals the login's state in a cookie. */
function ssoLogin(config: Config, connections: ConnectionsDeps, logger: Logger): { sso?: SsoLogin } {
  if (!connections.vault) {
    logger.warn('NUDGE_SSO_ISSUER is set but no encryption keys are configured (NUDGE_ENCRYPTION_KEYS): single sign-on is off');
    return {};
  }
  return { sso: new SsoLogin({ config: config.sso!, vault: connections.vault, db: connections.db, publicUrl: config.publicUrl, now: connections.now }) };
}

export async function startPlatform(config: Config, database: Database, logger: Logger): Promise<RunningPlatform> {
  const clock = systemClock;
  const connections: ConnectionsDeps = {
    db: database.db,
    vault: resolveVault(config, logger),
    catalog: ProviderCatalog.fromDirectory(),
    logger,
    publicUrl: config.publicUrl,
    now: () => clock.now(),
  };
  const refresher = new TokenRefresher(connections);
  const credentials = new InstallationCredentials(connections, refresher);
  const sandbox = await SandboxSupervisor.start({
    workers: config.sandboxWorkers ?? Math.max(1, os.availableParallelism()),
    db: database.db,
    egress: { hostOverrides: config.hostOverrides },
    credentialsFor: connections.vault ? (installation, _url, manifest) => credentials.injection(installation.id, (manifest.auth as { inject?: { headers?: Record<string, string>; query?: Record<string, string> } } | undefined)?.inject) : undefined,
  });
  const metrics = new PlatformMetrics();
  const usage = new UsageRecorder(database.db, logger);
  const invocationUsage = new InvocationUsage(database.db, usage, metrics);
  sandbox.on('metrics', (event) => void invocationUsage.record(event));
  const refreshOutcomes = () => {
    metrics.tokenRefreshes.reset();
    for (const [outcome, n] of Object.entries(refresher.outcomes)) metrics.tokenRefreshes.inc({ outcome }, n);
  };
  const certificationSandbox = new ProcessCertificationSandbox();
  const registry = { db: database.db, clock, logger };
  // Cluster-wide maintenance runs as recurring jobs: once per slot across every process sharing the database.
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined;
  await ensureNativePlugin(database.db);
  const runtime = new ConnectorRuntime({
    deps: { db: database.db, sandbox, clock, logger, publicUrl: config.publicUrl, vault: connections.vault },
    extraHandlers: [
      { kind: JOB_KINDS.TOKEN_REFRESH, run: async () => void (connections.vault ? await refresher.refreshExpiring(300) : undefined) },
      { kind: JOB_KINDS.DEPRECATION_SWEEP, run: async () => void (await runDeprecationSweep(registry)) },
      { kind: JOB_KINDS.USAGE_RETENTION, run: async () => void (await applyUsageRetention(database.db, clock.now())) },
      ...partnerJobHandlers(database.db, clock),
      ...(transport ? [{ kind: JOB_KINDS.EMAIL_OUTBOX, run: async () => void (await drainOutbox(database.db, transport, { now: clock.now(), logger })) }] : []),
    ],
    extraRecurring: [
      { kind: JOB_KINDS.TOKEN_REFRESH, everyMs: 60_000 },
      { kind: JOB_KINDS.DEPRECATION_SWEEP, everyMs: 3_600_000 },
      { kind: JOB_KINDS.USAGE_RETENTION, everyMs: 86_400_000 },
      ...PARTNER_RECURRING_JOBS,
      ...(transport ? [{ kind: JOB_KINDS.EMAIL_OUTBOX, everyMs: 15_000 }] : []),
    ],
  });
  runtime.start();
  // Per-process work stays on timers: this process's refresh counters and its own health probe.
  const stops = [
    intervalTask('metrics-refresh-outcomes', 15_000, async () => refreshOutcomes(), logger),
    // Uptime comes from this probe: one health_probe event every 30 s, ok or not.
    intervalTask(
      'health-probe',
      30_000,
      async () => {
        const outcome = await database.ping(2000).then(() => 'ok', () => 'database_unavailable');
        usage.record({ type: 'health_probe', outcome });
      },
      logger,
    ),
  ];
  const services: PlatformServices = {
    database,
    clock,
    logger,
    publicUrl: config.publicUrl,
    demo: Boolean(config.demo ?? database.kind === 'pglite'),
    connections,
    refresher,
    credentials,
    registry,
    installations: { db: database.db, clock, usage },
    sandbox,
    certificationSandbox,
    usage,
    ...(config.sso ? ssoLogin(config, connections, logger) : {}),
  };
  return {
    services,
    metrics,
    runtime,
    stop: async () => {
      for (const stop of stops) stop();
      await runtime.stop();
      await usage.stop();
      certificationSandbox.stop();
      await sandbox.stop();
    },
  };
}
