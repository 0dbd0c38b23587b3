import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { newPerson, signUpInUi } from './helpers/accounts.ts';
import { browserLocale, t, type Lang } from './helpers/i18n.ts';

// The whole first loop, in each language Tandem speaks: the browser's language decides.
for (const lang of ['en', 'fr'] as const satisfies Lang[]) {
  test.describe(`teacher and student meet in a course (${lang})`, () => {
    test.use({ locale: browserLocale[lang] });

    test('create a course, join it by code, see each other', async ({ page, browser }) => {
      const teacher = newPerson('teacher');
      const student = newPerson('student');
      const title = `${lang === 'fr' ? 'Biologie' : 'Biology'} ${Date.now()}`;

      // Teacher: signs up from the sign-in page.
      await page.goto('/');
      await expect(page).toHaveURL(/\/signin$/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'auth.signIn.title') })).toBeVisible();
      await expectAccessible(page, 'sign-in');
      await page.getByRole('link', { name: t(lang, 'auth.signIn.createAccount') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'auth.signUp.title') })).toBeVisible();
      await expectAccessible(page, 'sign-up');
      await signUpInUi(page, lang, teacher);

      // An empty course list, then a new course.
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'courses.title') })).toBeVisible();
      await expect(page.getByRole('heading', { name: t(lang, 'courses.empty.title') })).toBeVisible();
      await expectAccessible(page, 'empty course list');
      await page.getByRole('link', { name: t(lang, 'courses.createAction') }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'createCourse.title') })).toBeVisible();
      await expectAccessible(page, 'create course');
      await page.getByLabel(t(lang, 'fields.courseTitle')).fill(title);
      await page.getByLabel(t(lang, 'fields.description')).fill('Cells, genes and ecosystems.');
      await page.getByRole('button', { name: t(lang, 'createCourse.submit') }).click();

      // The course page shows the join code to its teacher.
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByText(t(lang, 'createCourse.created'))).toBeVisible();
      await expect(page.getByRole('heading', { name: t(lang, 'lessons.emptyTeacherTitle') })).toBeVisible();
      await expect(page.getByRole('heading', { name: t(lang, 'invite.title') })).toBeVisible();
      const joinCode = ((await page.getByTestId('join-code').textContent()) ?? '').replace(/\s+/g, '');
      expect(joinCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      await expect(page.getByLabel(t(lang, 'invite.link'))).toHaveValue(new RegExp(`/join/${joinCode}$`));
      await expectAccessible(page, 'course page (teacher)');

      // Student: a second browser, their own account, joins with the code as typed off a board.
      const studentContext = await browser.newContext({ locale: browserLocale[lang] });
      const studentPage = await studentContext.newPage();
      await studentPage.goto('/signup');
      await signUpInUi(studentPage, lang, student);
      await expect(studentPage.getByRole('heading', { level: 1, name: t(lang, 'courses.title') })).toBeVisible();
      await studentPage.getByRole('link', { name: t(lang, 'courses.joinAction') }).first().click();
      await expect(studentPage.getByRole('heading', { level: 1, name: t(lang, 'join.title') })).toBeVisible();
      await expectAccessible(studentPage, 'join page');
      const typed = `${joinCode.slice(0, 4).toLowerCase()} ${joinCode.slice(4)}`;
      await studentPage.getByLabel(t(lang, 'fields.joinCode')).fill(typed);
      await studentPage.getByRole('button', { name: t(lang, 'join.submit') }).click();

      await expect(studentPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(studentPage.getByText(t(lang, 'join.joined', { title }))).toBeVisible();
      await expect(studentPage.getByText(t(lang, 'roles.student'), { exact: true })).toBeVisible();
      await expect(studentPage.getByRole('heading', { name: t(lang, 'lessons.emptyStudentTitle') })).toBeVisible();
      // Students never see the join code.
      await expect(studentPage.getByTestId('join-code')).toHaveCount(0);
      await expectAccessible(studentPage, 'course page (student)');

      await studentPage.getByRole('link', { name: t(lang, 'course.backToCourses') }).click();
      await expect(studentPage.getByRole('heading', { level: 2, name: new RegExp(t(lang, 'courses.learning')) })).toBeVisible();
      await expect(studentPage.getByRole('link', { name: title })).toBeVisible();
      await expectAccessible(studentPage, 'course list (student)');
      await studentContext.close();

      // Teacher: the course is in their list with one student, and the roster shows the student.
      await page.getByRole('link', { name: t(lang, 'course.backToCourses') }).click();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
      await expect(card.getByText(t(lang, 'courses.studentCount', { count: 1 }))).toBeVisible();
      await expectAccessible(page, 'course list (teacher)');
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('link', { name: t(lang, 'course.roster') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'roster.title') })).toBeVisible();
      const students = page.getByRole('list', { name: t(lang, 'roster.studentsLabel') });
      await expect(students.getByText(student.name)).toBeVisible();
      await expect(students.getByText(student.email)).toBeVisible();
      await expect(page.getByRole('heading', { name: t(lang, 'roster.students', { count: 1 }) })).toBeVisible();
      await expectAccessible(page, 'roster');
    });
  });
}
