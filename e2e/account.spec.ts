import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';

test('switching the account to French switches the whole UI, and it sticks', async ({ page, baseURL }) => {
  const person = newPerson('student');
  await apiAs(page.request, baseURL!).signUp(person, 'en');

  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'account.title') })).toBeVisible();
  await expect(page.getByLabel(t('en', 'fields.name'))).toHaveValue(person.name);
  await expectAccessible(page, 'account settings');

  await page.getByLabel(t('en', 'fields.language')).selectOption('fr');
  await page.getByLabel(t('en', 'fields.timeZone')).selectOption('America/Toronto');
  await page.getByRole('button', { name: t('en', 'common.saveChanges') }).click();

  // The page itself switches at once, confirmation included.
  await expect(page.getByRole('heading', { level: 1, name: t('fr', 'account.title') })).toBeVisible();
  await expect(page.getByText(t('fr', 'account.saved'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel(t('fr', 'fields.timeZone'))).toHaveValue('America/Toronto');
  await expectAccessible(page, 'account settings in French');

  // Other pages too, and after a reload (an English browser): the account decides.
  await page.getByRole('navigation').getByRole('link', { name: t('fr', 'nav.courses'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('fr', 'courses.title') })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('fr', 'courses.title') })).toBeVisible();
  await expectAccessible(page, 'course list in French');

  // Signing out hands the language back to the browser.
  await page.getByRole('button', { name: t('fr', 'nav.accountMenu') }).click();
  await page.getByRole('button', { name: t('fr', 'nav.signOut') }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.signIn.title') })).toBeVisible();
});

test('a wrong password is refused in words, next to the form', async ({ page, baseURL }) => {
  const person = newPerson('teacher');
  await apiAs(page.request, baseURL!).signUp(person, 'en');
  await page.context().clearCookies();

  await page.goto('/signin');
  await page.getByLabel(t('en', 'fields.email')).fill(person.email);
  await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill('not the password at all');
  await page.getByRole('button', { name: t('en', 'auth.signIn.submit') }).click();
  await expect(page.getByRole('alert')).toHaveText(t('en', 'errors.code.invalid_credentials'));
  await expectAccessible(page, 'sign-in with an error');
});
