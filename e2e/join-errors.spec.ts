import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';

test.describe('joining with a wrong code', () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await apiAs(page.request, baseURL!).signUp(newPerson('student'));
  });

  test('a code no course uses says so next to the field', async ({ page }) => {
    await page.goto('/join');
    const field = page.getByLabel(t('en', 'fields.joinCode'));
    await field.fill('ZZZZ-ZZZZ');
    await page.getByRole('button', { name: t('en', 'join.submit') }).click();

    const message = page.getByText(t('en', 'join.errors.notFound'));
    await expect(message).toBeVisible();
    // Tied to the field, so a screen reader reads it with the field; focus goes back there.
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(t('en', 'join.errors.notFound').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(field).toBeFocused();
    await expect(page).toHaveURL(/\/join$/);
    await expectAccessible(page, 'join page with an unknown code');
  });

  test('something that is not a join code is caught before sending', async ({ page }) => {
    await page.goto('/join');
    let joinRequests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/courses/join')) joinRequests += 1;
    });
    await page.getByLabel(t('en', 'fields.joinCode')).fill('abc');
    await page.getByRole('button', { name: t('en', 'join.submit') }).click();
    await expect(page.getByText(t('en', 'join.errors.format'))).toBeVisible();
    expect(joinRequests).toBe(0);
    await expectAccessible(page, 'join page with a malformed code');
  });

  test('a wrong code in a link shows the form with the error', async ({ page }) => {
    await page.goto('/join/ZZZZZZZZ');
    await expect(page.getByText(t('en', 'join.errors.notFound'))).toBeVisible();
    await expect(page.getByLabel(t('en', 'fields.joinCode'))).toHaveValue('ZZZZZZZZ');
    await expectAccessible(page, 'join link with an unknown code');
  });
});
