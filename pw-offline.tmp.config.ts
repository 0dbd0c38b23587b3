// TEMPORARY (offline/PWA engineer): playwright.config.ts on port 3212 against /tmp/tandem-build-offline, to avoid clashing. Deleted before handing over.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';
const PORT = 3212;
process.env.TANDEM_E2E_DATABASE_OFFLINE ??= path.join(os.tmpdir(), `tandem-e2e-offline-${process.pid}-${Date.now()}.db`);
export default defineConfig({
  ...base,
  globalTeardown: undefined,
  outputDir: '/tmp/pw-offline-results',
  use: { ...base.use, baseURL: `http://localhost:${PORT}` },
  webServer: {
    command: 'node bin/tandem.ts serve --no-demo',
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), DATABASE_URL: process.env.TANDEM_E2E_DATABASE_OFFLINE, TANDEM_DEMO: '0', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/tmp/tandem-build-offline', UPLOADS_DIR: '/tmp/tandem-offline-uploads' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
  },
});
