/**
 * An installation's life in a real browser (Debian Chromium via playwright-core)
 * against the compiled platform on loopback: the provider revokes the grant and
 * the UI shows the needs-reauth banner until the customer reconnects through
 * the local oidc-provider; a new major (with a new scope) is reviewed and
 * migrated to with consent; the UI recovers a lost CSRF token while a request
 * without it is still refused and another origin cannot read it; pause, resume
 * and uninstall. Any console error fails a test.
 */
import http from 'node:http';
import type net from 'node:net';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.js';
import { openBrowser, type BrowserSession } from './support/chromium.js';
import { browserSuiteHooks, requireBrowserPrerequisites } from './support/suite-hooks.js';
import { graphqlFromPage, installWithOAuth, publishAndCertify, signInAs } from './support/flows.js';
import { buildTestPlugin, rebuildTestPlugin, TEST_PLUGIN_NAME, type BuiltPlugin } from './support/test-plugin.js';

requireBrowserPrerequisites();

vi.setConfig({ testTimeout: 180_000 });

let platform: BrowserPlatform;
let plugin: BuiltPlugin;
let session: BrowserSession;
let page: Page;
let installationId = '';

const heading = () => page.getByRole('heading', { name: new RegExp(TEST_PLUGIN_NAME), level: 1 });

beforeAll(async () => {
  plugin = await buildTestPlugin();
  platform = await startBrowserPlatform();
  await platform.seeded;
  await publishAndCertify(platform, plugin, plugin.bundleFile, 'First release.');
  session = await openBrowser();
  page = session.page;
  page.setDefaultTimeout(20_000);
  try {
    await signInAs(page, platform.url, 'customer');
    installationId = await installWithOAuth(page, platform.url);
  } catch (err) {
    await session.screenshot('failed-setup').catch(() => undefined);
    throw new Error(`setup failed: ${(err as Error).message}\n${session.problems.join('\n')}`);
  }
}, 600_000);

browserSuiteHooks(() => ({ session, platform, pluginDir: plugin?.dir }));

