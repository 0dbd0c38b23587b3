import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';

const SIGN_IN_JS_BUDGET = 150 * 1024;

// Students open Tandem on cheap phones over school Wi-Fi: the first page must stay light.
test('the sign-in page loads at most 150 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Measured from the built files, as the server sends them (gzip at the default level).
  const sizes = [...scripts].map((path) => ({ path, gzip: zlib.gzipSync(fs.readFileSync(`dist/web${path}`)).length }));
  const total = sizes.reduce((sum, file) => sum + file.gzip, 0);
  const listing = sizes.map((file) => `${file.path} ${(file.gzip / 1024).toFixed(1)} KB`).join('\n');
  expect(total, `sign-in JS is ${(total / 1024).toFixed(1)} KB gzipped:\n${listing}`).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
  // zod waits until the form is used.
  expect([...scripts].some((path) => path.includes('/zod-')), listing).toBe(false);
});
