import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// TANDEM_E2E_PORT lets two runs share a machine (a developer's and an integration check).
const PORT = Number(process.env.TANDEM_E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;

// One fresh database per run. Workers re-read this file, so the name travels in the environment.
process.env.TANDEM_E2E_DATABASE ??= path.join(os.tmpdir(), `tandem-e2e-${process.pid}-${Date.now()}.db`);
const databaseUrl = process.env.TANDEM_E2E_DATABASE;

if (!fs.existsSync('dist/web/index.html')) {
  throw new Error('dist/web is missing: run `npm run build` first (or `npm run test:e2e`, which does both).');
}

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/helpers/global-teardown.ts',
  // Two workers fit this 2-core machine next to the server; tests never share accounts.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The service worker answers from its caches (offline work): specs about it opt in with
    // test.use({ serviceWorkers: 'allow' }) (e2e/offline.spec.ts); the others see the network as it is.
    serviceWorkers: 'block',
    launchOptions: {
      // Debian's Chromium: no browser download.
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node bin/tandem.ts serve --no-demo',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), DATABASE_URL: databaseUrl, TANDEM_DEMO: '0', LOG_LEVEL: 'warn', WEB_DIST_DIR: './dist/web' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
  },
});
