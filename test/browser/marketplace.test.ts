/**
 * The marketplace in a real browser (Debian Chromium via playwright-core)
 * against the compiled platform on loopback: browsing and searching, a
 * developer publishing a CLI-built plugin, a reviewer certifying it, a
 * customer installing it with OAuth against a local oidc-provider and
 * configuring it through the generated form, an automation test run, usage,
 * and a deprecation notice. Any browser console error fails the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserPlatform, TEST_API_HOST, type BrowserPlatform } from './support/browser-platform.js';
import { CHROMIUM, openBrowser, type BrowserSession } from './support/chromium.js';
import { graphqlFromPage as graphqlFromPageOf } from './support/flows.js';
import { browserSuiteHooks } from './support/suite-hooks.js';
import { buildTestPlugin, TEST_PLUGIN_ID, TEST_PLUGIN_NAME, type BuiltPlugin } from './support/test-plugin.js';

const UI_BUILT = fs.existsSync(path.resolve(import.meta.dirname, '../../marketplace-ui/dist/index.html'));
if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); .ci/run does.`);
if (!UI_BUILT) throw new Error('marketplace-ui/dist is missing: run npm run build first (npm test does).');

// Each step waits at most 20 s for the page; a whole scenario gets room on a busy CI machine.
vi.setConfig({ testTimeout: 120_000 });

let platform: BrowserPlatform;
let plugin: BuiltPlugin;
let session: BrowserSession;
let page: Page;
let installationId = '';
let versionId = '';

const DEMO_BUTTONS = { customer: 'Demo: Customer (Acme Store)', developer: 'Demo: Developer', reviewer: 'Demo: Reviewer', admin: 'Demo: Platform admin' } as const;

async function signInAs(role: keyof typeof DEMO_BUTTONS) {
  await page.goto(`${platform.url}/login`);
  await page.getByRole('button', { name: DEMO_BUTTONS[role] }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function signOut() {
  const button = page.getByRole('button', { name: 'Sign out' });
  if (await button.isVisible()) {
    await button.click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  }
}

const graphqlFromPage = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlFromPageOf<T>(page, query, variables);

beforeAll(async () => {
  plugin = await buildTestPlugin();
  platform = await startBrowserPlatform();
  await platform.seeded;
  session = await openBrowser();
  page = session.page;
  page.setDefaultTimeout(20_000);
}, 300_000);

browserSuiteHooks(() => ({ session, platform, pluginDir: plugin?.dir }));

describe('marketplace UI in Chromium', () => {
  it('browses, filters and searches the marketplace, and opens a listing', async () => {
    await page.goto(platform.url);
    await expect(page.title()).resolves.toBe('NudgeCampaign Marketplace');
    const cards = page.getByRole('list', { name: 'Integrations' });
    await cards.getByRole('link', { name: 'Shopify' }).waitFor();
    expect(await cards.getByText('Certified').count()).toBeGreaterThan(5);
    await session.screenshot('01-marketplace-home');

    await page.getByLabel('Search integrations').fill('salesforce');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=salesforce/);
    await cards.getByRole('link', { name: 'Salesforce' }).waitFor();
    await expect(cards.getByRole('link', { name: 'Shopify' }).count()).resolves.toBe(0);

    await page.goto(`${platform.url}/`);
    // The filters live in the URL (shareable, back-button friendly): wait for it rather than the checkbox.
    await page.getByLabel('Connector').click();
    await page.waitForURL(/kind=CONNECTOR/);
    await cards.getByRole('link', { name: 'HTTP Request' }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Salesforce'));
    await page.getByLabel('Connector').click();
    await page.waitForURL((url) => !url.search.includes('kind='));
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.waitForURL(/category=/);

    // Keyboard: the skip link is the first stop and moves focus to the content.
    await page.goto(`${platform.url}/integrations/salesforce`);
    await page.getByRole('heading', { name: 'Salesforce', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.getByRole('heading', { name: 'Versions and changelog' }).waitFor();
    expect(await page.getByRole('list', { name: 'Requested scopes' }).locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Hosts it may call' }).locator('li').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Sign in to install' }).waitFor();
    await session.screenshot('02-listing-salesforce');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(platform.url);
    await page.getByRole('list', { name: 'Integrations' }).getByRole('link', { name: 'Shopify' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot('03-marketplace-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a developer registers a key, publishes the CLI-built plugin and follows it through the automated gates', async () => {
    await signInAs('developer');
    await page.getByRole('link', { name: 'Developer' }).click();
    await page.getByRole('link', { name: 'Acme Developer Studio' }).click();
    await page.getByLabel('Public key (PEM, from publisher.pub)').fill(plugin.publicKeyPem);
    await page.getByRole('button', { name: 'Register key' }).click();
    await expect(page.getByRole('list', { name: 'Signing keys' }).locator('li').count()).resolves.toBeGreaterThanOrEqual(0);
    await page.getByRole('list', { name: 'Signing keys' }).locator('li').first().waitFor();

    // The developer publishes with the CLI's hub commands, using an API token made in their session.
    const { createApiToken } = await graphqlFromPage<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "cli" }) { token } }');
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-cli-'));
    const login = await plugin.nudge(['login', '--hub', platform.url, '--token', createApiToken.token], { NUDGE_CONFIG: config });
    expect(login.code, login.stderr).toBe(0);
    const publish = await plugin.nudge(['publish', '--changelog', 'First release: new-contact trigger and create-contact action.'], { NUDGE_CONFIG: config });
    expect(publish.code, `${publish.stdout}\n${publish.stderr}`).toBe(0);
    fs.rmSync(config, { recursive: true, force: true });
    await page.reload();
    // The portal's own upload form sends the same bundle: the refusal reads as a sentence.
    await page.getByLabel('Bundle (.nudge.json)').setInputFiles(plugin.bundleFile);
    await page.getByLabel('Changelog').fill('The same bundle again.');
    await page.getByRole('button', { name: 'Publish version' }).click();
    await page.getByText('This version number was already published.').waitFor();
    const versions = page.getByRole('table', { name: `Versions of ${TEST_PLUGIN_NAME}` });
    await versions.getByRole('link', { name: '0.1.0' }).click();
    versionId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Submit for certification' }).click();
    await page.getByText('Automated checks passed; waiting for a reviewer').waitFor({ timeout: 180_000 });
    const gates = page.getByRole('list', { name: 'Certification gates' });
    expect(await gates.getByText('Passed').count()).toBeGreaterThanOrEqual(4);
    await gates.getByText('Plugin tests').click();
    await page.getByRole('region', { name: 'Certification report' }).getByLabel('Plugin tests logs').waitFor();
    await session.screenshot('04-developer-certification-report');
  }, 240_000);

  it('a reviewer certifies it with notes, and the customer sees the certified badge', async () => {
    await signOut();
    await signInAs('reviewer');
    await page.getByRole('link', { name: 'Review' }).click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${TEST_PLUGIN_NAME} 0.1.0` }) });
    await item.waitFor();
    await item.getByRole('list', { name: 'Certification gates' }).waitFor();
    await session.screenshot('05-reviewer-queue');
    await item.getByLabel(`Review notes for ${TEST_PLUGIN_NAME} 0.1.0`).fill('Scopes and hosts match the description; tests cover auth and every member.');
    await item.getByRole('button', { name: 'Certify' }).click();
    await item.waitFor({ state: 'detached' });

    await signOut();
    await signInAs('customer');
    await page.getByLabel('Search integrations').fill('Browser Test');
    await page.getByRole('button', { name: 'Search' }).click();
    const card = page.getByRole('list', { name: 'Integrations' }).getByRole('listitem').filter({ hasText: TEST_PLUGIN_NAME });
    await card.getByText('Certified').waitFor();
    await session.screenshot('06-customer-sees-certified');
  });

  it('a customer installs it with OAuth against the local provider and configures it through the generated form', async () => {
    await page.getByRole('link', { name: TEST_PLUGIN_NAME }).click();
    await page.getByRole('link', { name: `Install ${TEST_PLUGIN_NAME}` }).click();
    // Click 1: consent to the listed scopes and hosts.
    await page.getByRole('list', { name: 'Requested scopes' }).getByText('offline_access').waitFor();
    await page.getByRole('list', { name: 'Hosts it may call' }).getByText(TEST_API_HOST).waitFor();
    await session.screenshot('07-install-consent');
    await page.getByRole('button', { name: 'Allow and connect account' }).click();
    // The provider's page logs in and consents (the test's interaction policy), then the platform's callback returns here.
    await page.waitForURL(/\/install\/[^/?]+\?connected=1/, { timeout: 30_000 });
    installationId = new URL(page.url()).pathname.split('/').pop()!;
    expect(platform.oidc.grants.authorization_code).toBe(1);
    await page.getByText('Your account is connected.').waitFor();

    // The settings form comes from the plugin's JSON Schema: a required field is enforced before anything is sent.
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.rjsf .errors').waitFor();
    await session.screenshot('08-settings-form-validation');
    await page.getByLabel(/Tag for new contacts/).fill('vip');
    await page.getByLabel(/Days of history to sync/).fill('14');
    // Click 2.
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Click 3: the plugin's own auth test in the sandbox, through the platform's egress to the test API.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connection works (account: owner@browser-crm.test).').waitFor();
    expect(platform.apiRequests.some((r) => r.startsWith('GET /v1/me'))).toBe(true);
    // Click 4.
    await page.getByRole('button', { name: `Enable ${TEST_PLUGIN_NAME}` }).click();
    await page.getByText(`${TEST_PLUGIN_NAME} is enabled.`).waitFor();
    await session.screenshot('09-install-enabled');

    await page.getByRole('link', { name: 'View the installation' }).click();
    await page.getByRole('heading', { name: new RegExp(TEST_PLUGIN_NAME) }).getByText('Active').waitFor();
    await expect(page.getByLabel(/Tag for new contacts/).inputValue()).resolves.toBe('vip');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await session.screenshot('10-installation');
  });

  it('builds an automation with a test run, and sees usage', async () => {
    await page.getByRole('link', { name: 'Automations' }).click();
    await page.getByLabel('Trigger').selectOption({ label: `${TEST_PLUGIN_NAME}: New contact` });
    await page.getByLabel('Action').selectOption({ label: `${TEST_PLUGIN_NAME}: Create contact` });
    await page.getByLabel(/^E-mail/).fill('{{email}}');
    await page.getByLabel(/^First name/).fill('New contact {{id}}');
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.getByText('Test run passed.').waitFor();
    const input = JSON.parse((await page.getByLabel('Test run input').textContent()) ?? '{}');
    expect(input).toEqual({ email: 'ada@example.com', firstName: 'New contact c_1001' });
    // A mapping the action refuses is reported in words.
    await page.getByLabel(/^E-mail/).fill('{{id}}');
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.getByText('The action would refuse this input.').waitFor();
    await session.screenshot('11-automation-builder');

    // The connection test ran the plugin in the sandbox: it is counted in the workspace's usage.
    await page.getByRole('link', { name: 'Usage & ROI' }).click();
    await page.getByRole('heading', { name: 'Usage and ROI' }).waitFor();
    const deadline = Date.now() + 60_000;
    while (!(await page.getByText('Show as a table').isVisible())) {
      if (Date.now() > deadline) throw new Error('no usage appeared on the dashboard within 60 s');
      await page.waitForTimeout(3000);
      await page.reload();
      await page.getByRole('heading', { name: 'Usage and ROI' }).waitFor();
      await page.getByText(/Loading usage/).first().waitFor({ state: 'detached' }).catch(() => undefined);
    }
    await page.locator('.recharts-surface').first().waitFor();
    await session.screenshot('12-usage-dashboard');
  }, 120_000);

  it('a developer deprecates the version within the policy, and the customer sees the notice', async () => {
    await signOut();
    await signInAs('developer');
    await page.goto(`${platform.url}/developer/versions/${versionId}`);
    const form = page.getByRole('region', { name: 'Deprecate this version' });
    await form.waitFor();
    const earliest = ((await form.locator('#sunset-help').textContent()) ?? '').replace('Earliest allowed: ', '').trim();
    expect(earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Sunset date for 0.1.0').fill(dayBefore);
    await form.getByText('That date is earlier than the policy allows.').waitFor();
    await expect(form.getByRole('button', { name: 'Schedule deprecation' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Sunset date for 0.1.0').fill(earliest);
    await form.getByLabel('Message to customers').fill('Version 0.x is replaced by 1.0, which adds deal syncing.');
    await session.screenshot('13-deprecation-scheduling');
    await form.getByRole('button', { name: 'Schedule deprecation' }).click();
    await page.getByRole('heading', { name: `${TEST_PLUGIN_NAME} 0.1.0` }).getByText('Deprecated').waitFor();

    await signOut();
    await signInAs('customer');
    await page.goto(`${platform.url}/installations/${installationId}`);
    await page.getByText(/Version 0\.1\.0 is deprecated and stops working on/).waitFor();
    await page.getByText('Version 0.x is replaced by 1.0, which adds deal syncing.').waitFor();
    await session.screenshot('14-customer-deprecation-notice');
    await page.goto(`${platform.url}/integrations/${TEST_PLUGIN_ID}`);
    await page.getByText(/Version 0\.1\.0 is deprecated/).waitFor();
    await page.getByRole('link', { name: /Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const notice = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: `${TEST_PLUGIN_ID} 0.1.0 is deprecated` });
    await notice.waitFor();
    await session.screenshot('15-notifications');
    await notice.getByRole('button', { name: 'Mark as read' }).click();
    await notice.getByRole('button', { name: 'Mark as read' }).waitFor({ state: 'detached' });
  });

  it('shows errors in the product language, never a bare code', async () => {
    await page.goto(`${platform.url}/installations/00000000-0000-0000-0000-000000000000`);
    const alert = page.getByRole('alert').or(page.getByText('This installation was not found in your workspaces.'));
    await alert.first().waitFor();
    const text = (await alert.first().textContent()) ?? '';
    expect(text).not.toMatch(/^[A-Z_]+$/);
    // A failed sign-in speaks in sentences.
    await signOut();
    await page.goto(`${platform.url}/login`);
    await page.getByLabel('Email').fill('customer@demo.nudgecampaign.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('You could not be signed in. Check the email and password.').waitFor();
    await session.screenshot('16-sign-in-error');
  });
});
