import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { learningApi } from './helpers/learning.ts';

// Readiness, end to end: a class whose pre-work results are known is built through the API; the
// teacher reads the figures, moves a student to another suggested group, sends the groups to the
// live room and starts them there; each student (own browser) lands in exactly that group.
test.setTimeout(240_000);

const en = (key: string, values: Record<string, string | number> = {}) => t('en', key, values);

type Student = { name: string; context: BrowserContext; page: Page; id: string };

async function studentBrowser(browser: Browser, baseURL: string, label: string): Promise<Student> {
  const person = { ...newPerson('student'), name: `${label} ${Date.now().toString(36)}` };
  const context = await browser.newContext();
  await apiAs(context.request, baseURL).signUp(person);
  const me = (await (await context.request.get('/api/me')).json()) as { user: { id: string } };
  return { name: person.name, context, page: await context.newPage(), id: me.user.id };
}

test('the teacher reads readiness, adjusts a suggested group, and the students land in those groups', async ({ page: teacher, browser, baseURL }) => {
  const base = baseURL!;
  await apiAs(teacher.request, base).signUp(newPerson('teacher'));
  const api = learningApi(teacher.request, base);
  const course = await apiAs(teacher.request, base).createCourse(`Cells ${Date.now()}`);

  // Three students: Ann did nothing, Bea got the quiz item wrong, Cal got everything right.
  const [ann, bea, cal] = await Promise.all([studentBrowser(browser, base, 'Ann'), studentBrowser(browser, base, 'Bea'), studentBrowser(browser, base, 'Cal')]);
  for (const s of [ann, bea, cal]) await apiAs(s.context.request, base).join(course.joinCode);

  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title: 'Photosynthesis', live: { startsAt, durationMinutes: 60 } });
  const dueAt = new Date(Date.now() + 2 * 60_000).toISOString();
  const prompt = 'Where does photosynthesis happen?';
  const { activity: quiz } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, {
    phase: 'pre', type: 'quiz', title: 'Quiz: organelles', estimatedMinutes: 5, required: true, dueAt,
    content: { items: [{ kind: 'single', prompt, choices: ['Mitochondrion', 'Chloroplast'], answer: 1 }] },
  });
  const { activity: box } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, {
    phase: 'pre', type: 'question_box', title: 'Bring a question', required: false, dueAt, content: { prompt: 'What would you ask?' },
  });
  await api.post(`/api/lessons/${lesson.id}/activities`, { phase: 'live', type: 'page', title: 'Group work', content: { markdown: 'Work in your group.' } });
  const submit = async (s: Student, answer: number) => {
    const response = await s.context.request.post(`/api/activities/${quiz.id}/submit`, { headers: { origin: base }, data: { answers: [answer] } });
    expect(response.ok(), await response.text()).toBe(true);
  };
  await submit(bea, 0);
  await submit(cal, 1);
  await learningApi(cal.context.request, base).post(`/api/activities/${box.id}/questions`, { text: 'Why are leaves green?' });

  // The teacher opens readiness.
  await teacher.goto(`/lessons/${lesson.id}/readiness`);
  await expect(teacher.getByRole('heading', { level: 1, name: 'Photosynthesis' })).toBeVisible();
  await expect(teacher.getByTestId('readiness-countdown')).toContainText(/Starts in [45] minutes/);
  const counts = teacher.getByTestId('readiness-counts');
  await expect(counts.locator('[data-status="ready"] td')).toHaveText('2');
  await expect(counts.locator('[data-status="started"] td')).toHaveText('0');
  await expect(counts.locator('[data-status="not_started"] td')).toHaveText('1');
  const studentsTable = teacher.getByTestId('readiness-students');
  await expect(studentsTable.getByRole('row', { name: new RegExp(ann.name) })).toContainText(en('readiness.status.not_started'));
  await expect(studentsTable.getByRole('row', { name: new RegExp(ann.name) })).toContainText(en('readiness.students.ofRequired', { completed: 0, required: 1 }));
  // Quiz scores as English writes percentages.
  await expect(studentsTable.getByRole('row', { name: new RegExp(bea.name) }).getByRole('cell', { name: '0%', exact: true })).toBeVisible();
  await expect(studentsTable.getByRole('row', { name: new RegExp(cal.name) }).getByRole('cell', { name: '100%', exact: true })).toBeVisible();
  const items = teacher.getByTestId('readiness-items');
  await expect(items.getByRole('row', { name: new RegExp(prompt) })).toContainText(en('readiness.items.rateValue', { percent: 50, correct: 1, total: 2 }));
  await expect(items.getByRole('row', { name: new RegExp(prompt) })).toContainText(en('readiness.items.wrongValue', { answer: 'Mitochondrion', count: 1 }));
  await expect(teacher.getByText('Why are leaves green?')).toBeVisible();
  await expect(teacher.getByRole('button', { name: en('readiness.nudge', { count: 1 }) })).toBeEnabled();

  // Suggested groups, each with its reason: not started (Ann), re-teach (Bea), extend (Cal).
  const groups = teacher.getByTestId('readiness-group');
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toContainText(en('readiness.reasons.not_started'));
  await expect(groups.nth(1)).toContainText(en('readiness.reasons.reteach_item', { prompt, percent: 50 }));
  const reteachName = ((await groups.nth(1).getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  const extendName = ((await groups.nth(2).getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  expect(reteachName).toMatch(/^Re-teach/);
  await expectAccessible(teacher, 'readiness');

  // Ann is moved into the re-teach group with the keyboard-usable select, then the groups are sent.
  await teacher.getByLabel(en('readiness.groups.moveLabel', { name: ann.name })).selectOption({ label: reteachName });
  await expect(groups.nth(1)).toContainText(en('readiness.groups.count', { count: 2 }));
  await teacher.getByRole('button', { name: en('readiness.groups.send') }).click();
  await expect(teacher.getByText(en('readiness.groups.ready'))).toBeVisible();
  const planned = await api.get<{ plannedGroups: { groups: { name: string; userIds: string[] }[] } }>(`/api/lessons/${lesson.id}/readiness/groups`);
  expect(planned.plannedGroups.groups.map((g) => ({ name: g.name, userIds: [...g.userIds].sort() }))).toEqual([
    { name: reteachName, userIds: [ann.id, bea.id].sort() },
    { name: extendName, userIds: [cal.id] },
  ]);
  await expectAccessible(teacher, 'readiness, groups sent');

  // Everyone in the live room; the teacher starts the groups from readiness.
  await teacher.getByRole('link', { name: en('readiness.openRoom') }).first().click();
  await expect(teacher).toHaveURL(new RegExp(`/lessons/${lesson.id}/live$`));
  await expect(teacher.getByText(en('live.connection.connected'))).toBeVisible();
  // Readiness opens from the live room too.
  await expect(teacher.getByRole('link', { name: en('live.room.readiness') })).toHaveAttribute('href', `/lessons/${lesson.id}/readiness`);
  for (const s of [ann, bea, cal]) {
    await s.page.goto(`/lessons/${lesson.id}/live`);
    await expect(s.page.getByText(en('live.connection.connected'))).toBeVisible();
  }
  const attendance = teacher.getByRole('region', { name: en('live.attendance.title') });
  for (const s of [ann, bea, cal]) await expect(attendance.getByRole('listitem').filter({ hasText: s.name })).toContainText(en('live.attendance.presentBadge'));
  const groupsCard = teacher.getByRole('region', { name: en('live.groups.title') });
  await groupsCard.getByLabel(en('live.groups.strategy.suggested')).check();
  await expect(groupsCard.getByText(reteachName)).toBeVisible();
  await expectAccessible(teacher, 'live room, groups from readiness');
  await groupsCard.getByRole('button', { name: en('live.groups.start') }).click();
  await expect(groupsCard.locator('.group-box')).toHaveCount(2);

  const landed = async (s: Student) => {
    const mine = s.page.locator('.my-group-card');
    await expect(mine).toBeVisible();
    return ((await mine.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  };
  expect(await landed(ann)).toContain(reteachName);
  expect(await landed(bea)).toContain(reteachName);
  expect(await landed(cal)).toContain(extendName);
  await expectAccessible(ann.page, 'live room, student in a group');
  await Promise.all([ann.context.close(), bea.context.close(), cal.context.close()]);
});
