import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { escapeRegExp, learningApi } from './helpers/learning.ts';
import { connection, createPrework, waitForServiceWorker } from './helpers/offline.ts';

// These specs are about the service worker: let it run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });
test.setTimeout(120_000);

type ResponseRow = { userId: string; email: string; status: string; attempts: number; submittedAt: string | null; body: Record<string, unknown> | null };

test('pre-work done offline, through a reload, reaches the teacher exactly once', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const teacherContext = await browser.newContext();
  await apiAs(teacherContext.request, baseURL!).signUp(newPerson('teacher'));
  const prework = await createPrework(teacherContext.request, baseURL!, stamp);
  const [next, lesson] = prework.lessons as [Prework['lessons'][number], Prework['lessons'][number]];

  const context = await browser.newContext();
  const student = await context.newPage();
  const person = newPerson('student');
  const studentApi = apiAs(context.request, baseURL!);
  await studentApi.signUp(person);
  await studentApi.join(prework.joinCode);

  await test.step('the app installs, and a lesson is made available offline', async () => {
    await student.goto(`/lessons/${lesson.id}`);
    await expect(student.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await waitForServiceWorker(student);
    await expect(connection(student)).toHaveAttribute('data-state', 'online');
    // On a desktop the header's navigation is enough: the phone's bottom bar stays away.
    await expect(student.getByRole('navigation', { name: t('en', 'offline.nav.label') })).toBeHidden();
    await student.getByRole('button', { name: t('en', 'offline.lesson.make') }).click();
    await expect(student.getByTestId('offline-lesson')).toHaveAttribute('data-saved', 'yes', { timeout: 20_000 });
    await expect(student.getByTestId('offline-lesson').locator('.offline-lesson-state')).toHaveText(t('en', 'offline.lesson.saved'));
    await expectAccessible(student, 'lesson saved for offline');
  });

  const quizAnswers = ['Chloroplast', 'Oxygen'];
  const reflection = 'On the bus, with no signal: leaves are little factories.';

  await test.step('offline in the middle of the pre-work: answer the quiz and submit it', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(lesson.quiz)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: lesson.quiz })).toBeVisible();
    await context.setOffline(true);
    await expect(connection(student)).toHaveAttribute('data-state', 'offline');
    for (const answer of quizAnswers) await student.getByLabel(answer, { exact: true }).check();
    await student.getByRole('button', { name: t('en', 'activity.quiz.submit') }).click();
    await expect(student.getByTestId('save-status').first()).toHaveAttribute('data-state', 'offline');
  });

  await test.step('tick the checklist, still offline (the page comes from the saved copy)', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(lesson.checklist)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: lesson.checklist })).toBeVisible();
    await student.getByLabel('Read the page').check();
    await student.getByLabel('Watch the clip').check();
    await expect(student.getByText(t('en', 'activity.checklist.progress', { done: 2, total: 3 }))).toBeVisible();
  });

  await test.step('write and hand in the reflection, still offline', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(lesson.reflection)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: lesson.reflection })).toBeVisible();
    await student.getByLabel(t('en', 'activity.reflection.label')).fill(reflection);
    await student.getByRole('button', { name: t('en', 'activity.reflection.handIn') }).click();
    await expect(connection(student)).toHaveAttribute('data-state', 'offline');
    await expect.poll(async () => Number(await connection(student).getAttribute('data-pending'))).toBeGreaterThanOrEqual(3);
    await expectAccessible(student, 'reflection offline');
  });

  await test.step('reload while offline: the shell, the pre-work and the draft are all there', async () => {
    await student.reload();
    await expect(student.getByRole('heading', { level: 1, name: lesson.reflection })).toBeVisible();
    await expect(student.getByLabel(t('en', 'activity.reflection.label'))).toHaveValue(reflection);
    await expect(connection(student)).toHaveAttribute('data-state', 'offline');
    expect(Number(await connection(student).getAttribute('data-pending'))).toBeGreaterThanOrEqual(3);

    // The panel lists what waits, in the student's words.
    await connection(student).getByRole('button').click();
    await expect(student.getByRole('heading', { name: t('en', 'offline.panel.pendingTitle') })).toBeVisible();
    await expect(student.getByText(t('en', 'offline.panel.offline'))).toBeVisible();
    await expectAccessible(student, 'offline panel');
    await student.keyboard.press('Escape');

    // The lesson page and its reading page (with its picture) open offline too.
    await student.goto(`/lessons/${lesson.id}`);
    await expect(student.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await student.getByRole('link', { name: new RegExp(escapeRegExp(lesson.page)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: lesson.page })).toBeVisible();
    const image = student.locator('.page-html img, img.embed').first();
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // The next lesson's pre-work was saved on its own, without being asked.
    await student.goto(`/lessons/${next.id}`);
    await expect(student.getByRole('heading', { level: 1, name: next.title })).toBeVisible();
    await expect(student.getByTestId('offline-lesson')).toHaveAttribute('data-saved', 'yes');
  });

  await test.step('back online: everything is sent, in order, and the indicator says so', async () => {
    await context.setOffline(false);
    await expect(connection(student)).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await expect(connection(student)).toHaveAttribute('data-state', 'online');
  });

  await test.step('the teacher sees every answer exactly once', async () => {
    const teacher = learningApi(teacherContext.request, baseURL!);
    const ids = await teacher.get<{ lesson: { pre: { id: string; title: string }[] } }>(`/api/lessons/${lesson.id}`);
    const idOf = (title: string) => ids.lesson.pre.find((activity) => activity.title === title)!.id;
    const rowsOf = async (title: string) => (await teacher.get<{ responses: ResponseRow[] }>(`/api/activities/${idOf(title)}/responses`)).responses.filter((row) => row.email === person.email);

    await expect.poll(async () => (await rowsOf(lesson.reflection)).map((row) => row.status), { timeout: 20_000 }).toEqual(['done']);
    const [quiz] = await rowsOf(lesson.quiz);
    expect(quiz).toMatchObject({ status: 'done', attempts: 1, body: { answers: [1, 0] } });
    expect(await rowsOf(lesson.quiz)).toHaveLength(1);
    const checklist = await rowsOf(lesson.checklist);
    expect(checklist).toHaveLength(1);
    expect(checklist[0]?.body).toEqual({ checked: [0, 1] });
    const reflectionRows = await rowsOf(lesson.reflection);
    expect(reflectionRows).toHaveLength(1);
    expect(reflectionRows[0]).toMatchObject({ status: 'done', attempts: 1, body: { text: reflection } });
    expect(reflectionRows[0]?.submittedAt).not.toBeNull();

    // And on the teacher's page: the student's text, once.
    const teacherPage = await teacherContext.newPage();
    await teacherPage.goto(`/activities/${idOf(lesson.reflection)}`);
    await expect(teacherPage.getByRole('heading', { level: 1, name: lesson.reflection })).toBeVisible();
    await expect(teacherPage.getByText(reflection)).toHaveCount(1);
    await expect(teacherPage.getByRole('listitem').filter({ hasText: person.name })).toHaveCount(1);
  });

  await context.close();
  await teacherContext.close();
});

type Prework = Awaited<ReturnType<typeof createPrework>>;
