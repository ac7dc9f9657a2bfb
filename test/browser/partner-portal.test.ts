/**
 * The partner portal in a real browser (Debian Chromium via playwright-core)
 * against the compiled platform on loopback, with partner data seeded through
 * the real GraphQL API (support/partner-seed.ts): the dashboard shows the
 * seeded numbers, a deal under the auto-approval limit is approved and
 * protected, a conflicting one is refused with the reason, a large one waits
 * for review, the commission calculator follows the program's configured
 * rates (also after the internal team changes them), a payout statement
 * downloads as CSV, and a support ticket opened in the portal counts on the dashboard. Any console error or non-loopback request fails a test.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.js';
import { openBrowser, type BrowserSession } from './support/chromium.js';
import { browserSuiteHooks, requireBrowserPrerequisites } from './support/suite-hooks.js';
import { demoSession, seedPartnerProgram, type PartnerSeed } from './support/partner-seed.js';

requireBrowserPrerequisites();

vi.setConfig({ testTimeout: 120_000 });

let platform: BrowserPlatform;
let session: BrowserSession;
let page: Page;
let seed: PartnerSeed;
let settings: {
  agencyTiers: Record<string, { commissionBps: number; minAnnualRevenueCents: number }>;
  referral: { individualBountyCents: number };
  mdf: { categories: Record<string, { weightBps: number; activities: string[] }> };
};

/** The test's own reference: `cents × bps / 10 000` rounded half away from zero, and "$1,234.56". */
const applyBps = (cents: number, bps: number) => Number((BigInt(cents) * BigInt(bps) + 5_000n) / 10_000n);
const usd = (cents: number) => `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

async function signInAs(button: string) {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  }
  await page.goto(`${platform.url}/login`);
  await page.getByRole('button', { name: button }).click();
  await signOut.waitFor();
}

beforeAll(async () => {
  platform = await startBrowserPlatform();
  seed = await seedPartnerProgram(platform.url);
  const admin = await demoSession(platform.url, 'ADMIN');
  settings = (await admin<{ partnerProgramSettings: typeof settings }>('{ partnerProgramSettings }')).partnerProgramSettings;
  session = await openBrowser();
  page = session.page;
  page.setDefaultTimeout(20_000);
  // Every scenario runs as the agency's member (the first also looks as a non-member first), so each can run alone.
  await signInAs('Demo: Developer');
}, 300_000);

browserSuiteHooks(() => ({ session, platform }), { screenshotPrefix: 'partner-' });

describe('partner portal in Chromium', () => {
  it('shows the portal only to partner members, and the dashboard with the seeded numbers', async () => {
    await signInAs('Demo: Reviewer');
    await page.goto(`${platform.url}/partners`);
    await page.getByText('You are not a member of a partner organisation.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner portal' }).count()).toBe(0);

    await signInAs('Demo: Developer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner portal' }).click();
    await page.getByRole('heading', { name: 'Partner portal', level: 1 }).waitFor();
    await page.getByText(`${seed.partnerName} · Agency · Certified agency`).waitFor();

    const revenue = seed.paymentsCents.reduce((a, c) => a + c, 0);
    const commission = applyBps(seed.commissionedPaymentCents, settings.agencyTiers.certified!.commissionBps);
    expect(seed.commissionCents).toBe(commission);
    const tile = (name: string) => page.getByRole('group', { name });
    await tile('Revenue generated').getByText(usd(revenue)).waitFor();
    await expect(tile('Customers managed').locator('strong').textContent()).resolves.toBe('1');
    await expect(tile('Commission earned').locator('strong').textContent()).resolves.toBe(usd(commission));
    await expect(tile('Training progress').locator('strong').textContent()).resolves.toBe(`0 of ${seed.trainingModules} modules`);
    await expect(tile('Support tickets').locator('strong').textContent()).resolves.toBe('0 open of 0');
    await page.getByText('Your position: #1 among partners').waitFor();

    // The charts carry the same numbers in their tables.
    const revenueChart = page.getByRole('figure', { name: 'Revenue trend' });
    await revenueChart.getByText('Show revenue trend as a table').click();
    for (const cents of seed.paymentsCents.slice(0, 2)) await revenueChart.getByRole('cell', { name: usd(cents), exact: true }).waitFor();
    await page.getByRole('figure', { name: 'Customer growth' }).locator('svg.recharts-surface[role="application"]').waitFor();
    await session.screenshot('partner-01-dashboard');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('group', { name: 'Revenue generated' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot('partner-02-dashboard-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('registers a deal under the limit (approved and protected), refuses a conflicting one with the reason, sends a large one to review', async () => {
    await page.goto(`${platform.url}/partners/deals`);
    const form = page.getByRole('form', { name: 'Register a deal' });
    await form.getByText(`Deals under ${usd(1_000_000)} are approved at once`).waitFor();

    // Validation before sending: every problem named, focus on the first.
    await form.getByRole('button', { name: 'Register deal' }).click();
    await form.getByText("Enter the customer's website domain.").waitFor();
    await form.getByText('Enter the expected deal value.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('customerDomain');

    await form.getByLabel('Customer domain').fill('brightside-bikes.example');
    await form.getByLabel('Customer name').fill('Brightside Bikes');
    await form.getByLabel('Expected deal value (USD)').fill('8,500');
    await form.getByRole('button', { name: 'Register deal' }).click();
    await form.getByText(/^Brightside Bikes \(\$8,500\.00\) is approved and protected until \d{1,2} \w{3,4} \d{4}\.$/).waitFor();
    const table = page.getByRole('table', { name: 'Your registrations' });
    const row = table.getByRole('row').filter({ hasText: 'Brightside Bikes' });
    await row.getByText('Approved', { exact: true }).waitFor();
    await row.getByText(/Protected until/).waitFor();

    // The conflicting registration, submitted from the keyboard.
    await form.getByLabel('Customer domain').fill(`https://www.${seed.takenDomain}/`);
    await form.getByLabel('Customer name').fill('Bluefin Outfitters');
    await form.getByLabel('Expected deal value (USD)').fill('3000');
    await page.keyboard.press('Enter');
    const alert = form.getByRole('alert');
    await alert.getByText('This customer is already registered and protected, so your registration was refused.').waitFor();
    await alert.getByText(new RegExp(`Another partner registered a deal for ${seed.takenDomain.replace('.', '\\.')}; it is protected until \\d{1,2} \\w{3,4} \\d{4}\\.`)).waitFor();
    expect(await alert.textContent()).not.toMatch(/CONFLICT|DEAL_ALREADY_REGISTERED|T\d{2}:\d{2}/);
    expect(await table.getByRole('row').filter({ hasText: 'Bluefin' }).count()).toBe(0);
    await session.screenshot('partner-03-deal-refused');

    await form.getByLabel('Customer domain').fill('summit-gear.example');
    await form.getByLabel('Customer name').fill('Summit Gear');
    await form.getByLabel('Expected deal value (USD)').fill('25,000.00');
    await form.getByRole('button', { name: 'Register deal' }).click();
    await form.getByText("Summit Gear ($25,000.00) is registered and waits for the partner team's review.").waitFor();
    await table.getByRole('row').filter({ hasText: 'Summit Gear' }).getByText('In manual review', { exact: true }).waitFor();

    // The partner team turns it down with a note: the list shows the state and the reason.
    const admin = await demoSession(platform.url, 'ADMIN');
    const { dealReviewQueue } = await admin<{ dealReviewQueue: { id: string; customerDomain: string }[] }>('{ dealReviewQueue { id customerDomain } }');
    const summit = dealReviewQueue.find((d) => d.customerDomain === 'summit-gear.example')!;
    await admin('mutation($id: ID!) { decideDeal(id: $id, approve: false, note: "Summit Gear is already in a direct sales cycle.") { state } }', { id: summit.id });
    await page.reload();
    const rejected = page.getByRole('table', { name: 'Your registrations' }).getByRole('row').filter({ hasText: 'Summit Gear' });
    await rejected.getByText('Not approved', { exact: true }).waitFor();
    await rejected.getByText('Reason: Summit Gear is already in a direct sales cycle.').waitFor();
    await session.screenshot('partner-04-deals');
  });

  it('the commission calculator uses the configured rates, and follows them when the program changes', async () => {
    const premier = settings.agencyTiers.premier!.commissionBps;
    await page.goto(`${platform.url}/partners`);
    const calculator = page.getByRole('region', { name: 'Commission calculator' });
    await calculator.getByLabel('Tier').selectOption({ label: `Premier agency — ${premier / 100} % recurring` });
    await calculator.getByLabel('Customer revenue (USD)').fill('12,345.67');
    await expect(calculator.locator('output').textContent()).resolves.toBe(usd(applyBps(1_234_567, premier)));

    await calculator.getByLabel('Customer revenue (USD)').fill('12.345');
    await calculator.getByText('Enter a valid amount to see the commission.').waitFor();

    const bounty = settings.referral.individualBountyCents;
    await calculator.getByLabel('Tier').selectOption({ label: `Individual referral — ${usd(bounty)} per closed deal` });
    await calculator.getByLabel('Closed deals').fill('3');
    await expect(calculator.locator('output').textContent()).resolves.toBe(usd(bounty * 3));

    // The internal team changes the Premier rate: the calculator shows the new one, no number is built in.
    const admin = await demoSession(platform.url, 'ADMIN');
    const changed = structuredClone(settings);
    changed.agencyTiers.premier!.commissionBps = premier + 100;
    await admin('mutation($s: JSON!) { setPartnerProgramSettings(settings: $s) }', { s: changed });
    await page.reload();
    await calculator.getByLabel('Tier').selectOption({ label: `Premier agency — ${(premier + 100) / 100} % recurring` });
    await calculator.getByLabel('Customer revenue (USD)').fill('12,345.67');
    await expect(calculator.locator('output').textContent()).resolves.toBe(usd(applyBps(1_234_567, premier + 100)));
    await session.screenshot('partner-05-commission-calculator');
    await admin('mutation($s: JSON!) { setPartnerProgramSettings(settings: $s) }', { s: settings });
  });

  it('downloads a payout statement as CSV and shows the scorecard history', async () => {
    await page.goto(`${platform.url}/partners/payouts`);
    const commission = usd(seed.commissionCents);
    // The seeded month's statement (the platform's month-close job may add the previous month's, with nothing in it).
    const statement = page.getByRole('region', { name: new RegExp(`: ${commission.replace(/[$.]/g, '\\$&')}$`) });
    const [download] = await Promise.all([page.waitForEvent('download'), statement.getByRole('button', { name: /Download the .* statement as CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^payout-statement-\d{4}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('agency_commission');
    expect(csv).toContain(String(seed.commissionCents));
    await page.getByRole('table', { name: 'Scorecard history' }).getByRole('row').nth(1).waitFor();
    await session.screenshot('partner-06-payouts');
  });

  it('creates a referral link, and a passed assessment earns a certificate that the dashboard counts', async () => {
    await page.goto(`${platform.url}/partners/referrals`);
    await page.getByText('You have no referral link yet.').waitFor();
    await page.getByRole('button', { name: 'Create a referral link' }).click();
    const links = page.getByRole('list', { name: 'Referral links' });
    const link = await links.locator('code').first().textContent();
    expect(link).toMatch(new RegExp(`^${platform.url.replace(/[.:/]/g, '\\$&')}/\\?ref=[A-Z0-9]+$`));
    await links.getByRole('button', { name: /Copy the link for code/ }).waitFor();
    await session.screenshot('partner-07-referrals');

    await page.getByRole('navigation', { name: 'Partner portal' }).getByRole('link', { name: 'Training' }).click();
    const module = page.getByRole('list', { name: 'Training modules' }).getByRole('listitem').filter({ hasText: 'Partner foundations' });
    await module.getByText('No valid certificate in your organisation yet.').waitFor();
    await module.getByText('Take the assessment').click();
    await module.getByRole('group', { name: /Who grants an agency access/ }).getByLabel("The client's workspace admin").check();
    await module.getByRole('group', { name: /How long does an approved deal registration/ }).getByLabel('90 days').check();
    await module.getByRole('button', { name: 'Submit answers' }).click();
    await module.getByText(/^2 of 2 correct \(100 %\)\. Certificate issued, valid until \d{1,2} \w{3,4} \d{4}\.$/).waitFor();
    await module.getByText(/Score 100 %, valid until/).waitFor();
    // Tier requirements measured by the server, money shown in dollars.
    const certified = page.getByRole('region', { name: 'Certified tier' });
    await certified.getByRole('row').filter({ hasText: 'Annual revenue' }).getByRole('cell', { name: `≥ ${usd(settings.agencyTiers.certified!.minAnnualRevenueCents)}`, exact: true }).waitFor();
    await certified.getByRole('row').filter({ hasText: 'Annual revenue' }).getByRole('cell', { name: usd(seed.paymentsCents.reduce((a, c) => a + c, 0)), exact: true }).waitFor();
    await certified.getByText(/: approved on .* — Approved for the browser test\.$/).waitFor();
    const premier = page.getByRole('region', { name: 'Premier tier' });
    await premier.getByRole('button', { name: 'Ask the partner team to review the Premier tier' }).click();
    await premier.getByText(/^Latest review requested .*: in review\.$/).waitFor();
    expect(await premier.getByRole('button', { name: 'Review requested' }).isDisabled()).toBe(true);
    await session.screenshot('partner-08-training');

    await page.getByRole('navigation', { name: 'Partner portal' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('group', { name: 'Training progress' }).locator('strong').textContent()).resolves.toBe(`1 of ${seed.trainingModules} modules`);
  });

  it('claims market development funds within a category share, refuses a claim over it with the reason, and reports results', async () => {
    await page.goto(`${platform.url}/partners/funds`);
    await page.getByRole('table', { name: 'Quarterly funds' }).getByRole('row').filter({ hasText: seed.mdfQuarter }).getByRole('cell', { name: usd(seed.mdfCents), exact: true }).waitFor();
    const demand = settings.mdf.categories.demand_generation!;
    const share = applyBps(seed.mdfCents, demand.weightBps);
    const first = Math.floor(share / 2 / 100) * 100;
    const form = page.getByRole('form', { name: 'Claim funds' });
    await form.getByLabel('Quarter').fill(seed.mdfQuarter);
    await form.getByLabel('Activity').selectOption(demand.activities[1]!);
    await form.getByLabel('Description').fill('Co-hosted webinar on abandoned-cart flows.');
    await form.getByLabel('Amount (USD)').fill(usd(first));
    await form.getByRole('button', { name: 'Submit claim' }).click();
    await form.getByText('Claim submitted; the partner team will decide on it.').waitFor();
    const claims = page.getByRole('table', { name: 'Your claims' });
    await claims.getByRole('row').filter({ hasText: demand.activities[1]! }).getByText('In review', { exact: true }).waitFor();

    // The rest of the category's share is share − first; ask for more than that.
    await form.getByLabel('Activity').selectOption(demand.activities[0]!);
    await form.getByLabel('Description').fill('Spring newsletter.');
    await form.getByLabel('Amount (USD)').fill(usd(share - first + 100));
    await form.getByRole('button', { name: 'Submit claim' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText("The claim is more than what is left of this quarter's fund for the activity's category.").waitFor();
    await alert.getByText(new RegExp(`has ${usd(share - first).replace(/[$.]/g, '\\$&')} left`)).waitFor();
    expect(await claims.getByRole('row').filter({ hasText: 'Spring newsletter' }).count()).toBe(0);
    await session.screenshot('partner-09-funds');

    // The partner team approves the first claim; the partner reports its results; once reimbursed it counts towards the fund's ROI.
    const admin = await demoSession(platform.url, 'ADMIN');
    const { mdfClaimQueue } = await admin<{ mdfClaimQueue: { id: string; activity: string }[] }>('{ mdfClaimQueue { id activity } }');
    const claim = mdfClaimQueue.find((c) => c.activity === demand.activities[1])!;
    await admin('mutation($id: ID!) { decideMdfClaim(id: $id, approve: true) { state } }', { id: claim.id });
    await page.reload();
    await page.getByText(`Report results for ${demand.activities[1]}`).click();
    const results = page.getByRole('form', { name: `Results for ${demand.activities[1]}` });
    await results.getByLabel('Leads').fill('12');
    await results.getByLabel('Opportunities').fill('3');
    await results.getByLabel('Customers acquired').fill('1');
    await results.getByLabel('Pipeline (USD)').fill('12,000');
    await results.getByLabel('Attributed revenue (USD)').fill('4,500');
    await results.getByRole('button', { name: 'Mark as done' }).click();
    const done = claims.getByRole('row').filter({ hasText: demand.activities[1]! });
    await done.getByText('Done, awaiting reimbursement', { exact: true }).waitFor();
    await done.getByText(/reimbursement due \d{1,2} \w{3,4} \d{4}/).waitFor();
    await admin('mutation($id: ID!) { reimburseMdfClaim(id: $id) { state } }', { id: claim.id });
    await page.reload();
    const roi = ((450_000 - first) / first).toFixed(1);
    await page.getByText(`Spent ${usd(first)}, attributed revenue ${usd(450_000)}: ROI ${roi} against a target of`).waitFor();
    await claims.getByRole('row').filter({ hasText: demand.activities[1]! }).getByText('Reimbursed', { exact: true }).waitFor();
  });

  it('opens a support ticket from the Support page, and the dashboard counts it', async () => {
    await page.goto(`${platform.url}/partners`);
    const tickets = page.getByRole('group', { name: 'Support tickets' });
    await tickets.getByText(/^\d+ open of \d+$/).waitFor();
    const [open, total] = ((await tickets.locator('strong').textContent())!.match(/\d+/g) ?? []).map(Number);
    await page.getByRole('navigation', { name: 'Partner portal' }).getByRole('link', { name: 'Support' }).click();
    const form = page.getByRole('form', { name: 'Ask the partner team' });
    await form.getByLabel('Subject').fill('Payout for March');
    await form.getByLabel('Message').fill('Our March statement shows no commission for Brightside Bikes.');
    await form.getByRole('button', { name: 'Send to the partner team' }).click();
    await form.getByText('Your question was sent; the partner team will answer here.').waitFor();
    await page.getByRole('article', { name: 'Payout for March' }).getByText(/^Waiting for an answer · opened/).waitFor();
    await page.getByRole('navigation', { name: 'Partner portal' }).getByRole('link', { name: 'Dashboard' }).click();
    await tickets.getByText(`${open! + 1} open of ${total! + 1}`, { exact: true }).waitFor();
  });
});
