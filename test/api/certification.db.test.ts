/**
 * The certification pipeline on real signed bundles run in the production
 * sandbox engine (in the certification worker process), against their own
 * fixtures: a good plugin passes every automated gate and waits for a human;
 * one plugin per gate fails exactly that gate, and the rest are skipped. Then
 * the human gate with separation of duties.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/src/clock.js';
import { certificationChecks, pluginVersions } from '../../core/src/db/schema/registry.js';
import { publisherMembers } from '../../core/src/db/schema/identity.js';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProcessCertificationSandbox } from '../../core/src/registry/certification/process-certification-sandbox.js';
import { runCertification, type CertificationDeps } from '../../core/src/registry/certification/run-certification.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import { reviewAndApply } from '../../core/src/registry/review.js';
import { submitVersion } from '../../core/src/registry/version-lifecycle.js';
import { certManifest, contactPages, FLAKY_SYNC_CODE, GOOD_CODE, MISSING_ACTION_CODE, tests, UNDECLARED_HOST_CODE } from '../support/cert-plugins.js';
import { createPublisher, type TestPublisher } from '../support/registry-fixtures.js';

let database: TestDatabase;
let deps: CertificationDeps;
let sandbox: ProcessCertificationSandbox;
let pub: TestPublisher;

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = new ProcessCertificationSandbox();
  deps = { db: database.db, clock: new ManualClock(), logger: createLogger('silent'), sandbox };
  pub = await createPublisher(database.db, { verified: true });
});
afterAll(async () => {
  sandbox?.stop();
  await database?.destroy();
});

async function certify(id: string, options: { code?: string; pages?: number; expectText?: string; tamper?: (m: Record<string, unknown>) => void } = {}) {
  const bundle = pub.bundle(certManifest(id), { code: options.code ?? GOOD_CODE, tests: tests(options.expectText), fixtures: [contactPages(options.pages ?? 4)] });
  const published = await publishVersion(deps, { bundle, changelog: 'Initial release.', actorUserId: pub.ownerId });
  await submitVersion(deps, published.versionId, pub.ownerId);
  if (options.tamper) {
    const manifest = { ...(bundle.manifest as Record<string, unknown>) };
    options.tamper(manifest);
    await database.db.update(pluginVersions).set({ manifest }).where(eq(pluginVersions.id, published.versionId));
  }
  const summary = await runCertification(deps, published.versionId);
  const checks = await database.db.select().from(certificationChecks).where(eq(certificationChecks.runId, summary.runId));
  const byGate = Object.fromEntries(checks.map((c) => [c.gate, c]));
  const [version] = await database.db.select().from(pluginVersions).where(eq(pluginVersions.id, published.versionId));
  return { summary, byGate, version: version!, versionId: published.versionId };
}

const GATES = ['manifest', 'sandbox_load', 'plugin_tests', 'security_review', 'performance', 'reliability'] as const;

function expectFailsAt(byGate: Record<string, { status: string; logs: string }>, gate: (typeof GATES)[number]) {
  const at = GATES.indexOf(gate);
  for (const [i, g] of GATES.entries()) expect(byGate[g]!.status, g).toBe(i < at ? 'passed' : i === at ? 'failed' : 'skipped');
  expect(byGate.human_review!.status).toBe('skipped');
}

describe(`certification on ${testDatabaseKind()}`, () => {
  it('passes a good plugin through every automated gate, then waits for a reviewer', async () => {
    const { summary, byGate, version } = await certify('cert-good');
    expect(summary.status, JSON.stringify(Object.values(byGate).map((g) => [g.gate, g.status, g.logs]))).toBe('awaiting_review');
    for (const gate of GATES) expect(byGate[gate]!.status, `${gate}: ${byGate[gate]!.logs}`).toBe('passed');
    expect(byGate.human_review!.status).toBe('pending');
    expect(version.state).toBe('in_review');
    expect(byGate.performance!.logs).toMatch(/sync contacts: 1000 records in \d+ ms/);
    expect(byGate.performance!.logs).toMatch(/action echo: p95 [\d.]+ ms over 20 runs/);
    expect(byGate.reliability!.logs).toMatch(/20\/20 runs succeeded/);
    expect(byGate.plugin_tests!.result).toMatchObject({ passed: 2, failed: 0 });
  });

  it('fails the manifest gate for a manifest the current schema rejects', async () => {
    const { byGate, version } = await certify('cert-manifest', { tamper: (m) => (m.kind = 'spaceship') });
    expectFailsAt(byGate, 'manifest');
    expect(byGate.manifest!.logs).toMatch(/\/kind/);
    expect(version.state).toBe('rejected');
  });

  it('fails the load gate when the code does not define a declared action', async () => {
    const { byGate } = await certify('cert-load', { code: MISSING_ACTION_CODE });
    expectFailsAt(byGate, 'sandbox_load');
    expect(byGate.sandbox_load!.logs).toMatch(/declares actions\.echo but the code does not define it/);
  });

  it("fails the tests gate when the plugin's own test fails", async () => {
    const { byGate } = await certify('cert-tests', { expectText: 'bye' });
    expectFailsAt(byGate, 'plugin_tests');
    expect(byGate.plugin_tests!.logs).toMatch(/FAIL echo returns its text/);
  });

  it('fails the security review for a host the manifest does not declare', async () => {
    const { byGate } = await certify('cert-security', { code: UNDECLARED_HOST_CODE });
    expectFailsAt(byGate, 'security_review');
    expect(byGate.security_review!.logs).toMatch(/evil\.example\.com is not in permissions\.hosts/);
  });

  it('fails the performance gate when a sync cannot bring 1,000 records', async () => {
    const { byGate } = await certify('cert-perf', { pages: 2 });
    expectFailsAt(byGate, 'performance');
    expect(byGate.performance!.logs).toMatch(/brought 500 records .* needs 1000/);
  });

  it('fails the reliability gate for a sync that fails on some runs', async () => {
    const { byGate } = await certify('cert-flaky', { code: FLAKY_SYNC_CODE });
    expectFailsAt(byGate, 'reliability');
    expect(byGate.reliability!.logs).toMatch(/FAIL sync contacts reliability/);
  });

  it('lets only an independent reviewer certify, which makes the version certified', async () => {
    const { versionId } = await certify('cert-review');
    const reviewer = await insertUser(database.db, { platformRole: 'reviewer' });
    const developer = await insertUser(database.db);
    await expect(reviewAndApply(deps, { versionId, reviewer: { userId: developer.id, platformRole: null }, decision: 'certify', notes: 'ok' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A reviewer who is also a member of the publishing organisation may not certify it.
    const insider = await insertUser(database.db, { platformRole: 'reviewer' });
    await database.db.insert(publisherMembers).values({ publisherId: pub.id, userId: insider.id, role: 'developer' });
    await expect(reviewAndApply(deps, { versionId, reviewer: { userId: insider.id, platformRole: 'reviewer' }, decision: 'certify', notes: 'ok' })).rejects.toThrow(/separation of duties/);
    const outcome = await reviewAndApply(deps, { versionId, reviewer: { userId: reviewer.id, platformRole: 'reviewer' }, decision: 'certify', notes: 'Checked scopes and logs.' });
    expect(outcome.version).toMatchObject({ state: 'certified', trustLevel: 'certified' });
    const [human] = await database.db.select().from(certificationChecks).where(and(eq(certificationChecks.gate, 'human_review')));
    expect(human).toBeDefined();
  });
});
