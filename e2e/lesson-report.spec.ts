import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t, type Lang } from './helpers/i18n.ts';
import { expectNoHorizontalScroll } from './helpers/layout.ts';
import { learningApi } from './helpers/learning.ts';

// After the session, end to end: a lesson whose live session happened with two of four students
// (they joined the room in their own browsers; one raised a hand). The teacher gives the catch-up
// post-work to the students absent from the session (and adjusts the list by hand once); a
// targeted student sees it in My work, a present one does not. Then the lesson report: the
// figures, the per-student table, sorting, the CSV download, and a French pass; last, the
// targeting is removed and the catch-up is everyone's again.
test.setTimeout(240_000);

const en = (key: string, values: Record<string, string | number> = {}) => t('en', key, values);

type Student = { name: string; email: string; context: BrowserContext; page: Page; id: string };

async function studentBrowser(browser: Browser, baseURL: string, label: string, stamp: string): Promise<Student> {
  const person = { ...newPerson('student'), name: `${label} ${stamp}` };
  const context = await browser.newContext();
  await apiAs(context.request, baseURL).signUp(person);
  const me = (await (await context.request.get('/api/me')).json()) as { user: { id: string } };
  return { ...person, context, page: await context.newPage(), id: me.user.id };
}

async function axeInBothSchemes(page: Page, where: string): Promise<void> {
  await expectAccessible(page, `${where} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${where} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Pictures to look at: 360 and 1280 px, light and dark, into test-results/. */
async function shots(page: Page, name: string, fullPage = true): Promise<void> {
  const size = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(400); // let colour transitions finish
      await page.screenshot({ path: `test-results/${name}-${width}-${colorScheme}.png`, fullPage });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (size) await page.setViewportSize(size);
}

const stat = (page: Page, figure: string) => page.getByTestId('report-stats').locator(`[data-figure="${figure}"] .report-stat-value`);

test('the teacher targets catch-up work at the absent students, then reads and downloads the lesson report', async ({ page: teacher, browser, baseURL }) => {
  const base = baseURL!;
  const stamp = Date.now().toString(36);
  const teacherPerson = newPerson('teacher');
  await apiAs(teacher.request, base).signUp(teacherPerson);
  const api = learningApi(teacher.request, base);
  const course = await apiAs(teacher.request, base).createCourse(`Cells ${stamp}`);
  const [ann, bea, cal, dee] = await Promise.all([
    studentBrowser(browser, base, 'Ann', stamp),
    studentBrowser(browser, base, 'Bea', stamp),
    studentBrowser(browser, base, 'Cal', stamp),
    studentBrowser(browser, base, 'Dee', stamp),
  ]);
  for (const s of [ann, bea, cal, dee]) await apiAs(s.context.request, base).join(course.joinCode);

  // The live session started ten minutes ago.
  const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
  const title = `Photosynthesis ${stamp}`;
  const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title, live: { startsAt, durationMinutes: 60 } });
  const activity = async (body: Record<string, unknown>) => (await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, body)).activity.id;
  const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const quiz = await activity({ phase: 'pre', type: 'quiz', title: 'Quiz: organelles', required: true, content: { items: [{ kind: 'single', prompt: 'Where?', choices: ['Mitochondrion', 'Chloroplast'], answer: 1 }] } });
  await activity({ phase: 'live', type: 'poll', title: 'Exit poll', content: { question: 'Clear?', choices: ['Yes', 'No'] } });
  const catchUpTitle = `Catch-up ${stamp}`;
  const practiceTitle = `Practice ${stamp}`;
  await activity({ phase: 'post', type: 'reflection', title: catchUpTitle, dueAt, content: { prompt: 'What did the class do?' } });
  const practice = await activity({ phase: 'post', type: 'page', title: practiceTitle, dueAt, content: { markdown: 'Practise.' } });
  const submit = async (s: Student, path: string, data: unknown) => {
    const response = await s.context.request.post(path, { headers: { origin: base }, data });
    expect(response.ok(), await response.text()).toBe(true);
  };
  await submit(ann, `/api/activities/${quiz}/submit`, { answers: [1] });
  await submit(bea, `/api/activities/${practice}/submit`, { done: true });

  // Ann and Bea come to the live room; Ann raises her hand. Cal and Dee never come.
  const room = `/lessons/${lesson.id}/live`;
  for (const s of [ann, bea]) {
    await s.page.goto(room);
    await expect(s.page.getByText(en('live.connection.connected'))).toBeVisible();
  }
  await ann.page.getByLabel(en('live.hand.noteLabel')).fill('Stuck on the light reactions');
  await ann.page.getByRole('button', { name: en('live.hand.raise') }).click();
  await expect(ann.page.locator('#room-hand').getByText(en('live.hand.place', { count: 1 }))).toBeVisible();
  for (const s of [ann, bea]) await s.page.goto('/work');

  // The teacher gives the catch-up to the students absent from the live session.
  await teacher.goto(`/lessons/${lesson.id}`);
  await expect(teacher.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const catchUpRow = teacher.locator('.activity-row').filter({ hasText: catchUpTitle });
  await expect(catchUpRow.getByTestId('targeted-count')).toHaveCount(0);
  await catchUpRow.getByRole('button', { name: en('lesson.targets.openLabel', { title: catchUpTitle }) }).click();
  const dialog = teacher.getByRole('dialog', { name: en('lesson.targets.title', { title: catchUpTitle }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: en('lesson.targets.rules.everyone') })).toBeChecked();
  await dialog.getByRole('radio', { name: en('lesson.targets.rules.absent') }).check();
  await axeInBothSchemes(teacher, 'targeting dialog');
  await shots(teacher, 'targeting-dialog-en', false);
  await dialog.getByRole('button', { name: en('lesson.targets.save') }).click();

  // Who that gives, shown right away: Cal and Dee.
  const result = teacher.getByRole('dialog', { name: en('lesson.targets.resultTitle', { count: 2 }) });
  await expect(result).toBeVisible();
  for (const s of [cal, dee]) await expect(result.getByRole('checkbox', { name: s.name })).toBeChecked();
  for (const s of [ann, bea]) await expect(result.getByRole('checkbox', { name: s.name })).not.toBeChecked();
  await axeInBothSchemes(teacher, 'targeting dialog, result');
  await shots(teacher, 'targeting-result-en', false);
  // A hand adjustment is saved as the teacher's own list.
  await result.getByRole('checkbox', { name: dee.name }).uncheck();
  await result.getByRole('button', { name: en('lesson.targets.saveList') }).click();
  const adjusted = teacher.getByRole('dialog', { name: en('lesson.targets.resultTitle', { count: 1 }) });
  await expect(adjusted.getByRole('checkbox', { name: cal.name })).toBeChecked();
  await adjusted.getByRole('button', { name: en('lesson.targets.done') }).click();
  await expect(adjusted).toBeHidden();
  await expect(catchUpRow.getByTestId('targeted-count')).toHaveText(en('lesson.targets.forCount', { count: 1 }));
  const manual = await api.get<{ targeting: { rule: string; students: { userId: string }[] } }>(`/api/activities/${await catchUpId(api, lesson.id, catchUpTitle)}/targets`);
  expect(manual.targeting.rule).toBe('manual');
  expect(manual.targeting.students.map((s) => s.userId)).toEqual([cal.id]);

  // Back to the rule: both absent students.
  await catchUpRow.getByRole('button', { name: en('lesson.targets.openLabel', { title: catchUpTitle }) }).click();
  await expect(dialog.getByRole('radio', { name: en('lesson.targets.rules.manual') })).toBeChecked();
  await dialog.getByRole('radio', { name: en('lesson.targets.rules.absent') }).check();
  await dialog.getByRole('button', { name: en('lesson.targets.save') }).click();
  await result.getByRole('button', { name: en('lesson.targets.done') }).click();
  await expect(catchUpRow.getByTestId('targeted-count')).toHaveText(en('lesson.targets.forCount', { count: 2 }));
  await expectAccessible(teacher, 'lesson page with targeted post-work');
  await catchUpRow.scrollIntoViewIfNeeded();
  await shots(teacher, 'lesson-targeted-en', false);
  // The activity's own page says it too, with the same control.
  await catchUpRow.getByRole('link', { name: new RegExp(catchUpTitle) }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: catchUpTitle })).toBeVisible();
  await expect(teacher.getByTestId('targeted-count')).toHaveText(en('lesson.targets.forCount', { count: 2 }));
  await expect(teacher.getByRole('button', { name: en('lesson.targets.openLabel', { title: catchUpTitle }) })).toBeEnabled();
  await expectAccessible(teacher, 'targeted activity (teacher)');
  await teacher.goBack();

  // My work: Cal has the catch-up, Ann does not (both have the practice).
  await cal.page.goto('/work');
  await expect(cal.page.getByText(practiceTitle)).toBeVisible();
  await expect(cal.page.getByText(catchUpTitle)).toBeVisible();
  await ann.page.reload();
  await expect(ann.page.getByText(practiceTitle)).toBeVisible();
  await expect(ann.page.getByText(catchUpTitle)).toHaveCount(0);

  // The lesson report, from the lesson page.
  await teacher.getByRole('link', { name: en('lesson.report') }).click();
  await expect(teacher).toHaveURL(new RegExp(`/lessons/${lesson.id}/report$`));
  await expect(teacher.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(stat(teacher, 'students')).toHaveText('4');
  await expect(stat(teacher, 'preworkComplete')).toHaveText('1/4');
  await expect(stat(teacher, 'attended')).toHaveText('2/4');
  await expect(stat(teacher, 'participated')).toHaveText('1/4');
  await expect(stat(teacher, 'postworkComplete')).toHaveText('1/4');
  await expect(teacher.locator('.report-chart canvas')).toBeVisible();
  const totals = teacher.getByTestId('report-totals');
  await expect(totals).toBeHidden();
  await teacher.getByRole('button', { name: en('report.totals.showTable') }).click();
  await expect(totals.locator('[data-figure="attended"]')).toContainText(`2/4${en('report.percent', { percent: 50 })}`);

  const table = teacher.getByTestId('report-students');
  await expect(table).toHaveAccessibleName(en('report.students.caption', { count: 4 }));
  const row = (s: Student) => table.locator(`tbody tr[data-user="${s.id}"]`);
  const cells = async (s: Student) => (await row(s).locator('th, td').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  expect(await cells(ann)).toEqual([ann.name, '1/1', en('report.students.present', { count: 0 }), '0', '0', '1', '0/1']);
  expect(await cells(bea)).toEqual([bea.name, '0/1', en('report.students.present', { count: 0 }), '0', '0', '0', '1/1']);
  expect(await cells(cal)).toEqual([cal.name, '0/1', en('report.students.absent'), '0', '0', '0', '0/2']);
  expect(await cells(dee)).toEqual([dee.name, '0/1', en('report.students.absent'), '0', '0', '0', '0/2']);
  const names = () => table.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent?.trim()));
  expect(await names()).toEqual([ann.name, bea.name, cal.name, dee.name]);
  // Sorting by post-work done: the most done first; the header says how it is sorted.
  await table.getByRole('button', { name: en('report.students.post') }).click();
  await expect(table.getByRole('columnheader', { name: en('report.students.post') })).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([bea.name, ann.name, cal.name, dee.name]);
  await axeInBothSchemes(teacher, 'lesson report');

  // The CSV: a header and one row per student, in the teacher's language.
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: en('report.csv') }).click()]);
  expect(download.suggestedFilename()).toBe(`lesson-report-${lesson.id}.csv`);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toBe('Student,Email,Pre-work done,Pre-work required,Attended,Minutes present,Poll answers,Questions,Hands raised,Post-work done,Post-work assigned');
  const line = (s: Student) => lines.find((l) => l.startsWith(`${s.name},`));
  expect(line(ann)).toMatch(new RegExp(`^${ann.name},${ann.email},1,1,yes,\\d+,0,0,1,0,1$`));
  expect(line(bea)).toMatch(new RegExp(`^${bea.name},${bea.email},0,1,yes,\\d+,0,0,0,1,1$`));
  expect(line(cal)).toBe(`${cal.name},${cal.email},0,1,no,0,0,0,0,0,2`);
  expect(line(dee)).toBe(`${dee.name},${dee.email},0,1,no,0,0,0,0,0,2`);

  // On a phone: nothing scrolls the page sideways; the table scrolls in its own region.
  await teacher.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(teacher, 'lesson report on a phone');
  await shots(teacher, 'lesson-report-en');

  // The same report for a French co-teacher.
  await frenchPass(browser, base, course.id, lesson.id, teacher, title);

  // Giving it back to everyone removes the targeting: Ann now has the catch-up too.
  await teacher.setViewportSize({ width: 1280, height: 800 });
  await teacher.goto(`/lessons/${lesson.id}`);
  await catchUpRow.getByRole('button', { name: en('lesson.targets.openLabel', { title: catchUpTitle }) }).click();
  await expect(dialog.getByRole('radio', { name: en('lesson.targets.rules.absent') })).toBeChecked();
  await dialog.getByRole('radio', { name: en('lesson.targets.rules.everyone') }).check();
  await dialog.getByRole('button', { name: en('lesson.targets.save') }).click();
  await expect(dialog).toBeHidden();
  await expect(catchUpRow.getByTestId('targeted-count')).toHaveCount(0);
  expect((await api.get<{ targeting: unknown }>(`/api/activities/${await catchUpId(api, lesson.id, catchUpTitle)}/targets`)).targeting).toBeNull();
  await ann.page.reload();
  await expect(ann.page.getByText(catchUpTitle)).toBeVisible();
  await Promise.all([ann, bea, cal, dee].map((s) => s.context.close()));
});

async function catchUpId(api: ReturnType<typeof learningApi>, lessonId: string, title: string): Promise<string> {
  const { lesson } = await api.get<{ lesson: { post: { id: string; title: string }[] } }>(`/api/lessons/${lessonId}`);
  return lesson.post.find((a) => a.title === title)!.id;
}

async function frenchPass(browser: Browser, base: string, courseId: string, lessonId: string, teacher: Page, title: string): Promise<void> {
  const fr = (key: string, values: Record<string, string | number> = {}) => t('fr' satisfies Lang, key, values);
  const context = await browser.newContext({ locale: 'fr-FR' });
  const person = newPerson('teacher');
  await apiAs(context.request, base).signUp(person, 'fr');
  await learningApi(teacher.request, base).post(`/api/courses/${courseId}/teachers`, { email: person.email }, 200);
  const page = await context.newPage();
  await page.goto(`/lessons/${lessonId}/report`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(fr('report.kicker'))).toBeVisible();
  await expect(page.getByText(fr('report.totals.participated'), { exact: true })).toBeVisible();
  await expect(page.getByTestId('report-students')).toHaveAccessibleName(fr('report.students.caption', { count: 4 }));
  await expect(page.getByTestId('report-students').getByText(fr('report.students.absent')).first()).toBeVisible();
  await axeInBothSchemes(page, 'lesson report (French)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: fr('report.csv') }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Élève,E-mail,Travail préparatoire fait/);
  await shots(page, 'lesson-report-fr');
  await context.close();
}
