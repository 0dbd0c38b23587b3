import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson, PASSWORD } from './helpers/accounts.ts';
import { browserLocale, t } from './helpers/i18n.ts';

const NEW_PASSWORD = 'a brand new long passphrase';

/** The newest reset link mailed to an address: the e2e server has no SMTP, so mail waits in the outbox. */
async function resetLink(email: string): Promise<string> {
  const file = process.env.TANDEM_E2E_DATABASE;
  if (!file) throw new Error('TANDEM_E2E_DATABASE is not set (see playwright.config.ts)');
  for (let i = 0; i < 50; i++) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("select text from outbox where to_address = ? and text like '%/reset-password#token=%' order by created_at desc limit 1").get(email) as { text: string } | undefined;
      const link = row && /(https?:\/\/\S+\/reset-password#token=[\w-]{43})/.exec(row.text)?.[1];
      if (link) return new URL(link).pathname + new URL(link).hash;
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset email for ${email}`);
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel(t('en', 'fields.email')).fill(email);
  await page.getByLabel(t('en', 'fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('en', 'auth.signIn.submit') }).click();
}

test('a forgotten password is reset through the emailed one-time link', async ({ page, browser, baseURL }) => {
  const person = newPerson('student');
  await apiAs(page.request, baseURL!).signUp(person, 'en');
  // Another device, signed in before the reset: it must be signed out by it.
  const other = await browser.newContext();
  await apiAs(other.request, baseURL!).signUp(newPerson('student'));
  const otherLogin = await other.request.post('/api/auth/login', { headers: { origin: baseURL! }, data: { email: person.email, password: PASSWORD } });
  expect(otherLogin.status()).toBe(200);
  await page.context().clearCookies();

  await page.goto('/signin');
  await page.getByRole('link', { name: t('en', 'passwordReset.forgotLink') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'passwordReset.request.title') })).toBeVisible();
  await expectAccessible(page, 'forgot password');
  await page.getByLabel(t('en', 'fields.email')).fill(person.email);
  await page.getByRole('button', { name: t('en', 'passwordReset.request.submit') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('en', 'passwordReset.request.sentTitle') })).toBeVisible();
  await expectAccessible(page, 'reset link sent');

  const link = await resetLink(person.email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'passwordReset.reset.title') })).toBeVisible();
  // The token leaves the address bar at once.
  await expect(page).toHaveURL(/\/reset-password$/);
  await expectAccessible(page, 'choose a new password');
  await page.getByLabel(t('en', 'passwordReset.reset.newPassword'), { exact: true }).fill('short');
  await page.getByRole('button', { name: t('en', 'passwordReset.reset.submit') }).click();
  await expect(page.getByText(t('en', 'errors.field.tooShort', { count: 10 }))).toBeVisible();
  await page.getByLabel(t('en', 'passwordReset.reset.newPassword'), { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: t('en', 'passwordReset.reset.submit') }).click();

  await expect(page).toHaveURL(/\/signin\?reset=done$/);
  await expect(page.getByRole('status').filter({ hasText: t('en', 'passwordReset.doneNotice') })).toBeVisible();
  await expectAccessible(page, 'sign-in after the reset');
  expect((await other.request.get('/api/me')).status()).toBe(401);
  await signInWith(page, person.email, PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(t('en', 'errors.code.invalid_credentials'));
  await signInWith(page, person.email, NEW_PASSWORD);
  await expect(page).not.toHaveURL(/\/signin/);

  // The same link a second time: refused, with a way to ask again.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(link);
  await again.getByLabel(t('en', 'passwordReset.reset.newPassword'), { exact: true }).fill('yet another long passphrase');
  await again.getByRole('button', { name: t('en', 'passwordReset.reset.submit') }).click();
  await expect(again.getByRole('alert')).toContainText(t('en', 'passwordReset.reset.expiredTitle'));
  await expectAccessible(again, 'used reset link');
  await again.getByRole('link', { name: t('en', 'passwordReset.reset.askAgain') }).click();
  await expect(again.getByRole('heading', { level: 1, name: t('en', 'passwordReset.request.title') })).toBeVisible();
  await fresh.close();
  await other.close();
});

test('asking for a reset never says whether an address has an account, in French too', async ({ browser }) => {
  const context = await browser.newContext({ locale: browserLocale.fr });
  const page = await context.newPage();
  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: t('fr', 'passwordReset.request.title') })).toBeVisible();
  await page.getByLabel(t('fr', 'fields.email')).fill(`nobody-${Date.now()}@e2e.tandem.test`);
  await page.getByRole('button', { name: t('fr', 'passwordReset.request.submit') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('fr', 'passwordReset.request.sentTitle') })).toBeVisible();
  await expectAccessible(page, 'reset requested (fr)');
  // A link without its token explains itself.
  await page.goto('/reset-password');
  await expect(page.getByRole('alert')).toContainText(t('fr', 'passwordReset.reset.missingTitle'));
  await context.close();
});
