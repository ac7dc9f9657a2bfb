/**
 * The versioning policy over simulated months, with an injectable clock:
 * minor auto-update, an explicit major migration with re-consent, settings
 * migration and rollback, the 180-day notice (and its audited security-critical
 * exception), the two-newest-majors window, reminders at 90/30/7 days sent
 * once each by email through a real SMTP server, the pause at sunset, the
 * public changelog, and resuming by migrating.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/src/clock.js';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { installations } from '../../core/src/db/schema/installations.js';
import { notifications } from '../../core/src/db/schema/notifications.js';
import { pluginVersions } from '../../core/src/db/schema/registry.js';
import { insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createApp } from '../../core/src/http/app.js';
import { installPlugin } from '../../core/src/installations/install-plugin.js';
import { migrateInstallation, planMigration, ReconsentRequiredError, rollbackInstallation } from '../../core/src/installations/migrate-installation.js';
import { drainOutbox, smtpTransport } from '../../core/src/notifications/email-sender.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProcessCertificationSandbox } from '../../core/src/registry/certification/process-certification-sandbox.js';
import { runCertification, type CertificationDeps } from '../../core/src/registry/certification/run-certification.js';
import { deprecateVersion, runDeprecationSweep } from '../../core/src/registry/deprecation-policy.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import { reviewAndApply } from '../../core/src/registry/review.js';
import { submitVersion } from '../../core/src/registry/version-lifecycle.js';
import { certManifest, contactPages, GOOD_CODE, tests } from '../support/cert-plugins.js';
import { createPublisher, type TestPublisher } from '../support/registry-fixtures.js';
import { startSmtpSink } from '../support/smtp-sink.js';

const logger = createLogger('silent');
const API_KEY_AUTH = { type: 'api_key', fields: { type: 'object', properties: { apiKey: { type: 'string' } }, required: ['apiKey'] }, inject: { headers: { 'x-api-key': '{{apiKey}}' } } };
let database: TestDatabase;
let clock: ManualClock;
let deps: CertificationDeps;
let sandbox: ProcessCertificationSandbox;
let pub: TestPublisher;
let reviewerId: string;
let adminId: string;
let workspaceId: string;
let installationId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  clock = new ManualClock('2027-01-01T09:00:00Z');
  sandbox = new ProcessCertificationSandbox();
  deps = { db: database.db, clock, logger, sandbox };
  pub = await createPublisher(database.db, { verified: true });
  reviewerId = (await insertUser(database.db, { platformRole: 'reviewer' })).id;
  adminId = (await insertUser(database.db, { platformRole: 'admin' })).id;
  const customer = await insertUser(database.db, { email: 'owner@shop.example' });
  workspaceId = (await insertWorkspace(database.db, customer.id)).id;
});
afterAll(async () => {
  sandbox?.stop();
  await database?.destroy();
});

/** Publishes, certifies (automated gates in the sandbox, then a reviewer) and returns the version id. */
async function release(version: string, change: (m: Record<string, any>) => void = () => {}) {
  const manifest = certManifest('life', version);
  change(manifest);
  const bundle = pub.bundle(manifest, { code: GOOD_CODE, tests: tests(), fixtures: [contactPages(4)] });
  const { versionId } = await publishVersion(deps, { bundle, changelog: `Release ${version}.`, actorUserId: pub.ownerId });
  await submitVersion(deps, versionId, pub.ownerId);
  expect((await runCertification(deps, versionId)).status).toBe('awaiting_review');
  const outcome = await reviewAndApply(deps, { versionId, reviewer: { userId: reviewerId, platformRole: 'reviewer' }, decision: 'certify', notes: 'Looks good.' });
  ids[version] = versionId;
  return outcome;
}

const installation = async () => (await database.db.select().from(installations).where(eq(installations.id, installationId)))[0]!;
const versionOf = async (id: string) => (await database.db.select().from(pluginVersions).where(eq(pluginVersions.id, id)))[0]!;

