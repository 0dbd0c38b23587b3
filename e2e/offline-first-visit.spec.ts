import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { connection } from './helpers/offline.ts';

// No service worker here (playwright.config.ts blocks it): a first visit, before the app has
// saved itself on the device, is exactly when its later pieces cannot be downloaded offline.

test('losing the connection on a first visit keeps the page working, and the app catches up when it returns', async ({ page, context, baseURL }) => {
  await apiAs(page.request, baseURL!).signUp(newPerson('student'));
  await page.goto('/work');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'work.title') })).toBeVisible();

  // Offline at once: the full connection indicator (its own chunk and strings) cannot be fetched.
  await context.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  // Longer than the app waits before loading its later pieces (features/offline/lazy.tsx).
  await page.waitForTimeout(3000);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'work.title') })).toBeVisible();
  await expect(page.getByText(t('en', 'errors.crashTitle'))).toHaveCount(0);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');

  // Back online: the pieces load after all, with their words (not their keys).
  await context.setOffline(false);
  await expect(connection(page)).toHaveAttribute('data-state', 'online');
  // Until the full indicator has arrived, the button is the first screen's small one (no panel).
  await expect(async () => {
    if (!(await page.getByRole('heading', { name: t('en', 'offline.panel.title') }).isVisible())) await connection(page).getByRole('button').first().click();
    await expect(page.getByRole('heading', { name: t('en', 'offline.panel.title') })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(t('en', 'offline.panel.online'))).toBeVisible();
  await expectAccessible(page, 'connection panel after a failed first load');
});