describe('installations in Chromium', () => {
  it('shows the needs-reauth banner when the provider revokes access, and reconnects', async () => {
    // The user removed the app at the provider: the API refuses the token and the refresh is an invalid_grant.
    expect(await platform.revokeOAuthGrants()).toBeGreaterThan(0);
    platform.api.control.rejectTokens = true;
    await page.goto(`${platform.url}/installations/${installationId}`);
    await heading().getByText('Active').waitFor();
    const test = await graphqlFromPage<{ testConnection: { ok: boolean } }>(page, 'mutation($id: ID!) { testConnection(installationId: $id) { ok } }', { id: installationId });
    expect(test.testConnection.ok).toBe(false);
    platform.api.control.rejectTokens = false;

    await page.reload();
    await heading().getByText('Needs reconnection').waitFor();
    const banner = page.getByRole('alert').filter({ hasText: `${TEST_PLUGIN_NAME} needs you to reconnect the account.` });
    await banner.getByText('Nothing runs until you reconnect.', { exact: false }).waitFor();
    await banner.getByText(/access was revoked there, or it expired/).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('invalid_grant');
    await session.screenshot('30-installation-needs-reauth');
    const codes = platform.oidc.grants.authorization_code;
    await banner.getByRole('button', { name: `Reconnect ${TEST_PLUGIN_NAME}` }).click();
    await page.waitForURL(new RegExp(`/installations/${installationId}\\?connected=1`), { timeout: 30_000 });
    await page.getByText('The account is connected again.').waitFor();
    await heading().getByText('Active').waitFor();
    expect(platform.oidc.grants.authorization_code).toBe(codes + 1);
    await expect(page.getByText(`${TEST_PLUGIN_NAME} needs you to reconnect the account.`).count()).resolves.toBe(0);
    await session.screenshot('31-installation-reconnected');
  });

  it('migrates to a new major after showing the changes and the new scope', async () => {
    const bundle = await rebuildTestPlugin(plugin, { version: '1.0.0', addScopes: ['email'] });
    await publishAndCertify(platform, plugin, bundle, 'Version 1.0 also reads the e-mail address of the connected account.');
    await page.goto(`${platform.url}/installations/${installationId}`);
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'Review upgrade to 1.0.0' }).click();
    await versions.getByText('Version 1.0 also reads the e-mail address of the connected account.').waitFor();
    await versions.getByRole('heading', { name: 'Compatibility' }).waitFor();
    await versions.getByRole('list', { name: 'What changes' }).getByText("New OAuth scopes need the customer's consent: email.").waitFor();
    const settings = versions.getByRole('table', { name: 'Settings after the upgrade' });
    await settings.getByRole('row', { name: /defaultTag Kept vip vip/ }).waitFor();
    const access = versions.getByText('This version asks for more access.');
    await access.waitFor();
    await versions.getByText('New permissions:').locator('code').filter({ hasText: 'email' }).waitFor();
    const upgrade = versions.getByRole('button', { name: 'Upgrade to 1.0.0', exact: true });
    await expect(upgrade.isDisabled()).resolves.toBe(true);
    await session.screenshot('32-migration-plan');
    await versions.getByLabel('I allow this new access').check();
    await upgrade.click();
    await versions.getByText('Moved to version 1.0.0.').waitFor();
    await page.getByText(/Version 1\.0\.0 \(major 1\)/).waitFor();
    await versions.getByRole('button', { name: 'Roll back to 0.1.0' }).waitFor();
    await session.screenshot('33-migrated');
  });

  it('recovers a lost CSRF token, while a request without it is refused and another origin cannot read it', async () => {
    await page.goto(`${platform.url}/installations/${installationId}`);
    await heading().getByText('Active').waitFor();
    // Lost (storage cleared), then stale (another tab signed in again): the UI reads the session's token and goes on.
    await page.evaluate(() => localStorage.removeItem('nudge.csrf'));
    await page.getByRole('button', { name: 'Pause' }).click();
    await heading().getByText('Paused').waitFor();
    await expect(page.evaluate(() => localStorage.getItem('nudge.csrf'))).resolves.toMatch(/^[\w-]{20,}$/);
    await page.evaluate(() => localStorage.setItem('nudge.csrf', 'stale-token-from-another-tab'));
    await page.getByRole('button', { name: 'Resume' }).click();
    await heading().getByText('Active').waitFor();

    // The protection itself is unchanged: a cookie-only mutation is refused.
    const refused = await page.evaluate(async (id) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($id: ID!) { disableInstallation(id: $id) { state } }', variables: { id } }) });
      return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    }, installationId);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_REQUIRED');
    // A page of another origin (same machine, other port) cannot read the token: no CORS grant.
    const other = http.createServer((_req, res) => (res.setHeader('content-type', 'text/html'), res.end('<!doctype html><title>other</title>')));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', () => resolve()));
    const foreign = await session.context.newPage();
    try {
      await foreign.goto(`http://127.0.0.1:${(other.address() as net.AddressInfo).port}/`);
      const outcome = await foreign.evaluate(async (url) => {
        try {
          const res = await fetch(`${url}/graphql`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ viewer { csrfToken } }' }) });
          return `read: ${await res.text()}`;
        } catch {
          return 'blocked';
        }
      }, platform.url);
      expect(outcome).toBe('blocked');
    } finally {
      await foreign.close();
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
    // The browser reports the refused cross-origin read on that page's console; that one is expected.
    const expected = session.problems.filter((p) => p.includes('127.0.0.1') && /CORS|Failed to load resource|ERR_FAILED/.test(p) && !p.startsWith(`console error on ${platform.url}`));
    session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !expected.includes(p)));
    await page.bringToFront();
  });

  it('pauses, resumes and uninstalls', async () => {
    await page.goto(`${platform.url}/installations/${installationId}`);
    await page.getByRole('button', { name: 'Pause' }).click();
    await heading().getByText('Paused').waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await heading().getByText('Active').waitFor();
    await page.getByRole('button', { name: 'Uninstall' }).click();
    await page.getByText(`Uninstall ${TEST_PLUGIN_NAME}? The connection is revoked; history is kept.`).waitFor();
    await session.screenshot('34-uninstall-confirm');
    await page.getByRole('button', { name: 'Yes, uninstall' }).click();
    await heading().getByText('Uninstalled').waitFor();
    await page.getByRole('link', { name: 'Installed' }).click();
    await page.getByRole('heading', { name: /^Installed in/ }).waitFor();
    await expect(page.getByRole('link', { name: TEST_PLUGIN_NAME }).count()).resolves.toBe(0);
    await session.screenshot('35-installations-after-uninstall');
  });
});
