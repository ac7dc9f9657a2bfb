/**
 * Automations and usage in a real browser (Debian Chromium via playwright-core)
 * against the compiled platform on loopback: the customer builds an automation
 * (trigger → mapping → action → dry-run preview → save, off → a real test
 * the test CRM receives → turn on) from the Webhooks catch hook to the
 * CLI-built test CRM, an app posts to the hook, the CRM
 * refuses the first create so the run fails, the customer replays it and sees
 * it succeed, then sees the usage. Also: the marketplace home loads only the
 * entry chunk (routes are code-split). Any console error fails a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.js';
import { openBrowser, type BrowserSession } from './support/chromium.js';
import { browserSuiteHooks, requireBrowserPrerequisites } from './support/suite-hooks.js';
import { installWithOAuth, publishAndCertify, signInAs, signOut } from './support/flows.js';
import { buildTestPlugin, TEST_PLUGIN_NAME, type BuiltPlugin } from './support/test-plugin.js';

requireBrowserPrerequisites();

vi.setConfig({ testTimeout: 180_000 });

let platform: BrowserPlatform;
let plugin: BuiltPlugin;
let session: BrowserSession;
let page: Page;
let hookInstallationId = '';
let versionId = '';

beforeAll(async () => {
  plugin = await buildTestPlugin();
  platform = await startBrowserPlatform();
  await platform.seeded;
  versionId = await publishAndCertify(platform, plugin, plugin.bundleFile, 'First release.');
  session = await openBrowser();
  page = session.page;
  page.setDefaultTimeout(20_000);
  try {
    await signInAs(page, platform.url, 'customer');
    await installWithOAuth(page, platform.url);
    // The Webhooks integration (no account to connect): consent, settings, enable.
    await page.goto(`${platform.url}/integrations/webhooks`);
    await page.getByRole('link', { name: 'Install Webhooks' }).click();
    await page.getByRole('button', { name: 'Allow and continue' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Webhooks connects to no account, so there is nothing to test').waitFor();
    await page.getByRole('button', { name: 'Enable Webhooks' }).click();
    await page.getByText('Webhooks is enabled.').waitFor();
    hookInstallationId = new URL(page.url()).pathname.split('/').pop()!;
  } catch (err) {
    await session.screenshot('failed-setup').catch(() => undefined);
    throw new Error(`setup failed: ${(err as Error).message}\n${session.problems.join('\n')}`);
  }
}, 600_000);

browserSuiteHooks(() => ({ session, platform, pluginDir: plugin?.dir }));

describe('automations in Chromium', () => {
  it('the marketplace home loads only the entry chunk and shows the icons served from the bundles; other screens load their chunks when visited', async () => {
    const fresh = await openBrowser();
    try {
      const scripts = new Map<string, number>();
      fresh.page.on('response', (response) => {
        if (response.url().endsWith('.js')) void response.body().then((b) => scripts.set(new URL(response.url()).pathname, b.length), () => undefined);
      });
      await fresh.page.goto(platform.url);
      await fresh.page.getByRole('list', { name: 'Integrations' }).getByRole('link', { name: 'Shopify' }).waitFor();
      const home = [...scripts.keys()];
      expect(home.length).toBeGreaterThan(0);
      expect(home.filter((s) => /usage-chart|schema-form|automations-page|installation-page|reviewer-console/.test(s))).toEqual([]);
      const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
      expect(bytes).toBeLessThan(450_000);
      // Icons come from the signed bundles, served content-addressed as images only.
      const icon = fresh.page.getByRole('list', { name: 'Integrations' }).getByRole('listitem').filter({ hasText: 'Shopify' }).locator('img.plugin-icon');
      const src = (await icon.getAttribute('src')) ?? '';
      expect(src).toMatch(/^\/icons\/shopify\/[a-f0-9]{64}\.svg$/);
      await fresh.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await icon.elementHandle());
      const served = await fetch(`${platform.url}${src}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/svg+xml');
      expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await served.text()).toBe(fs.readFileSync(path.resolve(import.meta.dirname, '../../plugins/shopify/icon.svg'), 'utf8'));
      expect((await fetch(`${platform.url}${src.replace(/[a-f0-9]{64}/, '0'.repeat(64))}`)).status).toBe(404);
      await fresh.screenshot('24-marketplace-icons');

      await fresh.page.goto(`${platform.url}/integrations/salesforce`);
      await fresh.page.getByRole('heading', { name: 'Salesforce', level: 1 }).waitFor();
      expect([...scripts.keys()].some((s) => s.includes('listing-page'))).toBe(true);
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('builds an automation, sends it a real test, a failed run is replayed and succeeds, and usage shows it', async () => {
    await page.goto(`${platform.url}/automations`);
    await page.getByRole('heading', { name: 'Automations', level: 1 }).waitFor();
    await page.getByText('No automations yet. Build one below.').waitFor();
    await page.getByLabel('Trigger').selectOption({ label: 'Webhooks: Catch hook' });
    await page.getByLabel('Action').selectOption({ label: `${TEST_PLUGIN_NAME}: Create contact` });
    await page.getByLabel(/^E-mail/).fill('{{email}}');
    await page.getByLabel(/^First name/).fill('{{plan}} customer');
    await expect(page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.getByText('Test run passed.').waitFor();
    expect(JSON.parse((await page.getByLabel('Test run input').textContent()) ?? '{}')).toEqual({ email: 'ada@example.com', firstName: 'pro customer' });
    await page.getByLabel('Automation name').fill('Signups to CRM');
    await session.screenshot('20-automation-builder-test-run');
    // Keyboard: from the name field, Tab reaches the save button and Enter presses it.
    await page.getByLabel('Automation name').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Save');
    await page.keyboard.press('Enter');
    // Saved off; the builder offers a real test before it is turned on.
    const testPanel = page.getByRole('region', { name: '6. Send a test' });
    await testPanel.getByText('Signups to CRM is saved and off.').waitFor();
    const saved = page.getByRole('list', { name: 'Automations' }).getByRole('listitem').filter({ hasText: 'Signups to CRM' });
    await saved.getByText('Off', { exact: true }).waitFor();
    expect(platform.api.created).toEqual([]);
    const contactPosts = () => platform.api.requests.filter((r) => r.startsWith('POST /v1/contacts'));
    expect(contactPosts()).toEqual([]);
    await testPanel.getByRole('button', { name: 'Send a test' }).click();
    await testPanel.getByText('The test went through.').waitFor({ timeout: 90_000 });
    // The catch hook's sample went through the mapping to the CRM, which really created the contact.
    expect(contactPosts()).toHaveLength(1);
    expect(platform.api.created).toEqual([expect.objectContaining({ email: 'ada@example.com', first_name: 'pro customer' })]);
    const answer = JSON.parse((await testPanel.getByLabel('Test answer').textContent()) ?? '{}') as Record<string, unknown>;
    expect(answer).toMatchObject({ id: platform.api.created[0]!.id, email: 'ada@example.com' });
    const testSteps = testPanel.getByRole('list', { name: 'Run steps' });
    for (const step of ['Trigger event: done', 'Filters: done', 'Mapping: done', 'Action: done']) await testSteps.getByText(step).waitFor();
    await testSteps.getByText('Action: done').click();
    expect(JSON.parse((await testSteps.getByLabel('Action output').textContent()) ?? '{}')).toEqual(answer);
    expect(JSON.parse((await testSteps.getByLabel('Action input').textContent()) ?? '{}')).toEqual({ email: 'ada@example.com', firstName: 'pro customer' });
    await session.screenshot('20b-automation-real-test');
    await testPanel.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByText('Signups to CRM is saved and on.').waitFor();
    await saved.getByText('On', { exact: true }).waitFor();

    // An app posts a signup to the hook; the CRM is briefly down, so the run fails.
    platform.api.control.failCreates = 1;
    const posted = await fetch(`${platform.url}/hooks/${hookInstallationId}/catchHook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_signup_1' },
      body: JSON.stringify({ email: 'grace@example.com', event: 'signup', plan: 'team' }),
    });
    expect(posted.status).toBe(202);
    const runs = saved.getByRole('table', { name: 'Runs of Signups to CRM' });
    await runs.getByText('Failed', { exact: true }).waitFor({ timeout: 90_000 });
    await saved.getByText('When Webhooks: Catch hook, then Browser Test CRM: Create contact').waitFor();
    const failed = runs.getByRole('row').filter({ hasText: 'Failed' });
    await failed.getByText('The other service was briefly unavailable.').waitFor();
    await failed.getByText('The API answered 503.').waitFor();
    await failed.getByRole('button', { name: 'Show logs' }).click();
    await failed.getByLabel('Run logs').or(failed.getByText('This run wrote no logs.')).first().waitFor();
    const steps = failed.getByRole('list', { name: 'Run steps' });
    await steps.getByText('Mapping: done').click();
    expect(JSON.parse((await steps.getByLabel('Mapping output').textContent()) ?? '{}')).toEqual({ email: 'grace@example.com', firstName: 'team customer' });
    await steps.getByText('Action: The other service was briefly unavailable.').waitFor();
    await expect(failed.getByRole('alert').count()).resolves.toBe(0);
    await session.screenshot('21-automation-failed-run');
    expect(platform.api.created).toEqual([expect.objectContaining({ email: 'ada@example.com' })]);

    await runs.getByRole('button', { name: 'Replay run' }).click();
    await page.getByText('The replay is queued; it appears here as a new run.').waitFor();
    await runs.getByRole('row').filter({ hasText: /replay \(attempt 2\)/ }).getByText('Succeeded', { exact: true }).waitFor({ timeout: 90_000 });
    expect(platform.api.created).toEqual([expect.objectContaining({ email: 'ada@example.com' }), expect.objectContaining({ email: 'grace@example.com', first_name: 'team customer' })]);
    await session.screenshot('22-automation-replayed');

    // The runs invoked the plugin in the sandbox: the workspace's usage counts them.
    await page.getByRole('link', { name: 'Usage & ROI' }).click();
    await page.getByRole('heading', { name: 'Usage and ROI' }).waitFor();
    for (let i = 0; !(await page.getByText('Show as a table').first().isVisible()); i++) {
      if (i > 20) throw new Error('no usage appeared on the dashboard');
      await page.waitForTimeout(3000);
      await page.reload();
      await page.getByRole('heading', { name: 'Usage and ROI' }).waitFor();
      await page.getByText(/Loading usage/).first().waitFor({ state: 'detached' }).catch(() => undefined);
    }
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.getByLabel('Totals for the last 30 days').locator('.kpi').count()).toBeGreaterThan(1);
    await page.getByRole('region', { name: 'One integration' }).getByRole('combobox').selectOption({ label: TEST_PLUGIN_NAME });
    await page.getByRole('figure', { name: 'Installation usage per day' }).waitFor();
    await session.screenshot('23-usage-after-automation');

    // Narrow screens: the automations page reflows instead of scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${platform.url}/automations`);
    await runs.getByText('Succeeded', { exact: true }).first().waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await session.screenshot('25-automations-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Off, then deleted; its runs stay in the installation's history.
    await page.goto(`${platform.url}/automations`);
    await saved.getByRole('button', { name: 'Turn off Signups to CRM' }).click();
    await saved.getByText('Off', { exact: true }).waitFor();
    await saved.getByRole('button', { name: 'Delete Signups to CRM' }).click();
    await saved.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No automations yet. Build one below.').waitFor();
  });

  it('the developer sees the version\'s service levels, and the internal team the ROI per integration', async () => {
    await signOut(page);
    await signInAs(page, platform.url, 'developer');
    await page.goto(`${platform.url}/developer/versions/${versionId}`);
    const slo = page.getByRole('region', { name: 'Service levels (last 30 days)' });
    await slo.getByRole('table', { name: 'Service levels, last 30 days' }).waitFor();
    await slo.getByRole('figure', { name: /^Error budget used: \d+%$/ }).locator('.recharts-surface').first().waitFor();
    expect(Number((await slo.getByRole('row', { name: /Invocations/ }).locator('td').first().textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await session.screenshot('26-version-slo');

    await signOut(page);
    await signInAs(page, platform.url, 'admin');
    await page.getByRole('link', { name: 'Usage & ROI' }).click();
    const roi = page.getByRole('region', { name: 'Return on investment per integration' });
    await roi.getByLabel('Integration for ROI').selectOption({ label: 'Shopify' });
    await roi.getByRole('figure', { name: 'Costs and revenue in US dollars' }).locator('.recharts-surface').first().waitFor();
    await roi.getByText('months to pay back').waitFor();
    await session.screenshot('27-roi-per-integration');
  });
});
