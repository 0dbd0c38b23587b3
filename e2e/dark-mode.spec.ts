import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';

// Dark mode has its own colours, so its contrast is checked on its own.
test.use({ colorScheme: 'dark' });

test('dark mode keeps every page readable', async ({ page, baseURL }) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.signIn.title') })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(246, 247, 249)');
  await expectAccessible(page, 'sign-in (dark)');

  const api = apiAs(page.request, baseURL!);
  await api.signUp(newPerson('teacher'));
  const course = await api.createCourse(`Geography ${Date.now()}`, 'Maps and places.');

  for (const [path, heading] of [
    ['/', t('en', 'courses.title')],
    [`/courses/${course.id}`, undefined],
    [`/courses/${course.id}/roster`, t('en', 'roster.title')],
    ['/account', t('en', 'account.title')],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) })).toBeVisible();
    await expectAccessible(page, `${path} (dark)`);
  }
});
