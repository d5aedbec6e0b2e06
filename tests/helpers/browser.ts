import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Headless Chromium (Debian's /usr/bin/chromium), driven by playwright-core,
 * to test the reading view as a reader sees it. CI installs Chromium (.ci/run)
 * and sets TEIKIT_REQUIRE_CHROMIUM, so there a missing browser fails the run;
 * on a developer machine without it the browser tests are skipped with that
 * reason. Mirrors tests/helpers/jing.ts.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumAvailable: boolean = (() => {
  const found = existsSync(CHROMIUM);
  if (!found && process.env.TEIKIT_REQUIRE_CHROMIUM) {
    throw new Error(`Chromium is required (TEIKIT_REQUIRE_CHROMIUM is set) but ${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  return found;
})();

export const CHROMIUM_SKIP_REASON = `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium); CI installs it and runs these tests`;

/** One browser for a test file: launching is the slow part. No network, no background services. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
