/**
 * A test run of a saved automation over GraphQL (testAutomation), as Zapier's
 * builder sends a real test: a workspace admin saves an automation switched
 * off, sends a test with the trigger's declared sample and then with an event
 * of their own; each runs once through the durable job and the real sandbox,
 * which calls the action's API (a loopback CRM), and the run with its steps is
 * read back by the returned run id. A failed test is not autoreplayed. A
 * workspace member and another tenant are refused, and nothing is queued.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { jobs } from '../../core/src/db/schema/runtime.js';
import { testDatabaseKind } from '../../core/src/db/test-database.js';
import { runtimeJobHandlers } from '../../core/src/runtime/connector-runtime.js';
import { JOB_KINDS } from '../../core/src/runtime/job-kinds.js';
import { JobWorker } from '../../core/src/runtime/jobs/job-worker.js';
import type { RuntimeDeps } from '../../core/src/runtime/runtime-deps.js';
import { insertActiveInstallation, insertRunnablePlugin } from '../../core/src/runtime/testing/plugin-fixtures.js';
import { SandboxSupervisor } from '../../core/src/sandbox/sandbox-supervisor.js';
import { seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

const CRM_HOST = 'api.crm-fixture.test';
const SAMPLE = { email: 'sample@example.test', plan: 'pro' };
const MANIFEST = {
  name: 'CRM (fixture)',
  description: 'Signups in, contacts out.',
  kind: 'api',
  categories: ['crm'],
  sdkVersion: '0.1.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: { type: 'object', properties: {} },
  permissions: { hosts: [CRM_HOST] },
  triggers: { new_signup: { type: 'polling', title: 'New signup', description: 'A signup.', dedupeKey: 'email', output: { type: 'object' }, sample: SAMPLE } },
  actions: {
    create_contact: {
      title: 'Create contact',
      description: 'Creates a contact.',
      input: { type: 'object', properties: { email: { type: 'string' }, note: { type: 'string' } }, required: ['email'] },
      output: { type: 'object' },
      sample: { id: 'c_1' },
    },
  },
  syncs: {},
};
const CODE = `var __nudgePlugin = { default: {
  triggers: { new_signup: { type: 'polling', poll: async () => [] } },
  actions: { create_contact: { run: async (ctx, input) => {
    const res = await ctx.fetch('https://${CRM_HOST}/v1/contacts', { method: 'POST', json: input });
    if (res.status !== 201) throw { nudgeError: true, name: 'PermanentError', code: 'REFUSED', message: 'The CRM answered ' + res.status };
    return await res.json();
  } } },
} };`;

let h: Harness;
let a: Tenant;
let b: Tenant;
let sandbox: SandboxSupervisor;
let worker: JobWorker;
let crm: http.Server;
const received: Array<Record<string, unknown>> = [];
let refuseNext = false;
let crmInstallationId: string;

beforeAll(async () => {
  crm = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/v1/contacts') return void res.writeHead(404).end('{}');
      if (refuseNext) return void ((refuseNext = false), res.writeHead(422).end('{"error":"invalid"}'));
      const input = JSON.parse(body) as Record<string, unknown>;
      received.push(input);
      res.writeHead(201).end(JSON.stringify({ id: `c_${received.length}`, email: input.email }));
    });
  });
  await new Promise<void>((r) => crm.listen(0, '127.0.0.1', () => r()));
  const port = (crm.address() as AddressInfo).port;
  h = await startHarness();
  a = await seedTenant(h, 'A');
  b = await seedTenant(h, 'B');
  sandbox = await SandboxSupervisor.start({ workers: 1, db: h.database.db, egress: { hostOverrides: { [CRM_HOST]: { address: '127.0.0.1', port, protocol: 'http' } } } });
  const plugin = await insertRunnablePlugin(h.database.db, { manifest: MANIFEST, code: CODE });
  crmInstallationId = (await insertActiveInstallation(h.database.db, { ...plugin, workspaceId: a.workspaceId })).id;
  const deps: RuntimeDeps = { db: h.database.db, sandbox, clock: h.clock, logger: h.services.logger, publicUrl: 'https://nudge.example' };
  worker = new JobWorker({ db: h.database.db, clock: h.clock, handlers: runtimeJobHandlers(deps) });
});
afterAll(async () => {
  await sandbox?.stop();
  await h?.close();
  await new Promise<void>((r) => (crm ? crm.close(() => r()) : r()));
});

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;
const TEST = `mutation($id: ID!, $event: JSON) { testAutomation(id: $id, event: $event) { jobId runId event } }`;
type TestPayload = { testAutomation: { jobId: string; runId: string; event: Record<string, unknown> } };
const RUN = `query($id: ID!) { run(id: $id) { id status automationId attempt steps output errorCode errorMessage } }`;

describe(`testAutomation over GraphQL on ${testDatabaseKind()}`, () => {
  let automationId: string;

  it('runs a switched-off automation once with the trigger sample, through the sandbox to the CRM, and records the run with its steps', async () => {
    const create = await h.gql<{ createAutomation: { id: string; enabled: boolean } }>(`mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id enabled } }`, {
      token: a.users.wsAdmin.token,
      variables: {
        input: {
          workspaceId: a.workspaceId,
          name: 'Signups to CRM',
          trigger: { installationId: crmInstallationId, name: 'new_signup' },
          action: { installationId: crmInstallationId, name: 'create_contact' },
          mapping: { email: '{{email}}', note: '{{plan}} signup' },
          enabled: false,
        },
      },
    });
    expect(create.body.errors).toBeUndefined();
    expect(create.body.data!.createAutomation.enabled).toBe(false);
    automationId = create.body.data!.createAutomation.id;
    await worker.drain();
    expect(received).toEqual([]);

    const r = await h.gql<TestPayload>(TEST, { token: a.users.wsAdmin.token, variables: { id: automationId } });
    expect(r.body.errors).toBeUndefined();
    const { runId, event } = r.body.data!.testAutomation;
    expect(event).toEqual(SAMPLE);
    await worker.drain();
    expect(received).toEqual([{ email: 'sample@example.test', note: 'pro signup' }]);

    const run = await h.gql<{ run: Record<string, any> }>(RUN, { token: a.users.wsMember.token, variables: { id: runId } });
    expect(run.body.data!.run).toMatchObject({ id: runId, status: 'SUCCEEDED', automationId, attempt: 1, output: { id: 'c_1', email: 'sample@example.test' } });
    expect(run.body.data!.run.steps.map((s: { name: string }) => s.name)).toEqual(['trigger', 'filter', 'map', 'action']);
    expect(run.body.data!.run.steps[0].output).toEqual(SAMPLE);
    expect(run.body.data!.run.steps.find((s: { name: string }) => s.name === 'action')).toMatchObject({ input: { email: 'sample@example.test', note: 'pro signup' }, output: { id: 'c_1' } });
    const [entry] = await h.database.db.select().from(auditLog).where(eq(auditLog.action, 'automation.tested'));
    expect(entry).toMatchObject({ targetId: automationId, actorUserId: a.users.wsAdmin.id, workspaceId: a.workspaceId });
  });

  it('sends a test with an event of its own; a refused test fails with its error and is not autoreplayed', async () => {
    const own = await h.gql<TestPayload>(TEST, { token: a.users.wsAdmin.token, variables: { id: automationId, event: { email: 'own@example.test', plan: 'team' } } });
    expect(own.body.errors).toBeUndefined();
    await worker.drain();
    expect(received.at(-1)).toEqual({ email: 'own@example.test', note: 'team signup' });
    expect(codeOf(await h.gql(TEST, { token: a.users.wsAdmin.token, variables: { id: automationId, event: 'not an object' } }))).toBe('VALIDATION_FAILED');

    refuseNext = true;
    const refused = await h.gql<TestPayload>(TEST, { token: a.users.wsAdmin.token, variables: { id: automationId } });
    expect(refused.body.data!.testAutomation.runId).not.toBe(own.body.data!.testAutomation.runId);
    await worker.drain();
    const run = await h.gql<{ run: Record<string, any> }>(RUN, { token: a.users.wsAdmin.token, variables: { id: refused.body.data!.testAutomation.runId } });
    expect(run.body.data!.run).toMatchObject({ status: 'FAILED', errorCode: 'REFUSED', errorMessage: expect.stringContaining('The CRM answered 422') });
    expect(run.body.data!.run.steps.at(-1)).toMatchObject({ name: 'action', error: { code: 'REFUSED' } });
    const queued = await h.database.db.select().from(jobs).where(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN));
    expect(queued.filter((j) => j.state === 'queued')).toEqual([]);
    expect(received).toHaveLength(2);
  });

  it('refuses a workspace member (FORBIDDEN) and another tenant (NOT_FOUND); nothing is queued or sent', async () => {
    const before = (await h.database.db.select().from(jobs).where(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN))).length;
    expect(codeOf(await h.gql(TEST, { token: a.users.wsMember.token, variables: { id: automationId } }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(TEST, { token: b.users.wsAdmin.token, variables: { id: automationId } }))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(TEST, { variables: { id: automationId } }))).toBe('UNAUTHENTICATED');
    await worker.drain();
    expect((await h.database.db.select().from(jobs).where(eq(jobs.kind, JOB_KINDS.AUTOMATION_RUN))).length).toBe(before);
    expect(received).toHaveLength(2);
  });
});
