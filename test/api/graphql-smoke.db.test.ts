/** Smoke: the API answers the marketplace, viewer and a tenant's installation over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

let h: Harness;
let a: Tenant;

beforeAll(async () => {
  h = await startHarness();
  a = await seedTenant(h, 'A');
});
afterAll(() => h?.close());

describe('graphql smoke', () => {
  it('lists the marketplace and resolves a viewer and installation', async () => {
    const m = await h.gql(`{ marketplace(first: 5) { edges { cursor node { id name kind trustLevel certification rating scopes hosts publisher { name } latestVersion { version } versions { edges { node { version state } } } } } pageInfo { hasNextPage endCursor } } }`);
    expect(m.body.errors, m.text).toBeUndefined();
    expect(m.text).toContain(a.pluginId);
    expect(m.text).not.toContain('1.1.0');
    const v = await h.gql(`{ viewer { user { email } workspaces { role workspace { id installations { edges { node { id settings state version { version } } } } } } } }`, { token: a.users.wsAdmin.token });
    expect(v.body.errors, v.text).toBeUndefined();
    expect(v.text).toContain(a.installationId);
  });
});
