import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { expectNoHorizontalScroll, expectTouchTargets } from './helpers/layout.ts';
import { createActivity, escapeRegExp, expectSaveState, fillSettings, learningApi, startActivity } from './helpers/learning.ts';

const CLIP = fs.readFileSync(new URL('./fixtures/clip.webm', import.meta.url));
const CLIP_SECONDS = 12;

const T = {
  page: 'Read: how cells work',
  video: 'Watch: inside a cell',
  quiz: 'Check: cell basics',
  poll: 'Check-in: how confident are you?',
  questions: 'Bring a question',
  checklist: 'Before class',
  link: 'Try the cell simulator',
  reflection: 'Reflect: what changed your mind?',
  discussion: 'Discuss: cells in daily life',
};

/** Extra pictures for a person to look at: SHOTS_DIR=/some/dir npx playwright test async-learning. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

async function openActivity(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^${escapeRegExp(title)}`) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function backToLesson(page: Page, lessonTitle: string): Promise<void> {
  await page.getByRole('link', { name: lessonTitle }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
}

// The whole asynchronous loop in one story: a teacher builds a lesson with every activity type,
// a student does all of it (with a dropped connection, a reload and a second device in the
// middle), and the teacher's feedback reaches the student.
test('a teacher builds a lesson of every activity type, a student does it all, feedback comes back', async ({ page, browser, baseURL }) => {
  test.setTimeout(600_000);
  const teacherPerson = newPerson('teacher');
  const studentPerson = newPerson('student');
  await apiAs(page.request, baseURL!).signUp(teacherPerson);
  const course = await apiAs(page.request, baseURL!).createCourse(`Biology ${Date.now()}`, 'Cells and life.');
  const lessonTitle = 'Week 1 – Cells';

  // ---------- Teacher: the lesson, in the UI ----------
  await test.step('teacher creates the lesson', async () => {
    await page.goto(`/courses/${course.id}`);
    await page.getByRole('button', { name: t('en', 'lesson.create.action') }).click();
    await page.getByLabel(t('en', 'lesson.titleField')).fill(lessonTitle);
    await page.getByRole('button', { name: t('en', 'lesson.create.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
    for (const phase of ['pre', 'live', 'post'] as const) await expect(page.getByRole('heading', { level: 2, name: t('en', `phases.${phase}`) })).toBeVisible();
    await expectAccessible(page, 'empty lesson (teacher)');
  });
  const lessonUrl = page.url();

  await test.step('reading page, with the server-rendered preview', async () => {
    await startActivity(page, 'pre', 'page');
    await expectAccessible(page, 'page editor');
    await fillSettings(page, { title: T.page, minutes: 10, dueInDays: 3 });
    await page.getByLabel(t('en', 'editor.page.markdown')).fill('# How cells work\n\nThe ==nucleus== holds the DNA.\n\n- [ ] Underline the key words\n- [ ] Draw a cell\n');
    await page.getByRole('tab', { name: t('en', 'editor.page.preview') }).click();
    await page.getByRole('button', { name: t('en', 'editor.page.saveAndPreview') }).click();
    // The preview is the server's sanitised HTML: the highlight is a <mark>.
    await expect(page.getByRole('tabpanel').locator('mark')).toHaveText('nucleus');
    await expect(page.getByRole('heading', { level: 1, name: t('en', 'editor.editTitle', { type: t('en', 'learning.types.page') }) })).toBeVisible();
    await expectAccessible(page, 'page editor preview');
    await shot(page, 'page-preview');
    await page.getByRole('button', { name: t('en', 'common.saveChanges') }).click();
    await expect(page.getByRole('heading', { level: 1, name: T.page })).toBeVisible();
    await backToLesson(page, lessonTitle);
  });

  await test.step('uploaded video', async () => {
    await startActivity(page, 'pre', 'video');
    await fillSettings(page, { title: T.video, minutes: 5, dueInDays: 3 });
    await page.getByText(t('en', 'editor.video.sources.upload')).click();
    await page.getByLabel(t('en', 'editor.video.choose')).setInputFiles({ name: 'inside-a-cell.webm', mimeType: 'video/webm', buffer: CLIP });
    await expect(page.getByText(t('en', 'editor.video.uploaded', { name: 'inside-a-cell.webm' }))).toBeVisible();
    // The browser read the file's length: 90% watched can count as done.
    await expect(page.getByLabel(t('en', 'editor.video.duration'))).toHaveValue('0:12');
    await expectAccessible(page, 'video editor');
    await createActivity(page, T.video);
  });

  await test.step('quiz with all four kinds of item', async () => {
    await startActivity(page, 'pre', 'quiz');
    await fillSettings(page, { title: T.quiz, minutes: 8, dueInDays: 3 });
    const first = page.getByRole('group', { name: t('en', 'editor.quiz.item', { n: 1 }), exact: true });
    await first.getByLabel(t('en', 'editor.quiz.prompt'), { exact: true }).fill('Which part holds the DNA?');
    await first.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 1 }), { exact: true }).fill('The nucleus');
    await first.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true }).fill('The membrane');
    await first.getByLabel(t('en', 'editor.choices.rightLabel', { n: 1 })).check();

    await page.getByRole('button', { name: t('en', 'editor.quiz.add.multiple') }).click();
    const second = page.getByRole('group', { name: t('en', 'editor.quiz.item', { n: 2 }), exact: true });
    await second.getByLabel(t('en', 'editor.quiz.prompt'), { exact: true }).fill('Which are organelles?');
    await second.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 1 }), { exact: true }).fill('Mitochondria');
    await second.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true }).fill('Ribosomes');
    await second.getByRole('button', { name: t('en', 'editor.choices.add') }).click();
    await second.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 3 }), { exact: true }).fill('Blood');
    await second.getByLabel(t('en', 'editor.choices.rightLabel', { n: 1 })).check();
    await second.getByLabel(t('en', 'editor.choices.rightLabel', { n: 2 })).check();

    await page.getByRole('button', { name: t('en', 'editor.quiz.add.text') }).click();
    const third = page.getByRole('group', { name: t('en', 'editor.quiz.item', { n: 3 }), exact: true });
    await third.getByLabel(t('en', 'editor.quiz.prompt'), { exact: true }).fill('Name the powerhouse of the cell.');
    await third.getByLabel(t('en', 'editor.quiz.accepted')).fill('mitochondria\nmitochondrion');

    await page.getByRole('button', { name: t('en', 'editor.quiz.add.numeric') }).click();
    const fourth = page.getByRole('group', { name: t('en', 'editor.quiz.item', { n: 4 }), exact: true });
    await fourth.getByLabel(t('en', 'editor.quiz.prompt'), { exact: true }).fill('How many micrometres wide is a typical cell (10)?');
    await fourth.getByLabel(t('en', 'editor.quiz.value')).fill('10');
    await fourth.getByLabel(t('en', 'editor.quiz.tolerance')).fill('0,5');

    await page.getByLabel(t('en', 'editor.quiz.attempts')).fill('2');
    await expect(page.getByLabel(t('en', 'editor.quiz.showAnswers'))).toBeChecked();
    // A forgotten right answer is caught before sending, next to the question.
    await first.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true }).fill('');
    await page.getByRole('button', { name: t('en', 'editor.create') }).click();
    await expect(page.getByText(t('en', 'editor.errors.summary', { count: 1 }))).toBeVisible();
    await expect(first.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'quiz editor with an error');
    await shot(page, 'quiz-editor');
    await first.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true }).fill('The membrane');
    await createActivity(page, T.quiz);
  });

  await test.step('question box and checklist (pre), a link', async () => {
    await startActivity(page, 'pre', 'question_box');
    await fillSettings(page, { title: T.questions, minutes: 3 });
    await page.getByLabel(t('en', 'editor.prompt.question_box')).fill('What would you like us to go over in class?');
    await createActivity(page, T.questions);

    await startActivity(page, 'pre', 'checklist');
    await fillSettings(page, { title: T.checklist, minutes: 2 });
    await page.getByLabel(t('en', 'editor.checklist.items')).fill('Bring a notebook\nCharge your laptop');
    await createActivity(page, T.checklist);

    await startActivity(page, 'pre', 'link');
    await fillSettings(page, { title: T.link, minutes: 5 });
    await page.getByLabel(t('en', 'editor.link.url')).fill('https://example.org/cell-simulator');
    await page.getByLabel(t('en', 'editor.link.description')).fill('Build a cell, part by part.');
    await createActivity(page, T.link);
  });

  await test.step('live run-sheet: a poll', async () => {
    await startActivity(page, 'live', 'poll');
    await fillSettings(page, { title: T.poll });
    await page.getByLabel(t('en', 'editor.poll.question')).fill('How confident are you about cells?');
    await page.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 1 }), { exact: true }).fill('Very');
    await page.getByLabel(t('en', 'editor.choices.choiceLabel', { n: 2 }), { exact: true }).fill('Not yet');
    await createActivity(page, T.poll);
  });

  await test.step('post-work: reflection and discussion', async () => {
    await startActivity(page, 'post', 'reflection');
    await fillSettings(page, { title: T.reflection, minutes: 10, dueInDays: 5 });
    await page.getByLabel(t('en', 'editor.prompt.reflection')).fill('What did you think before, and what do you think now?');
    await createActivity(page, T.reflection);

    await startActivity(page, 'post', 'discussion');
    await fillSettings(page, { title: T.discussion, minutes: 10 });
    await page.getByLabel(t('en', 'editor.prompt.discussion')).fill('Where do you meet cells in everyday life?');
    await createActivity(page, T.discussion);
  });

  await test.step('teacher reorders, edits and checks the lesson', async () => {
    const pre = page.getByRole('region', { name: t('en', 'phases.pre') });
    const titles = async () => (await pre.locator('.activity-row-title').allInnerTexts()).map((title) => title.replace(/\s*\([^)]*\)\s*$/, ''));
    expect(await titles()).toEqual([T.page, T.video, T.quiz, T.questions, T.checklist, T.link]);
    await page.getByRole('button', { name: t('en', 'lesson.moveUp', { title: T.checklist }) }).click();
    await expect.poll(titles).toEqual([T.page, T.video, T.quiz, T.checklist, T.questions, T.link]);
    await expect(page.getByRole('region', { name: t('en', 'phases.live') }).getByRole('link', { name: new RegExp(`^${escapeRegExp(T.poll)}`) })).toBeVisible();
    await expectAccessible(page, 'full lesson (teacher)');
    await shot(page, 'teacher-lesson');
    // Edit: the link gets a longer estimate.
    await openActivity(page, T.link);
    await page.getByRole('link', { name: t('en', 'activity.edit') }).click();
    await page.getByLabel(t('en', 'editor.settings.minutes')).fill('6');
    await page.getByRole('button', { name: t('en', 'common.saveChanges') }).click();
    await expect(page.getByText(t('en', 'learning.meta.minutes', { count: 6 }))).toBeVisible();
  });

  // ---------- Student ----------
  const studentContext = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Montreal' });
  const student = await studentContext.newPage();
  const dialogs: string[] = [];
  student.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await apiAs(student.request, baseURL!).signUp(studentPerson);
  await apiAs(student.request, baseURL!).join(course.joinCode);
  const studentApi = learningApi(student.request, baseURL!);

  await test.step('student lands on My work', async () => {
    await student.goto('/');
    await expect(student).toHaveURL(/\/work$/);
    await expect(student.getByRole('heading', { level: 1, name: t('en', 'work.title') })).toBeVisible();
    await expect(student.getByRole('heading', { level: 2, name: new RegExp(t('en', 'work.groups.later')) })).toBeVisible();
    await expect(student.getByRole('link', { name: new RegExp(`^${escapeRegExp(T.page)}`) })).toBeVisible();
    await expect(student.getByRole('link', { name: new RegExp(`^${escapeRegExp(T.poll)}`) })).toHaveCount(0);
    await expectAccessible(student, 'My work (student)');
    // My work on a phone, with work to do (the README's copy comes from e2e/screenshots-student.spec.ts).
    await student.setViewportSize({ width: 360, height: 760 });
    await student.waitForLoadState('networkidle');
    await expectNoHorizontalScroll(student, 'My work (phone)');
    await expectTouchTargets(student, 'My work (phone)');
    await student.screenshot({ path: test.info().outputPath('my-work-phone.png') });
    await student.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('reading page: tick a task, mark as read', async () => {
    await openActivity(student, T.page);
    await expect(student.locator('.page-body mark')).toHaveText('nucleus');
    const task = student.getByRole('checkbox', { name: 'Draw a cell' });
    await task.check();
    await expectSaveState(student, 'saved');
    await student.getByRole('button', { name: t('en', 'activity.page.markRead') }).click();
    await expect(student.getByText(t('en', 'learning.status.done'), { exact: true })).toBeVisible();
    await expectAccessible(student, 'reading page (student)');
    await shot(student, 'reading');
    await student.reload();
    await expect(student.getByRole('checkbox', { name: 'Draw a cell' })).toBeChecked();
    await expect(student.getByRole('checkbox', { name: 'Underline the key words' })).not.toBeChecked();
  });

  await test.step('video: position saved and resumed after a reload, done at 90%', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(T.video)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.video })).toBeVisible();
    const video = student.getByTestId('video-player');
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1);
    const saved = student.waitForResponse((response) => response.url().endsWith('/response') && response.request().method() === 'PUT' && response.ok());
    await video.evaluate((element: HTMLVideoElement) => {
      element.currentTime = 4;
    });
    await saved;
    await student.reload();
    await expect(student.getByText(t('en', 'activity.video.resumed', { time: '0:04' }))).toBeVisible();
    await expect.poll(() => student.getByTestId('video-player').evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThanOrEqual(3.5);
    await expect(student.getByText(t('en', 'activity.video.doneAt'))).toBeVisible();
    await student.getByTestId('video-player').evaluate((element: HTMLVideoElement) => {
      element.currentTime = element.duration * 0.95;
    });
    await expect(student.getByText(t('en', 'activity.video.done'), { exact: true })).toBeVisible();
    await expectAccessible(student, 'video (student)');
    await shot(student, 'video');
  });

  await test.step('quiz: a wrong answer, the score, the right answers, a second attempt', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(T.quiz)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.quiz })).toBeVisible();
    await expect(student.getByText(t('en', 'activity.quiz.attemptsLeft', { count: 2 }))).toBeVisible();
    await student.getByRole('radio', { name: 'The nucleus' }).check();
    await student.getByRole('checkbox', { name: 'Mitochondria' }).check();
    await student.getByRole('checkbox', { name: 'Ribosomes' }).check();
    await student.getByRole('group', { name: /Question 3\./ }).getByRole('textbox').fill('Mitochondria');
    await student.getByRole('group', { name: /Question 4\./ }).getByRole('textbox').fill('12');
    await expectSaveState(student, 'saved');
    await expectAccessible(student, 'quiz (student)');
    await student.getByRole('button', { name: t('en', 'activity.quiz.submit') }).click();
    await expect(student.getByText(t('en', 'activity.quiz.score', { score: 3, max: 4 }))).toBeVisible();
    await expect(student.getByText(t('en', 'activity.quiz.attemptsLeft', { count: 1 }))).toBeVisible();
    await expect(student.getByText(t('en', 'activity.quiz.rightAnswer', { answer: '10 ± 0.5' }))).toBeVisible();
    await expectAccessible(student, 'quiz results');
    await shot(student, 'quiz-results');
    await student.getByRole('button', { name: t('en', 'activity.quiz.retry') }).click();
    await student.getByRole('group', { name: /Question 4\./ }).getByRole('textbox').fill('10,2');
    await student.getByRole('button', { name: t('en', 'activity.quiz.submit') }).click();
    await expect(student.getByText(t('en', 'activity.quiz.score', { score: 4, max: 4 }))).toBeVisible();
    await expect(student.getByText(t('en', 'activity.quiz.attemptsLeft', { count: 0 }))).toBeVisible();
    await expect(student.getByRole('button', { name: t('en', 'activity.quiz.retry') })).toHaveCount(0);
  });

  await test.step('checklist, question box, link', async () => {
    await student.getByRole('link', { name: new RegExp(escapeRegExp(T.checklist)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.checklist })).toBeVisible();
    await student.getByRole('checkbox', { name: 'Bring a notebook' }).check();
    await student.getByRole('checkbox', { name: 'Charge your laptop' }).check();
    await expectSaveState(student, 'saved');
    await expect(student.getByText(t('en', 'activity.checklist.progress', { done: 2, total: 2 }))).toBeVisible();
    await expect(student.getByText(t('en', 'learning.status.done'), { exact: true })).toBeVisible();

    await student.getByRole('link', { name: new RegExp(escapeRegExp(T.questions)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.questions })).toBeVisible();
    await student.getByLabel(t('en', 'activity.questions.label')).fill('Why are plant cells square?');
    await student.getByRole('button', { name: t('en', 'activity.questions.ask') }).click();
    await expect(student.getByText('Why are plant cells square?')).toBeVisible();
    await student.getByRole('button', { name: t('en', 'activity.questions.voteLabel', { count: 0 }) }).click();
    await expect(student.getByRole('button', { name: t('en', 'activity.questions.voteLabel', { count: 1 }) })).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(student, 'question box (student)');
    await shot(student, 'questions');

    await student.getByRole('link', { name: new RegExp(escapeRegExp(T.link)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.link })).toBeVisible();
    await student.route('https://example.org/**', (route) => route.fulfill({ body: '<title>Simulator</title>', contentType: 'text/html' }));
    const popup = student.waitForEvent('popup');
    await student.getByRole('link', { name: new RegExp(t('en', 'activity.link.open')) }).click();
    await (await popup).close();
    await expect(student.getByText(t('en', 'activity.link.opened'))).toBeVisible();
  });

  await test.step('live poll answered on the student’s own time', async () => {
    await student.goto(lessonUrl);
    await expectAccessible(student, 'lesson (student)');
    await openActivity(student, T.poll);
    await student.getByRole('radio', { name: 'Not yet' }).check();
    await expectSaveState(student, 'saved');
  });

  let reflectionUrl = '';
  await test.step('reflection: autosave, offline, reload restores the draft, a second device', async () => {
    await student.goto(lessonUrl);
    await openActivity(student, T.reflection);
    reflectionUrl = student.url();
    const box = student.getByLabel(t('en', 'activity.reflection.label'));
    await box.fill('Before, I thought cells were all the same.');
    await expectSaveState(student, 'saved');

    // The connection drops: the text stays on the device and says so.
    await studentContext.setOffline(true);
    await box.pressSequentially(' Now I see how different they are.');
    await expectSaveState(student, 'offline');
    await expect(student.getByText(t('en', 'activity.save.offline')).first()).toBeVisible();
    await shot(student, 'offline');

    // Saves keep failing while the page reloads: the draft comes back from the device.
    await student.route('**/api/activities/*/response', (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    await studentContext.setOffline(false);
    await student.reload();
    const full = 'Before, I thought cells were all the same. Now I see how different they are.';
    await expect(student.getByLabel(t('en', 'activity.reflection.label'))).toHaveValue(full);
    await expect(student.getByText(t('en', 'activity.save.restored'))).toBeVisible();

    // Back online for real: the draft is sent.
    await student.unroute('**/api/activities/*/response');
    await studentContext.setOffline(true);
    await studentContext.setOffline(false);
    await expectSaveState(student, 'saved');
    await student.reload();
    await expect(student.getByLabel(t('en', 'activity.reflection.label'))).toHaveValue(full);
    await expect(student.getByText(t('en', 'activity.save.restored'))).toHaveCount(0);

    // Another device saves a newer version: this one shows both and lets the student choose.
    const activityId = reflectionUrl.split('/').pop()!;
    const { response } = await studentApi.get<{ response: { revision: number } }>(`/api/activities/${activityId}/response`);
    await studentApi.put(`/api/activities/${activityId}/response`, { text: 'Written on my phone.', baseRevision: response.revision });
    await student.getByLabel(t('en', 'activity.reflection.label')).press('Control+End');
    await student.getByLabel(t('en', 'activity.reflection.label')).pressSequentially(' Cells!');
    await expect(student.getByRole('heading', { name: t('en', 'activity.conflict.title') })).toBeVisible();
    await expect(student.getByTestId('conflict-mine')).toContainText('Cells!');
    await expect(student.getByTestId('conflict-theirs')).toHaveText('Written on my phone.');
    await expectAccessible(student, 'reflection conflict');
    await shot(student, 'conflict');
    await student.getByRole('button', { name: t('en', 'activity.conflict.keepMine') }).click();
    await expectSaveState(student, 'saved');
    const saved = await studentApi.get<{ response: { body: { text: string } } }>(`/api/activities/${activityId}/response`);
    expect(saved.response.body.text).toBe(`${full} Cells!`);

    await student.getByRole('button', { name: t('en', 'activity.reflection.handIn') }).click();
    await expect(student.getByText(t('en', 'activity.reflection.handedInToast'))).toBeVisible();
    await expect(student.getByText(t('en', 'learning.status.done'), { exact: true })).toBeVisible();
  });

  await test.step('discussion: a thread, a reply, an edit', async () => {
    await student.goto(lessonUrl);
    await openActivity(student, T.discussion);
    await student.getByLabel(t('en', 'activity.discussion.newLabel')).fill('Yeast in **bread** is made of cells.');
    await student.getByRole('button', { name: t('en', 'activity.discussion.post') }).click();
    const post = student.getByRole('article', { name: t('en', 'activity.discussion.postBy', { name: studentPerson.name }) }).first();
    await expect(post.locator('strong')).toHaveText('bread');
    await post.getByRole('button', { name: t('en', 'activity.discussion.reply') }).click();
    await student.getByLabel(t('en', 'activity.discussion.replyTo', { name: studentPerson.name })).fill('And in cheese too.');
    await student.getByRole('button', { name: t('en', 'activity.discussion.sendReply') }).click();
    await expect(student.getByText('And in cheese too.')).toBeVisible();
    await post.getByRole('button', { name: t('en', 'activity.discussion.edit') }).first().click();
    await student.getByLabel(t('en', 'activity.discussion.editLabel')).fill('Yeast in **bread** is made of living cells.');
    await student.getByRole('button', { name: t('en', 'common.saveChanges') }).click();
    await expect(student.getByText('Yeast in bread is made of living cells.')).toBeVisible();
    await expect(student.getByText(t('en', 'activity.discussion.edited'), { exact: false }).first()).toBeVisible();
    await expectAccessible(student, 'discussion (student)');
    await shot(student, 'discussion');
  });

  await test.step('My work shows everything done, with progress', async () => {
    await student.getByRole('link', { name: t('en', 'work.nav') }).click();
    await expect(student.getByRole('heading', { level: 1, name: t('en', 'work.title') })).toBeVisible();
    await expect(student.getByRole('heading', { level: 2, name: t('en', 'work.caughtUp.title') })).toBeVisible();
    await expect(student.getByRole('heading', { level: 2, name: new RegExp(t('en', 'work.groups.done')) })).toBeVisible();
    await expect(student.getByText(t('en', 'learning.progress', { done: 8, total: 8 })).first()).toBeVisible();
  });

  // ---------- Teacher: responses, feedback, moderation, progress ----------
  await test.step('teacher reads the responses and gives feedback', async () => {
    await page.goto(reflectionUrl);
    const responses = page.getByRole('region', { name: t('en', 'activity.responses.title') });
    await expect(responses.getByText(t('en', 'activity.responses.summary', { done: 1, count: 1 }))).toBeVisible();
    await responses.getByText(studentPerson.name, { exact: true }).click();
    await expect(responses.getByText('Now I see how different they are.', { exact: false })).toBeVisible();
    await expectAccessible(page, 'responses (teacher)');
    await shot(page, 'responses');
    await responses.getByLabel(t('en', 'activity.responses.feedbackFor', { name: studentPerson.name })).fill('Great change of mind. Which cell surprised you most?');
    await responses.getByLabel(t('en', 'activity.responses.scoreLabel')).fill('9');
    await responses.getByLabel(t('en', 'activity.responses.maxLabel')).fill('10');
    await responses.getByRole('button', { name: t('en', 'activity.responses.sendFeedback') }).click();
    await expect(page.getByText(t('en', 'activity.responses.feedbackSent', { name: studentPerson.name }))).toBeVisible();
  });

  await test.step('teacher hides a post and sees the progress grid', async () => {
    await page.goto(lessonUrl);
    await openActivity(page, T.discussion);
    const reply = page.getByRole('article').filter({ hasText: 'And in cheese too.' });
    await reply.getByRole('button', { name: t('en', 'activity.discussion.hide') }).click();
    await expect(reply.getByText(t('en', 'activity.discussion.hiddenBadge'))).toBeVisible();

    await page.goto(`/courses/${course.id}`);
    await page.getByRole('link', { name: t('en', 'progress.action') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('en', 'progress.title') })).toBeVisible();
    const grid = page.getByRole('table');
    await expect(grid.getByRole('rowheader', { name: new RegExp(escapeRegExp(studentPerson.name)) })).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: new RegExp(escapeRegExp(T.quiz)) })).toBeVisible();
    await expect(page.getByRole('link', { name: t('en', 'progress.csv') })).toHaveAttribute('href', `/api/courses/${course.id}/progress.csv`);
    await expectAccessible(page, 'progress grid');
    await shot(page, 'progress');
  });

  await test.step('student reads the feedback from the bell', async () => {
    await student.goto('/work');
    const bell = student.getByRole('button', { name: t('en', 'notifications.label', { count: 1 }) });
    await expect(bell).toBeVisible();
    await bell.click();
    await expectAccessible(student, 'notifications open');
    await shot(student, 'bell');
    await student.getByRole('button', { name: new RegExp(escapeRegExp(T.reflection)) }).click();
    await expect(student.getByRole('heading', { level: 1, name: T.reflection })).toBeVisible();
    await expect(student.getByRole('heading', { name: t('en', 'activity.feedback.title') })).toBeVisible();
    await expect(student.getByTestId('my-feedback')).toHaveText('Great change of mind. Which cell surprised you most?');
    await expect(student.getByText(t('en', 'activity.feedback.score', { score: 9, max: 10 }))).toBeVisible();
    await expect(student.getByRole('button', { name: t('en', 'notifications.label', { count: 0 }) })).toBeVisible();
    await expectAccessible(student, 'feedback (student)');
    await shot(student, 'feedback');

    await student.goto(lessonUrl);
    await openActivity(student, T.discussion);
    await expect(student.getByText(t('en', 'activity.discussion.hidden'))).toBeVisible();
    await expect(student.getByText('And in cheese too.')).toHaveCount(0);
  });

  await test.step('phone: lesson and My work at 360 px, screenshots', async () => {
    await student.setViewportSize({ width: 360, height: 760 });
    for (const path of [lessonUrl, '/work', reflectionUrl]) {
      await student.goto(path);
      await expect(student.getByRole('heading', { level: 1 })).toBeVisible();
      await student.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(student, path);
      await expectTouchTargets(student, path);
      if (path === lessonUrl) await student.screenshot({ path: test.info().outputPath('lesson-phone.png') });
    }
    await page.setViewportSize({ width: 360, height: 760 });
    await page.goto(lessonUrl);
    await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
    await expectNoHorizontalScroll(page, 'lesson (teacher, phone)');
    await expectTouchTargets(page, 'lesson (teacher, phone)');
    await page.goto(`/courses/${course.id}/progress`);
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoHorizontalScroll(page, 'progress grid (phone)');
    await shot(page, 'progress-phone');
  });

  await test.step('dark mode keeps the new pages readable', async () => {
    await student.setViewportSize({ width: 1280, height: 800 });
    await page.setViewportSize({ width: 1280, height: 800 });
    await student.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of ['/work', lessonUrl, reflectionUrl]) {
      await student.goto(path);
      await expect(student.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(student, `${path} (dark)`);
    }
    await student.goto(lessonUrl);
    await openActivity(student, T.quiz);
    await expectAccessible(student, 'quiz results (dark)');
    await shot(student, 'quiz-dark');
    for (const path of [lessonUrl, `/courses/${course.id}/progress`, `/courses/${course.id}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} (teacher, dark)`);
    }
    await page.goto(lessonUrl);
    await startActivity(page, 'post', 'quiz');
    await expectAccessible(page, 'quiz editor (dark)');
    await shot(page, 'editor-dark');
    await student.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('French, where it is cheap: My work and an activity', async () => {
    const response = await student.request.patch('/api/me', { headers: { origin: baseURL! }, data: { locale: 'fr' } });
    expect(response.ok()).toBe(true);
    await student.goto('/work');
    await expect(student.getByRole('heading', { level: 1, name: t('fr', 'work.title') })).toBeVisible();
    await expectAccessible(student, 'My work (fr)');
    await shot(student, 'my-work-fr');
    await student.goto(reflectionUrl);
    await expect(student.getByRole('heading', { name: t('fr', 'activity.feedback.title') })).toBeVisible();
    await expectAccessible(student, 'reflection (fr)');
  });

  expect(dialogs).toEqual([]);
  await studentContext.close();
});