describe(`plugin lifecycle over months on ${testDatabaseKind()}`, () => {
  it('installs on a major and takes compatible minor releases automatically', async () => {
    await release('1.0.0');
    installationId = (await installPlugin(deps, { workspaceId, pluginId: 'life', actorUserId: null })).id;
    await database.db.update(installations).set({ settings: { region: 'eu' }, state: 'active' }).where(eq(installations.id, installationId));
    clock.advanceDays(7);
    const outcome = await release('1.1.0', (m) => (m.settings = { type: 'object', properties: { region: { type: 'string' }, syncEvery: { type: 'integer', default: 15 } } }));
    expect(outcome.autoUpdated).toBe(1);
    expect((await installation()).versionId).toBe(ids['1.1.0']);
  });

  it('migrates to a new major only with consent, shows the changes, and rolls back', async () => {
    clock.advanceDays(7);
    const outcome = await release('2.0.0', (m) => {
      m.auth = API_KEY_AUTH;
      m.permissions.hosts.push('files.certdemo.example');
      m.settings = { type: 'object', additionalProperties: false, properties: { syncEvery: { type: 'integer', default: 30 }, folder: { type: 'string', default: 'Inbox' } } };
    });
    expect(outcome.deprecatedByPolicy).toEqual([]);
    expect((await installation()).versionId).toBe(ids['1.1.0']); // a new major is never automatic

    const plan = await planMigration(deps, installationId, ids['2.0.0']!);
    expect(plan.needsReconsent).toBe(true);
    expect(plan.compatibility.reconsent.addedHosts).toEqual(['files.certdemo.example']);
    expect(plan.compatibility.breaking.map((b) => b.kind)).toEqual(expect.arrayContaining(['changed_auth', 'new_hosts']));
    expect(plan.settings.changes).toEqual(expect.arrayContaining([{ field: 'region', change: 'removed', before: 'eu' }, { field: 'folder', change: 'added_default', after: 'Inbox' }]));

    await expect(migrateInstallation(deps, { installationId, targetVersionId: ids['2.0.0']!, actorUserId: null })).rejects.toBeInstanceOf(ReconsentRequiredError);
    await migrateInstallation(deps, { installationId, targetVersionId: ids['2.0.0']!, actorUserId: null, consent: true });
    expect(await installation()).toMatchObject({ versionId: ids['2.0.0'], pinnedMajor: 2, settings: { syncEvery: 15, folder: 'Inbox' } });

    await rollbackInstallation(deps, installationId, null);
    expect(await installation()).toMatchObject({ versionId: ids['1.1.0'], pinnedMajor: 1, settings: { region: 'eu' } });
  });

  it('enforces 180 days of notice unless an admin marks it security-critical, and audits that', async () => {
    const tooSoon = new Date(clock.now().getTime() + 30 * 86_400_000);
    await expect(deprecateVersion(deps, { versionId: ids['1.0.0']!, sunsetAt: tooSoon, message: 'Old.', actor: { userId: pub.ownerId } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'POLICY_VIOLATION', minNoticeDays: 180, earliestSunset: new Date(clock.now().getTime() + 180 * 86_400_000).toISOString() },
    });
    await expect(deprecateVersion(deps, { versionId: ids['1.0.0']!, sunsetAt: tooSoon, message: 'Old.', securityCritical: true, actor: { userId: pub.ownerId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const deprecated = await deprecateVersion(deps, { versionId: ids['1.0.0']!, sunsetAt: tooSoon, message: 'Token leak fixed in 1.1.0.', securityCritical: true, actor: { userId: adminId, platformRole: 'admin' } });
    expect(deprecated).toMatchObject({ state: 'deprecated', securityCritical: true });
    const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'version.deprecated'), eq(auditLog.targetId, ids['1.0.0']!)));
    expect(entry).toMatchObject({ actorUserId: adminId, reason: '[security-critical] Token leak fixed in 1.1.0.' });
  });

  it('deprecates majors older than the two newest when a new major is certified', async () => {
    clock.advanceDays(1);
    const outcome = await release('3.0.0', (m) => (m.auth = API_KEY_AUTH));
    expect(outcome.deprecatedByPolicy).toEqual(['1.1.0']);
    const v11 = await versionOf(ids['1.1.0']!);
    expect(v11.state).toBe('deprecated');
    expect(v11.sunsetAt!.getTime()).toBe(clock.now().getTime() + 180 * 86_400_000);
    const notices = await database.db.select().from(notifications).where(eq(notifications.kind, 'version.deprecated'));
    expect(notices.map((n) => n.link)).toContain(`/installations/${installationId}`);
  });

  it('sends each reminder once at 90, 30 and 7 days, then pauses the installation at sunset', async () => {
    const smtp = await startSmtpSink();
    const sweep = () => runDeprecationSweep(deps);
    const start = clock.now();
    const at = (days: number) => clock.set(new Date(start.getTime() + days * 86_400_000));
    try {
      at(60);
      expect((await sweep()).reminders).toBe(0);
      at(91); // 89 days left
      expect((await sweep()).reminders).toBe(1);
      expect((await sweep()).reminders).toBe(0);
      at(149); // 31 days left: the 90-day reminder was already sent
      expect((await sweep()).reminders).toBe(0);
      at(151); // 29 days left
      expect((await sweep()).reminders).toBe(1);
      at(174); // 6 days left
      expect((await sweep()).reminders).toBe(1);
      expect((await installation()).state).toBe('active');
      at(180);
      const result = await sweep();
      expect(result.retired).toEqual(expect.arrayContaining(['life@1.1.0']));
      expect(result.paused).toBe(1);
      const paused = await installation();
      expect(paused.state).toBe('paused');
      expect(paused.stateReason).toMatch(/retired on .*Migrate to 3\.0\.0 to resume; your data is kept/);
      expect((await versionOf(ids['1.1.0']!)).state).toBe('retired');

      const sent = await drainOutbox(database.db, smtpTransport(smtp.url), { now: clock.now() });
      expect(sent.failed).toBe(0);
      const subjects = smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '');
      expect(smtp.received.every((m) => m.to.includes('owner@shop.example'))).toBe(true);
      for (const days of [90, 30, 7]) expect(subjects.filter((s) => s.startsWith(`${days} days left`))).toHaveLength(1);
      expect(subjects.some((s) => /is paused: version 1\.1\.0 was retired/.test(s))).toBe(true);
      expect(subjects.some((s) => /1\.1\.0 is deprecated/.test(s))).toBe(true);
      expect((await drainOutbox(database.db, smtpTransport(smtp.url), { now: clock.now() })).sent).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it('resumes the paused installation by migrating it to the newest major', async () => {
    await migrateInstallation(deps, { installationId, targetVersionId: ids['3.0.0']!, actorUserId: null, consent: true });
    expect(await installation()).toMatchObject({ state: 'active', pinnedMajor: 3 });
  });

  it('publishes the changelog and deprecation notices as a public page', async () => {
    const app = createApp({ database, logger, version: 'test' });
    const json = await (await app.request('/plugins/life/changelog')).json();
    expect(json.versions.map((v: { version: string; state: string }) => `${v.version}:${v.state}`)).toEqual(['3.0.0:certified', '2.0.0:certified', '1.1.0:retired', '1.0.0:retired']);
    const html = await (await app.request('/plugins/life/changelog', { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('<strong>Deprecated</strong>: Token leak fixed in 1.1.0.');
  });
});
