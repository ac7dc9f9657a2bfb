/**
 * Every first-party plugin in plugins/ is built with the public SDK, signed,
 * published under the NudgeCampaign publisher and certified through the same
 * pipeline as third parties: each must pass every automated gate. Seeding is
 * idempotent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/src/clock.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProcessCertificationSandbox } from '../../core/src/registry/certification/process-certification-sandbox.js';
import { demoLogins, seedDemo } from '../../core/src/seed/demo-seed.js';
import { discoverPlugins, seedFirstPartyPlugins } from '../../core/src/seed/first-party-seed.js';

let database: TestDatabase;
let sandbox: ProcessCertificationSandbox;

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = new ProcessCertificationSandbox();
  await seedDemo(database.db);
});
afterAll(async () => {
  sandbox?.stop();
  await database?.destroy();
});

const options = () => ({
  registry: { db: database.db, clock: new ManualClock(), logger: createLogger('silent') },
  sandbox,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-first-party-')),
  logger: createLogger('silent'),
  publisherUserEmail: demoLogins().find((l) => l.role === 'admin')!.email,
  reviewerEmail: demoLogins().find((l) => l.role === 'reviewer')!.email,
});

describe(`first-party plugins on ${testDatabaseKind()}`, () => {
  it('publishes and certifies every plugin folder, then skips them the second time', async () => {
    const folders = discoverPlugins().map((d) => path.basename(d));
    expect(folders.length).toBeGreaterThan(0);
    const opts = options();
    const first = await seedFirstPartyPlugins(opts);
    expect(first.map((o) => `${o.plugin}:${o.result}${o.detail ? ` ${o.detail}` : ''}`)).toEqual(folders.map((f) => `${f}:certified`));
    const second = await seedFirstPartyPlugins(opts);
    expect(second.map((o) => o.result)).toEqual(folders.map(() => 'already_published'));
  }, 600_000);
});
