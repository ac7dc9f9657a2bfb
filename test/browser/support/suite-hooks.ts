/**
 * The hooks every browser test file shares: after each test, a screenshot when
 * it failed and a clean console (a React error, a failed request or a page
 * error fails the test); after all, the browser, the platform and any built
 * test plugin are cleaned up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import type { BrowserPlatform } from './browser-platform.js';
import { CHROMIUM, type BrowserSession } from './chromium.js';

export interface SuiteState {
  session?: BrowserSession | undefined;
  platform?: BrowserPlatform | undefined;
  /** A test plugin built into a temp folder (removed with its parent folder). */
  pluginDir?: string | undefined;
}

export function browserSuiteHooks(state: () => SuiteState, options: { screenshotPrefix?: string } = {}): void {
  afterAll(async () => {
    const { session, platform, pluginDir } = state();
    await session?.close();
    await platform?.stop();
    if (pluginDir) fs.rmSync(path.dirname(pluginDir), { recursive: true, force: true });
  }, 120_000);

  afterEach(async (ctx) => {
    const session = state().session!;
    if (ctx.task.result?.state === 'fail') await session.screenshot(`failed-${options.screenshotPrefix ?? ''}${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
    const problems = session.problems.splice(0);
    expect(problems.join('\n')).toBe('');
  });
}

/** Fails the file at once, with what to do, when Chromium or the built UI is missing. */
export function requireBrowserPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); .ci/run does.`);
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../../../marketplace-ui/dist/index.html'))) throw new Error('marketplace-ui/dist is missing: run npm run build first (npm test does).');
}
