/**
 * Builds the running platform's services from configuration: the sandbox
 * supervisor and its workers, the certification worker, credentials, the
 * registry, and the periodic maintenance tasks. `stop` undoes all of it.
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
import { InvocationUsage } from '../usage/invocation-usage.js';
import { applyUsageRetention } from '../usage/retention.js';
import { UsageRecorder } from '../usage/usage-recorder.js';
import { resolveVault } from '../vault/key-ring.js';
import { intervalTask } from './interval-task.js';
import type { PlatformServices } from './platform-services.js';

export interface RunningPlatform {
  services: PlatformServices;
  metrics: PlatformMetrics;
  stop(): Promise<void>;
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
  const stops = [
    intervalTask('token-refresh', 60_000, () => (connections.vault ? refresher.refreshExpiring(300) : Promise.resolve()), logger),
    intervalTask('deprecation-sweep', 3_600_000, () => runDeprecationSweep(registry), logger),
    intervalTask('usage-retention', 86_400_000, () => applyUsageRetention(database.db, clock.now()), logger),
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
  if (config.smtpUrl) {
    const transport = smtpTransport(config.smtpUrl);
    stops.push(intervalTask('email-outbox', 15_000, () => drainOutbox(database.db, transport, { now: clock.now(), logger }), logger));
  }
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
  };
  return {
    services,
    metrics,
    stop: async () => {
      for (const stop of stops) stop();
      await usage.stop();
      certificationSandbox.stop();
      await sandbox.stop();
    },
  };
}
