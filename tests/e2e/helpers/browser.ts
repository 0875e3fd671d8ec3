/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). `CHROMIUM` is null
 * when /usr/bin/chromium is missing: the e2e suites then skip with a message saying so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './buildDist';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Launches headless Chromium with the flags our CI needs (no sandbox, no network chatter). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Fluent's enter animations are fast-forwarded, so dialogs are shot fully opaque.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * `describe`, or `describe.skip` with a console message when Chromium is missing; in CI, which
 * installs Chromium (.ci/run), its absence fails instead.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM_PATH} not found (apt-get install chromium)`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${CHROMIUM_PATH} not found (apt-get install chromium).`);
    describe.skip(name, body);
  }
}
