import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson, signUpInUi } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { expectNoHorizontalScroll, expectTouchTargets } from './helpers/layout.ts';

// One whole live session: a teacher and three students in their own browsers, a fourth student
// who never comes. Course, joining, lesson and the live session's schedule go through the UI; the
// activities are made through the API (their authoring UI belongs to another part of the app),
// and so are the three students' accounts, to keep the run short.
test.setTimeout(300_000);

const en = (key: string, values: Record<string, string | number> = {}) => t('en', key, values);
const origin = (baseURL: string) => ({ origin: baseURL });

/** "2026-11-25T19:00" on the wall clock of a zone: what a datetime-local field takes. */
function wallClock(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

type Student = { name: string; email: string; context: BrowserContext; page: Page };

async function studentBrowser(browser: Browser, baseURL: string, phone: boolean): Promise<Student> {
  const person = newPerson('student');
  const context = await browser.newContext(phone ? { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true } : {});
  await apiAs(context.request, baseURL).signUp(person);
  return { ...person, context, page: await context.newPage() };
}

async function post(page: Page, baseURL: string, path: string, data: unknown): Promise<unknown> {
  const response = await page.request.post(path, { headers: origin(baseURL), data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
  return response.json();
}

async function axeInBothSchemes(page: Page, where: string): Promise<void> {
  await expectAccessible(page, `${where} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${where} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a teacher runs a live session with three students; the absent one gets catch-up work', async ({ page: teacher, browser, baseURL }) => {
  const base = baseURL!;
  const title = `Water and ice ${Date.now()}`;

  // Teacher: signs up and creates the course in the UI.
  await teacher.goto('/signup');
  await signUpInUi(teacher, 'en', newPerson('teacher'));
  await expect(teacher.getByRole('heading', { level: 1, name: en('courses.title') })).toBeVisible();
  await teacher.goto('/courses/new');
  await teacher.getByLabel(en('fields.courseTitle')).fill(title);
  await teacher.getByRole('button', { name: en('createCourse.submit') }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const courseId = new URL(teacher.url()).pathname.split('/').at(-1)!;
  const joinCode = ((await teacher.getByTestId('join-code').textContent()) ?? '').replace(/\s+/g, '');

  // Students: one on a phone joins with the teacher's link; the others and the absentee by code.
  const [ana, ben, chloe, dora] = await Promise.all([
    studentBrowser(browser, base, true),
    studentBrowser(browser, base, false),
    studentBrowser(browser, base, false),
    studentBrowser(browser, base, false),
  ]);
  await ana.page.goto(`/join/${joinCode}`);
  await expect(ana.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  for (const s of [ben, chloe, dora]) await apiAs(s.context.request, base).join(joinCode);

  // The lesson, created in the UI; its live session scheduled from the lesson page, starting in
  // three minutes in the teacher's zone (the room opens ten minutes before), with a Jitsi room.
  await teacher.goto(`/courses/${courseId}`);
  await teacher.getByRole('button', { name: t('en', 'lesson.create.action') }).click();
  await teacher.getByLabel(t('en', 'lesson.titleField')).fill('States of matter');
  await teacher.getByRole('button', { name: t('en', 'lesson.create.submit') }).click();
  await expect(teacher).toHaveURL(/\/lessons\/[^/]+$/);
  const lessonId = new URL(teacher.url()).pathname.split('/').at(-1)!;
  const panel = teacher.getByRole('region', { name: en('live.panel.title') });
  await panel.getByRole('button', { name: en('live.panel.schedule') }).click();
  await panel.getByLabel(en('live.schedule.start'), { exact: true }).fill(wallClock(new Date(Date.now() + 3 * 60_000), 'Europe/Paris'));
  await panel.getByLabel(en('live.schedule.duration')).fill('60');
  await panel.getByLabel(en('live.schedule.location')).fill('Room B12');
  await panel.getByLabel(en('live.schedule.videoUrl')).fill('https://meet.jit.si/TandemStatesOfMatterE2E');
  await expectAccessible(teacher, 'lesson page, schedule form');
  await panel.getByRole('button', { name: en('live.schedule.submit') }).click();
  await expect(panel.getByRole('link', { name: new RegExp(en('live.place.openVideo', { provider: 'Jitsi Meet' })) })).toBeVisible();
  await expect(panel.getByText('Room B12')).toBeVisible();
  await panel.getByText(en('live.zones.title')).click();
  await expect(panel.getByRole('table').getByRole('row', { name: /Europe\/Paris/ })).toContainText('4');
  await expectAccessible(teacher, 'lesson page, live session scheduled');
  await teacher.screenshot({ path: 'test-results/live-lesson-teacher.png', fullPage: true });

  // Activities through the API: pre-work question box, a run-sheet of three live steps, post-work.
  const activity = async (body: Record<string, unknown>) => ((await post(teacher, base, `/api/lessons/${lessonId}/activities`, body)) as { activity: { id: string } }).activity.id;
  const box = await activity({ phase: 'pre', type: 'question_box', title: 'Bring a question', content: { prompt: 'What puzzles you about ice?' } });
  await activity({ phase: 'live', type: 'page', title: 'Warm-up', content: { markdown: '# Warm-up\n\nWhy do **ice cubes** float in a glass of water?' } });
  await activity({ phase: 'live', type: 'poll', title: 'Check-in poll', content: { question: 'Is ice denser than water?', choices: ['Yes', 'No', 'Not sure'] } });
  await activity({ phase: 'live', type: 'page', title: 'Group task', content: { markdown: 'Design an experiment that compares the two densities.' } });
  await activity({ phase: 'post', type: 'reflection', title: 'What changed your mind?', content: { prompt: 'Write three sentences.' } });
  // A question brought in pre-work, which must reach the live Q&A.
  const preworkQuestion = 'Does salt water freeze the same way?';
  await post(ben.page, base, `/api/activities/${box}/questions`, { text: preworkQuestion });

  // Everyone enters the room.
  const room = `/lessons/${lessonId}/live`;
  await teacher.goto(room);
  await expect(teacher.getByRole('heading', { level: 1, name: 'States of matter' })).toBeVisible();
  await expect(teacher.getByText(en('live.connection.connected'))).toBeVisible();
  const students = [ana, ben, chloe];
  // Ben's WebSocket goes through a route, so the test can drop his connection later.
  const benSockets: { close: () => Promise<void> }[] = [];
  let benOffline = false;
  await ben.page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (benOffline) return void ws.close();
    ws.connectToServer();
    benSockets.push(ws);
  });
  // Ana finds the Join button on the lesson page; the others come by the room's address.
  await ana.page.goto(`/lessons/${lessonId}`);
  await expect(ana.page.getByText('Room B12')).toBeVisible();
  await expectAccessible(ana.page, 'lesson page (student, phone)');
  await expectNoHorizontalScroll(ana.page, 'lesson page (student, phone)');
  await ana.page.screenshot({ path: 'test-results/live-lesson-student-phone.png', fullPage: true });
  await ana.page.getByRole('link', { name: en('live.join.action') }).click();
  await expect(ana.page).toHaveURL(new RegExp(`${room}$`));
  for (const s of students) {
    if (s !== ana) await s.page.goto(room);
    await expect(s.page.getByText(en('live.connection.connected'))).toBeVisible();
  }

  // Attendance: all three present, the fourth not yet.
  const attendance = teacher.getByRole('region', { name: en('live.attendance.title') });
  for (const s of students) await expect(attendance.getByRole('listitem').filter({ hasText: s.name })).toContainText(en('live.attendance.presentBadge'));
  await expect(attendance.getByText(en('live.attendance.summary', { count: 3, total: 4 }))).toBeVisible();
  await expect(attendance.getByText(en('live.attendance.notYet', { count: 1 }))).toBeVisible();

  // Run-sheet: every student screen follows the teacher.
  const stepCard = (p: Page) => p.locator('#room-step');
  for (const s of students) await expect(stepCard(s.page).getByRole('heading', { level: 2, name: 'Warm-up' })).toBeVisible();
  await expect(stepCard(ana.page).getByText('ice cubes')).toBeVisible();
  await teacher.getByRole('button', { name: en('live.runSheet.next') }).click();
  for (const s of students) await expect(stepCard(s.page).getByRole('heading', { level: 2, name: 'Check-in poll' })).toBeVisible();
  await expect(ana.page.getByTestId('live-announcer')).toContainText(en('live.announce.step', { number: 2, total: 3, title: 'Check-in poll' }));

  // Poll: opened by the teacher, answered on each screen, the chart's table follows live.
  await teacher.getByRole('button', { name: en('live.poll.open') }).click();
  const pollTable = teacher.getByRole('table', { name: en('live.poll.tableCaption', { question: 'Is ice denser than water?' }) });
  await expect(pollTable).toBeVisible();
  await expect(teacher.locator('.poll-chart canvas')).toBeVisible();
  const answers = [[ana, 'No'], [ben, 'No'], [chloe, 'Yes']] as const;
  for (const [i, [s, choice]] of answers.entries()) {
    const poll = s.page.getByRole('group', { name: 'Is ice denser than water?' });
    await poll.getByRole('button', { name: choice, exact: true }).click();
    await expect(poll.getByRole('button', { name: choice, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(teacher.getByTestId('poll-total')).toHaveText(String(i + 1));
  }
  await expect(pollTable.getByRole('row', { name: /^No 2 67$/ })).toBeVisible();
  await expect(pollTable.getByRole('row', { name: /^Yes 1 33$/ })).toBeVisible();
  await axeInBothSchemes(teacher, 'teacher room, poll open');
  await axeInBothSchemes(ana.page, 'student room on a phone, poll open');
  await expectNoHorizontalScroll(ana.page, 'student room on a phone');
  await expectTouchTargets(ana.page, 'student room on a phone');
  // The README's pictures when asked (SCREENSHOTS=1); otherwise beside the test's results.
  const picture = (name: string) => (process.env.SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));
  await ana.page.screenshot({ path: picture('live-student-phone.png') });
  await ana.page.screenshot({ path: test.info().outputPath('live-student-phone-full.png'), fullPage: true });
  await teacher.screenshot({ path: picture('live-teacher.png'), fullPage: true });

  // Ben loses his connection; the teacher shows the results meanwhile; Ben comes back with them.
  benOffline = true;
  for (const ws of benSockets.splice(0)) await ws.close();
  await expect(ben.page.getByText(en('live.connection.reconnecting'))).toBeVisible();
  await teacher.getByRole('button', { name: en('live.poll.reveal') }).click();
  await expect(ana.page.getByRole('table', { name: en('live.poll.tableCaption', { question: 'Is ice denser than water?' }) })).toBeVisible();
  benOffline = false;
  await expect(ben.page.getByText(en('live.connection.connected'))).toBeVisible({ timeout: 30_000 });
  await expect(ben.page.getByRole('table', { name: en('live.poll.tableCaption', { question: 'Is ice denser than water?' }) })).toBeVisible();
  await expect(ben.page.getByRole('group', { name: 'Is ice denser than water?' }).getByRole('button', { name: 'No', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await teacher.getByRole('button', { name: en('live.poll.close') }).click();
  await expect(chloe.page.getByText(en('live.poll.statusClosed'), { exact: true })).toBeVisible();

  // Q&A: Ana asks, Ben upvotes; the pre-work question is in the queue too; the teacher answers.
  const question = 'Why does ice float if it is solid?';
  await ana.page.getByRole('link', { name: en('live.jump.questions') }).click();
  await ana.page.getByLabel(en('live.questions.askLabel')).fill(question);
  await ana.page.getByRole('button', { name: en('live.questions.ask'), exact: true }).click();
  await ben.page.getByRole('button', { name: en('live.questions.upvote', { count: 0, text: question }) }).click();
  await expect(ben.page.getByRole('button', { name: en('live.questions.upvote', { count: 1, text: question }) })).toHaveAttribute('aria-pressed', 'true');
  const questions = teacher.getByRole('region', { name: en('live.questions.title') });
  await expect(questions.getByRole('button', { name: en('live.questions.upvote', { count: 1, text: question }) })).toBeVisible();
  await expect(questions.getByRole('listitem').filter({ hasText: preworkQuestion })).toContainText(en('live.questions.prework'));
  await expect(questions.getByRole('listitem').first()).toContainText(question);
  await questions.getByRole('button', { name: en('live.questions.markAnsweredFor', { text: question }) }).click();
  await expect(ana.page.getByRole('listitem').filter({ hasText: question })).toContainText(en('live.questions.answered'));

  // Help queue: Chloe raises her hand with a note; the teacher takes it, then resolves it.
  await chloe.page.getByLabel(en('live.hand.noteLabel')).fill('Stuck on the density formula');
  await chloe.page.getByRole('button', { name: en('live.hand.raise') }).click();
  await expect(chloe.page.locator('#room-hand').getByText(en('live.hand.place', { count: 1 }))).toBeVisible();
  const help = teacher.getByRole('region', { name: en('live.help.title') });
  await expect(help.getByText('Stuck on the density formula')).toBeVisible();
  await expect(help.getByText(chloe.name)).toBeVisible();
  await help.getByRole('button', { name: en('live.help.next') }).click();
  await expect(chloe.page.locator('#room-hand').getByText(en('live.hand.coming'))).toBeVisible();
  await expect(chloe.page.getByTestId('live-announcer')).toContainText(en('live.announce.handTaken'));
  await help.getByRole('button', { name: en('live.help.resolveFor', { name: chloe.name }) }).click();
  await expect(help.getByText(en('live.help.none'))).toBeVisible();
  await expect(chloe.page.getByRole('button', { name: en('live.hand.raise') })).toBeVisible();

  // Breakout groups: two at random, with a task and a timer, a broadcast, then back together.
  await teacher.getByRole('button', { name: en('live.runSheet.next') }).click();
  const groups = teacher.getByRole('region', { name: en('live.groups.title') });
  await groups.getByLabel(en('live.groups.strategy.random')).check();
  await groups.getByLabel(en('live.groups.count')).selectOption('2');
  await groups.getByLabel(en('live.groups.task')).fill('Compare the densities of ice and water.');
  await groups.getByLabel(en('live.groups.minutes')).fill('5');
  await groups.getByRole('button', { name: en('live.groups.start') }).click();
  await expect(groups.locator('.group-box')).toHaveCount(2);
  const groupNames = new Set<string>();
  for (const s of students) {
    const mine = s.page.locator('.my-group-card');
    await expect(mine).toBeVisible();
    await expect(mine.getByText('Compare the densities of ice and water.')).toBeVisible();
    await expect(mine.getByText(en('live.groups.timeLeft'))).toBeVisible();
    groupNames.add(((await mine.getByRole('heading', { level: 2 }).textContent()) ?? '').trim());
  }
  expect(groupNames.size).toBe(2);
  await groups.getByLabel(en('live.groups.broadcastLabel')).fill('Two more minutes, then share.');
  await groups.getByRole('button', { name: en('live.groups.broadcast') }).click();
  await expect(ana.page.locator('.my-group-card').getByText('Two more minutes, then share.')).toBeVisible();
  await groups.getByRole('button', { name: en('live.groups.end') }).click();
  for (const s of students) await expect(s.page.locator('.my-group-card')).toHaveCount(0);
  await expect(ben.page.getByTestId('live-announcer')).toContainText(en('live.announce.groupsEnded'));

  // End: the summary, for the teacher.
  await teacher.getByRole('button', { name: en('live.room.end') }).click();
  await teacher.getByRole('dialog').getByRole('button', { name: en('live.room.end') }).click();
  await expect(teacher).toHaveURL(new RegExp(`/lessons/${lessonId}/live/summary$`));
  for (const s of students) await expect(s.page.getByText(en('live.room.endedTitle'), { exact: true })).toBeVisible();
  const summaryTable = teacher.getByRole('region', { name: en('live.attendance.title') }).getByRole('table');
  await expect(summaryTable).toBeVisible({ timeout: 20_000 });
  for (const s of students) await expect(summaryTable.getByRole('row', { name: new RegExp(s.name) })).toContainText(en('live.summary.present'));
  await expect(summaryTable.getByRole('row', { name: new RegExp(dora.name) })).toContainText(en('live.summary.absent'));
  await expect(teacher.getByRole('region', { name: 'Is ice denser than water?' }).getByRole('row', { name: /^No 2 67$/ })).toBeVisible();
  await expect(teacher.getByRole('region', { name: en('live.summary.catchUpTitle') })).toContainText(dora.name);
  await expect(teacher.getByRole('region', { name: en('live.questions.title') })).toContainText(question);
  await axeInBothSchemes(teacher, 'session summary');
  await teacher.screenshot({ path: 'test-results/live-summary.png', fullPage: true });

  // Dora never came: her post-work now holds catch-up copies of the live activities.
  await dora.page.goto(`/lessons/${lessonId}/live/summary`);
  const after = dora.page.getByRole('region', { name: en('live.summary.afterTitle') });
  await expect(after.getByText('Catch-up: Check-in poll')).toBeVisible();
  await expect(after.getByText('Catch-up: Warm-up')).toBeVisible();
  await axeInBothSchemes(dora.page, 'after class (absent student)');
  await dora.page.screenshot({ path: 'test-results/live-after-class.png', fullPage: true });
  // …and Ana, who came, has no catch-up.
  await ana.page.goto(`/lessons/${lessonId}/live/summary`);
  await expect(ana.page.getByRole('region', { name: en('live.summary.afterTitle') }).getByText('What changed your mind?')).toBeVisible();
  await expect(ana.page.getByText('Catch-up: Check-in poll')).toHaveCount(0);

  for (const s of [ana, ben, chloe, dora]) await s.context.close();
});
