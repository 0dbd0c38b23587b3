import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';

test('a teacher renames, re-codes, staffs, trims and archives a course', async ({ page, browser, baseURL }) => {
  const api = apiAs(page.request, baseURL!);
  await api.signUp(newPerson('teacher'));
  const course = await api.createCourse(`Physics ${Date.now()}`, 'Forces and motion.');

  const others = await browser.newContext();
  const student = newPerson('student');
  const coTeacher = newPerson('teacher');
  const studentApi = apiAs(others.request, baseURL!);
  await studentApi.signUp(student);
  await studentApi.join(course.joinCode);
  await others.clearCookies();
  await apiAs(others.request, baseURL!).signUp(coTeacher);
  await others.close();

  // Rename.
  await page.goto(`/courses/${course.id}`);
  const renamed = `Physics for everyone ${Date.now()}`;
  const settings = page.getByRole('region', { name: t('en', 'courseSettings.title') });
  await settings.getByLabel(t('en', 'fields.courseTitle')).fill(renamed);
  await settings.getByRole('button', { name: t('en', 'common.saveChanges') }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByText(t('en', 'courseSettings.saved'))).toBeVisible();

  // A new join code, after confirming; the old one is gone from the page.
  await page.getByRole('button', { name: t('en', 'invite.regenerate') }).click();
  const dialog = page.getByRole('dialog', { name: t('en', 'invite.regenerateTitle') });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'regenerate dialog');
  await dialog.getByRole('button', { name: t('en', 'invite.regenerateConfirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(t('en', 'invite.regenerated'))).toBeVisible();
  await expect(page.getByTestId('join-code')).not.toHaveText(new RegExp(course.joinCode.slice(0, 4) + '\\s*' + course.joinCode.slice(4)));

  // Roster: an unknown email is explained; a real one becomes co-teacher.
  await page.getByRole('link', { name: t('en', 'course.roster') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'roster.title') })).toBeVisible();
  const email = page.getByLabel(t('en', 'roster.teacherEmail'));
  await email.fill('nobody-here@e2e.tandem.test');
  await page.getByRole('button', { name: t('en', 'roster.addTeacher') }).click();
  await expect(page.getByText(t('en', 'errors.code.user_not_found'))).toBeVisible();
  await expectAccessible(page, 'roster with an error');
  await email.fill(coTeacher.email);
  await page.getByRole('button', { name: t('en', 'roster.addTeacher') }).click();
  const teachers = page.getByRole('list', { name: t('en', 'roster.teachersLabel') });
  await expect(teachers.getByText(coTeacher.name)).toBeVisible();
  await expect(page.getByRole('heading', { name: t('en', 'roster.teachers', { count: 2 }) })).toBeVisible();

  // Removing a student asks first.
  await page.getByRole('button', { name: t('en', 'roster.removeNamed', { name: student.name }) }).click();
  const confirm = page.getByRole('dialog', { name: t('en', 'roster.removeTitle', { name: student.name }) });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: t('en', 'common.cancel') }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('list', { name: t('en', 'roster.studentsLabel') }).getByText(student.name)).toBeVisible();
  await page.getByRole('button', { name: t('en', 'roster.removeNamed', { name: student.name }) }).click();
  await confirm.getByRole('button', { name: t('en', 'roster.remove') }).click();
  await expect(page.getByRole('heading', { name: t('en', 'roster.noStudentsTitle') })).toBeVisible();
  await expectAccessible(page, 'roster without students');

  // Archive: it moves to the archived section of the course list; unarchive brings it back.
  await page.getByRole('link', { name: renamed }).click();
  await settings.getByRole('button', { name: t('en', 'courseSettings.archive') }).click();
  const archiveDialog = page.getByRole('dialog', { name: t('en', 'courseSettings.archiveConfirmTitle', { title: renamed }) });
  await archiveDialog.getByRole('button', { name: t('en', 'courseSettings.archive') }).click();
  await expect(page.getByText(t('en', 'course.archivedTeacher'))).toBeVisible();
  await expectAccessible(page, 'archived course');
  await page.getByRole('link', { name: t('en', 'course.backToCourses') }).click();
  const archived = page.getByRole('region', { name: new RegExp(t('en', 'courses.archived')) });
  await expect(archived.getByRole('link', { name: renamed })).toBeVisible();
  await expectAccessible(page, 'course list with an archived course');
  await archived.getByRole('link', { name: renamed }).click();
  await page.getByRole('button', { name: t('en', 'courseSettings.unarchive') }).click();
  await expect(page.getByText(t('en', 'courseSettings.unarchivedToast'))).toBeVisible();
  await expect(page.getByText(t('en', 'course.archivedTeacher'))).toHaveCount(0);
});
