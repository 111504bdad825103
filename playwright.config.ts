import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { QUIET_CHROMIUM_FLAGS } from './main/printing/chromium';
import { useTestKeyStore } from './test/helpers/test-key-store';
import { TEST_TODAY } from './test/today';

// The web hosts and CLI calls the fixtures spawn inherit this: the whole run, server and browser side (the
// renderer asks main for the day), lives on one fixed day.
process.env.JENJANG_TODAY = TEST_TODAY;
// …and keeps its database key in one temporary config folder (test/helpers/test-key-store.ts).
useTestKeyStore();

/** Chromium for the end-to-end tests: CHROMIUM_PATH, Playwright's own download, or Debian's /usr/bin/chromium. */
function resolveChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, playwrightOwnChromium(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) {
    console.error('No Chromium found for the end-to-end tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary.');
    process.exit(1);
  }
  return found;
}

function playwrightOwnChromium(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './test/helpers/e2e-global-setup.ts',
  // Two workers: every test starts its own web host (port 0) on its own database (a fresh file or server database),
  // the demo districts are copied from a cache each generated once (e2e-fixtures.ts), and the run's PostgreSQL
  // server belongs to this runner process, not to the worker that started it (test/helpers/postgres.ts).
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    launchOptions: { executablePath: resolveChromium(), args: [...QUIET_CHROMIUM_FLAGS, '--disable-gpu'] },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
