/**
 * Steps the browser scenarios share: signing in as a demo role in the page,
 * GraphQL calls made from the page (as the UI makes them) or from a plain
 * HTTP session, publishing and certifying the CLI-built plugin through the
 * API (the UI for that is covered by marketplace.test.ts), and installing it
 * with OAuth through the UI's wizard.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserPlatform } from './browser-platform.js';
import { TEST_PLUGIN_ID, TEST_PLUGIN_NAME, type BuiltPlugin } from './test-plugin.js';

export const DEMO_BUTTONS = { customer: 'Demo: Customer (Acme Store)', developer: 'Demo: Developer', reviewer: 'Demo: Reviewer', admin: 'Demo: Platform admin' } as const;
export type DemoRole = keyof typeof DEMO_BUTTONS;

export async function signInAs(page: Page, url: string, role: DemoRole): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: DEMO_BUTTONS[role] }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign out' });
  if (await button.isVisible()) {
    await button.click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  }
}

/** A GraphQL call from the page with its session cookie and the CSRF token the UI keeps. */
export async function graphqlFromPage<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': localStorage.getItem('nudge.csrf') ?? '' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    { query, variables },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A signed-in HTTP session outside the browser (a demo login's cookie and CSRF token). */
export async function apiSession(url: string, role: DemoRole) {
  let cookie = '';
  let csrf = '';
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie()[0];
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  const { demoLogin } = await gql<{ demoLogin: { csrfToken: string } }>('mutation($role: DemoRole!) { demoLogin(role: $role) { csrfToken } }', { role: role.toUpperCase() });
  csrf = demoLogin.csrfToken;
  return { gql };
}

/** Publishes a built bundle with the CLI as the demo developer, runs the automated gates, and has the demo reviewer certify it. Returns the version id. */
export async function publishAndCertify(platform: BrowserPlatform, plugin: BuiltPlugin, bundleFile: string, changelog: string): Promise<string> {
  const developer = await apiSession(platform.url, 'developer');
  const { viewer } = await developer.gql<{ viewer: { publishers: { publisher: { id: string; keys: { keyId: string }[] } }[] } }>('{ viewer { publishers { publisher { id keys { keyId } } } } }');
  const publisher = viewer.publishers[0]!.publisher;
  await developer.gql('mutation($id: ID!, $key: String!) { registerPublisherKey(publisherId: $id, publicKey: $key) { keyId } }', { id: publisher.id, key: plugin.publicKeyPem }).catch((err: Error) => {
    if (!/already|CONFLICT/i.test(err.message)) throw err;
  });
  const { createApiToken } = await developer.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "cli" }) { token } }');
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-cli-'));
  try {
    const env = { NUDGE_CONFIG: config };
    for (const args of [['login', '--hub', platform.url, '--token', createApiToken.token], ['publish', path.dirname(path.dirname(bundleFile)), '--changelog', changelog], ['submit', path.dirname(path.dirname(bundleFile)), '--wait', '300']]) {
      const run = await plugin.nudge(args, env);
      if (run.code !== 0) throw new Error(`nudge ${args[0]} failed:\n${run.stdout}\n${run.stderr}`);
    }
  } finally {
    fs.rmSync(config, { recursive: true, force: true });
  }
  const version = JSON.parse(fs.readFileSync(bundleFile, 'utf8')).manifest.version as string;
  const { listing } = await developer.gql<{ listing: { versions: { edges: { node: { id: string; version: string; state: string } }[] } } }>(
    'query($id: ID!) { listing(id: $id) { versions(first: 100) { edges { node { id version state } } } } }',
    { id: TEST_PLUGIN_ID },
  );
  const node = listing.versions.edges.map((e) => e.node).find((v) => v.version === version);
  if (node?.state !== 'IN_REVIEW') throw new Error(`${version} is ${node?.state ?? 'missing'} after the automated gates, not IN_REVIEW`);
  const reviewer = await apiSession(platform.url, 'reviewer');
  await reviewer.gql('mutation($id: ID!) { certifyVersion(versionId: $id, notes: "Checked by the browser test.") { __typename } }', { id: node.id });
  return node.id;
}

/** The customer installs the test plugin through the wizard: consent, OAuth at the local provider, test, enable. Returns the installation id. */
export async function installWithOAuth(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/integrations/${TEST_PLUGIN_ID}`);
  await page.getByRole('link', { name: `Install ${TEST_PLUGIN_NAME}` }).click();
  await page.getByRole('button', { name: 'Allow and connect account' }).click();
  await page.waitForURL(/\/install\/[^/?]+\?connected=1/, { timeout: 30_000 });
  const installationId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByLabel(/Tag for new contacts/).fill('vip');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Connection works (account: owner@browser-crm.test).').waitFor();
  await page.getByRole('button', { name: `Enable ${TEST_PLUGIN_NAME}` }).click();
  await page.getByText(`${TEST_PLUGIN_NAME} is enabled.`).waitFor();
  return installationId;
}
