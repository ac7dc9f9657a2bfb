/**
 * Process entry: reads configuration, opens and migrates the database, seeds
 * the demo, serves HTTP and shuts down cleanly. It only wires; features live in
 * their folders.
 */
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { lockDataDir } from './db/pglite-lock.js';
import { AppError } from './errors.js';
import { createApp } from './http/app.js';
import { listen, type RunningServer } from './http/server.js';
import { createLogger } from './observability/logger.js';
import { startPlatform } from './platform/start-platform.js';
import { demoLogins, seedDemo } from './seed/demo-seed.js';
import { loadDemoFixtures, startFixtureServer, type FixtureServer } from './demo/fixture-server.js';
import { seedDemoInstallations } from './seed/demo-installations.js';
import { seedDemoPartners } from './seed/demo-partners.js';
import { discoverPlugins, seedFirstPartyPlugins } from './seed/first-party-seed.js';
import { PLATFORM_VERSION } from './version.js';

function fail(message: string): never {
  process.stderr.write(`nudge: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const releaseLock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await database.ping(5000);
    await database.migrate();
  } catch (err) {
    releaseLock();
    const reason = err instanceof AppError ? err.message : (err as Error).message;
    fail(`cannot start: the database is not usable: ${reason}`);
  }

  const seedWanted = config.demo ?? database.kind === 'pglite';
  const seeded = seedWanted ? await seedDemo(database.db) : false;
  if (seedWanted) await seedDemoPartners(database.db, new Date());
  // Demo only: the plugins' third-party APIs answer from their recorded fixtures on loopback.
  let fixtures: FixtureServer | undefined;
  if (seedWanted) {
    fixtures = await startFixtureServer(await loadDemoFixtures(discoverPlugins()));
    for (const host of fixtures.hosts) config.hostOverrides[host] ??= { address: '127.0.0.1', port: fixtures.port, protocol: 'http' };
  }
  const platform = await startPlatform(config, database, logger);
  const app = createApp({ database, logger, version: PLATFORM_VERSION, connections: platform.services.connections, services: platform.services, metrics: platform.metrics });

  let running: RunningServer;
  try {
    running = await listen(app.fetch, config.port, config.host);
  } catch (err) {
    await platform.stop();
    await database.close();
    releaseLock();
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `PORT ${config.port} is already in use on ${config.host}; free it or set PORT.` : `cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
  }

  const port = running.port;
  const lines = [
    `NudgeCampaign integration platform ${PLATFORM_VERSION} on http://${config.host}:${port}`,
    `database: ${database.kind}${database.kind === 'pglite' ? ` (${config.dataDir})` : ''}${seeded ? ', demo data seeded' : ''}`,
  ];
  if (seedWanted) {
    lines.push('demo logins:');
    for (const login of demoLogins()) lines.push(`  ${login.role.padEnd(9)} ${login.email} / ${login.password}`);
  }
  process.stdout.write(lines.join('\n') + '\n');

  const seeding = new AbortController();
  let background: Promise<unknown> = Promise.resolve();
  if (seedWanted && platform.services.certificationSandbox) {
    // In the background: the server answers while first-party plugins go through certification.
    const logins = demoLogins();
    background = seedFirstPartyPlugins({
      signal: seeding.signal,
      registry: platform.services.registry,
      sandbox: platform.services.certificationSandbox,
      dataDir: config.dataDir,
      logger,
      publisherUserEmail: logins.find((l) => l.role === 'admin')!.email,
      reviewerEmail: logins.find((l) => l.role === 'reviewer')!.email,
    })
      .then(async (outcomes) => {
        const summary = outcomes.map((o) => `${o.plugin}@${o.version} ${o.result}${o.detail ? ` (${o.detail})` : ''}`);
        if (summary.length) process.stdout.write(`first-party plugins:\n  ${summary.join('\n  ')}\n`);
        if (seeding.signal.aborted) return;
        const installed = await seedDemoInstallations(platform.services, null);
        if (installed.length) process.stdout.write(`demo installations in Acme Store: ${installed.join(', ')}\n`);
      })
      .catch((err) => logger.error({ err }, 'first-party plugin seeding failed'));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    seeding.abort();

    await running.close(10_000);
    // Let a plugin that is mid-certification finish before the workers and the database go away.
    await Promise.race([background.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await platform.stop().catch((err) => logger.error({ err }, 'stopping the sandbox failed'));
    await fixtures?.close();
    await database.close().catch((err) => logger.error({ err }, 'database close failed'));
    releaseLock();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => fail(err instanceof AppError ? err.message : `unexpected start-up failure: ${(err as Error).stack ?? err}`));
