import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson, signUpInUi } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';

test('a join link signs the student up, then joins the course', async ({ browser, baseURL }) => {
  // The teacher and their course, set up through the API in a context of their own.
  const teacherContext = await browser.newContext();
  const teacher = apiAs(teacherContext.request, baseURL!);
  await teacher.signUp(newPerson('teacher'));
  const title = `Chemistry ${Date.now()}`;
  const course = await teacher.createCourse(title, 'Atoms first.');
  await teacherContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${course.joinCode}`);

  // Signed out: sign-in first, with a word on why, keeping the link to come back to.
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=%2Fjoin%2F${course.joinCode}$`));
  await expect(page.getByText(t('en', 'auth.joinHint'))).toBeVisible();
  await expectAccessible(page, 'sign-in from a join link');

  // No account yet: sign-up keeps the link too.
  await page.getByRole('link', { name: t('en', 'auth.signIn.createAccount') }).click();
  await expect(page).toHaveURL(new RegExp(`/signup\\?next=%2Fjoin%2F${course.joinCode}$`));
  await expect(page.getByText(t('en', 'auth.joinHint'))).toBeVisible();
  await expectAccessible(page, 'sign-up from a join link');
  await signUpInUi(page, 'en', newPerson('student'));

  // Straight into the course, no code to type.
  await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(t('en', 'join.joined', { title }))).toBeVisible();
  await expectAccessible(page, 'course after joining by link');

  // Following the link again while signed in is harmless: still a member, back on the course.
  await page.goto(`/join/${course.joinCode}`);
  await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await context.close();
});
