import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t, type Lang } from './helpers/i18n.ts';
import { expectNoHorizontalScroll, expectTouchTargets } from './helpers/layout.ts';
import { learningApi, localDateTime, type Api } from './helpers/learning.ts';

// Lesson design, end to end: a teacher starts a lesson from the "Flipped lesson" template through
// the picker, reads its time per phase, sets the course's pre-work budget and sees the lesson go
// over it; then, on a lesson built against the pre-work → live → post-work loop, reads the flags
// and fixes two in one click each (checked through the API). A French pass reads the templates
// and a flag in French.
test.setTimeout(180_000);

type Template = { id: string; name: string; minutes: { pre: number; live: number; post: number } };
type Flag = { code: string; activityId: string | null };

const phaseTile = (page: Page, phase: 'pre' | 'live' | 'post') => page.getByTestId('guidance-phases').locator(`[data-phase="${phase}"]`);
const flagItem = (page: Page, code: string) => page.getByTestId('guidance-flags').locator(`[data-code="${code}"]`);

/** A lesson whose live session starts in three days, presents content live, and has pre-work due after the start and no post-work. */
async function flaggedLesson(api: Api, courseId: string, lang: Lang) {
  const startsAt = new Date(Date.now() + 72 * 3_600_000).toISOString().replace(/\.\d+Z$/, '.000Z');
  const title = lang === 'fr' ? 'Semaine 2 – Les cellules' : 'Week 2 – Cells';
  const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${courseId}/lessons`, { title, live: { startsAt, durationMinutes: 60 } });
  const { activity: reading } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, {
    phase: 'pre', type: 'page', title: 'Reading', estimatedMinutes: 10, learningType: 'acquisition',
    dueAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(), content: { markdown: 'Read this.' },
  });
  const { activity: lecture } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, {
    phase: 'live', type: 'page', title: 'Lecture', estimatedMinutes: 20, content: { markdown: 'Slides.' },
  });
  return { id: lesson.id, title, startsAt, reading: reading.id, lecture: lecture.id };
}

test('a teacher starts a lesson from a template, reads its design, and fixes flagged designs in one click', async ({ page, baseURL }) => {
  const en = (key: string, values: Record<string, string | number> = {}) => t('en', key, values);
  const base = baseURL!;
  await apiAs(page.request, base).signUp(newPerson('teacher'));
  const api = learningApi(page.request, base);
  const course = await apiAs(page.request, base).createCourse(`Biology ${Date.now()}`);
  const { templates } = await api.get<{ templates: Template[] }>('/api/lesson-templates?locale=en');
  const flipped = templates.find((template) => template.id === 'flipped')!;

  // The picker: four structures, each with its three phases.
  await page.goto(`/courses/${course.id}`);
  await page.getByRole('button', { name: en('lesson.templates.action') }).click();
  const picker = page.getByRole('form', { name: en('lesson.templates.title') });
  for (const name of ['Flipped lesson', 'Station rotation', 'Discussion seminar', 'Workshop']) await expect(picker.getByRole('radio', { name })).toBeVisible();
  const flippedCard = picker.locator('[data-template="flipped"]');
  await expect(flippedCard).toContainText(en('phases.pre'));
  await expect(flippedCard).toContainText(en('learning.meta.minutes', { count: flipped.minutes.live }));
  await expectAccessible(page, 'template picker');

  await picker.getByRole('radio', { name: 'Flipped lesson' }).check();
  await picker.getByLabel(en('lesson.titleField')).fill('Week 1 – Photosynthesis');
  await picker.getByLabel(en('lesson.create.withLive')).check();
  await picker.getByLabel(en('lesson.create.startsAt')).fill(localDateTime(3, 10));
  await expect(picker.getByLabel(en('lesson.create.duration'))).toHaveValue('45');
  await picker.getByRole('button', { name: en('lesson.templates.submit') }).click();

  // Lands on the new lesson: its time per phase, and nothing to suggest.
  await expect(page.getByRole('heading', { level: 1, name: 'Week 1 – Photosynthesis' })).toBeVisible();
  await expect(page).toHaveURL(/\/lessons\/[^/]+$/);
  const templateLessonUrl = page.url();
  // On a wide screen the panel is always open: no fold toggle.
  await expect(page.getByTestId('guidance-toggle')).toBeHidden();
  for (const phase of ['pre', 'live', 'post'] as const) await expect(phaseTile(page, phase)).toContainText(en('learning.meta.minutes', { count: flipped.minutes[phase] }));
  await expect(phaseTile(page, 'live')).toContainText(en('lesson.guidance.sessionLength', { count: 45 }));
  await expect(page.getByTestId('guidance-good')).toContainText(en('lesson.guidance.goodTitle'));
  await page.getByText(en('lesson.guidance.tableToggle')).click();
  await expect(page.getByTestId('guidance-types').locator('[data-type="acquisition"] td').first()).toHaveText('10');
  await expectAccessible(page, 'lesson from a template, no flags');

  // A tighter pre-work budget, set in the course settings: the lesson goes over it (no one-click fix).
  await page.getByRole('link', { name: en('lesson.guidance.budgetChange') }).click();
  const budget = page.getByLabel(en('lesson.budgetSetting.label'));
  await expect(budget).toBeFocused();
  await budget.fill('20');
  await page.getByRole('button', { name: en('common.saveChanges') }).click();
  await expect(page.getByText(en('courseSettings.saved'))).toBeVisible();
  await page.goto(templateLessonUrl);
  const over = flagItem(page, 'prework_over_budget');
  await expect(over).toContainText(en('lesson.guidance.reasons.prework_over_budget', { minutes: flipped.minutes.pre, budget: 20 }));
  await expect(over.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('guidance-budget')).toContainText(en('lesson.guidance.budgetOver'));

  // A design against the loop: each flag with its reason, and one-click fixes.
  const lesson = await flaggedLesson(api, course.id, 'en');
  await page.goto(`/lessons/${lesson.id}`);
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  await expect(flagItem(page, 'live_acquisition')).toContainText(en('lesson.guidance.reasons.live_acquisition_minutes', { title: 'Lecture', minutes: 20 }));
  await expect(flagItem(page, 'prework_due_after_start')).toContainText(en('lesson.guidance.reasons.prework_due_after_start', { title: 'Reading' }));
  await expect(flagItem(page, 'no_postwork')).toContainText(en('lesson.guidance.reasons.no_postwork'));
  await expect(flagItem(page, 'live_no_interaction')).toContainText(en('lesson.guidance.reasons.live_no_interaction'));
  await expect(page.getByRole('heading', { name: en('lesson.guidance.flagsTitle', { count: 4 }) })).toBeVisible();
  await expectAccessible(page, 'lesson with flags');

  await flagItem(page, 'prework_due_after_start').getByRole('button', { name: en('lesson.guidance.fix.prework_due_after_start') }).click();
  await expect(page.getByText(en('lesson.guidance.fixed.prework_due_after_start', { title: 'Reading' }))).toBeVisible();
  await expect(flagItem(page, 'prework_due_after_start')).toHaveCount(0);
  const { activity: reading } = await api.get<{ activity: { dueAt: string } }>(`/api/activities/${lesson.reading}`);
  expect(reading.dueAt).toBe(lesson.startsAt);

  await flagItem(page, 'no_postwork').getByRole('button', { name: en('lesson.guidance.fix.no_postwork') }).click();
  await expect(page.getByText(en('lesson.guidance.fixed.no_postwork'))).toBeVisible();
  await expect(flagItem(page, 'no_postwork')).toHaveCount(0);
  // The lesson's own post-work section shows the added reflection, and the API agrees.
  await expect(page.getByRole('link', { name: /After class: reflect and consolidate/ })).toBeVisible();
  const { lesson: after } = await api.get<{ lesson: { post: { title: string }[] } }>(`/api/lessons/${lesson.id}`);
  expect(after.post.map((activity) => activity.title)).toEqual(['After class: reflect and consolidate']);
  const guidance = await api.get<{ flags: Flag[] }>(`/api/lessons/${lesson.id}/guidance`);
  expect(guidance.flags.map((flag) => flag.code).sort()).toEqual(['live_acquisition', 'live_no_interaction']);
  await expect(page.getByRole('heading', { name: en('lesson.guidance.flagsTitle', { count: 2 }) })).toBeVisible();
  await expectAccessible(page, 'lesson after two fixes');

  // A fix that fails says so under its flag, and the flag stays.
  await page.route('**/guidance/fix', (route) => route.fulfill({ status: 500, json: { error: { code: 'internal_error', message: 'Boom' } } }));
  const quiet = flagItem(page, 'live_no_interaction');
  await quiet.getByRole('button', { name: en('lesson.guidance.fix.live_no_interaction') }).click();
  await expect(quiet.getByRole('alert')).toContainText(en('errors.code.internal_error'));
  await expect(quiet).toBeVisible();
  await expectAccessible(page, 'lesson with a failed fix');
  await page.unroute('**/guidance/fix');
});

test('in French, on a phone: the templates and the flags speak French and fit the screen', async ({ browser, baseURL }) => {
  const fr = (key: string, values: Record<string, string | number> = {}) => t('fr', key, values);
  const base = baseURL!;
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await apiAs(page.request, base).signUp(newPerson('teacher'), 'fr');
  const api = learningApi(page.request, base);
  const course = await apiAs(page.request, base).createCourse(`Biologie ${Date.now()}`);

  await page.goto(`/courses/${course.id}`);
  await page.getByRole('button', { name: fr('lesson.templates.action') }).click();
  const picker = page.getByRole('form', { name: fr('lesson.templates.title') });
  for (const name of ['Classe inversée', 'Rotation par ateliers', 'Séminaire de discussion', 'Atelier pratique']) await expect(picker.getByRole('radio', { name, exact: true })).toBeVisible();
  await expect(picker.locator('[data-template="flipped"]')).toContainText('Notions clés');
  await expectAccessible(page, 'template picker (fr)');
  await expectNoHorizontalScroll(page, 'template picker (fr, phone)');
  await expectTouchTargets(page, 'template picker (fr, phone)');

  const lesson = await flaggedLesson(api, course.id, 'fr');
  await page.goto(`/lessons/${lesson.id}`);
  await expect(page.getByRole('heading', { level: 2, name: fr('lesson.guidance.title') })).toBeVisible();
  // On a phone the panel is folded to a one-line summary, so the lesson's phases stay near the top.
  const toggle = page.getByTestId('guidance-toggle');
  await expect(toggle).toContainText(fr('lesson.guidance.flagsTitle', { count: 4 }));
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('guidance')).toBeHidden();
  const panelBottom = (await page.locator('.guidance-card').boundingBox())!;
  expect(panelBottom.y + panelBottom.height).toBeLessThan(740);
  await expectAccessible(page, 'lesson with folded guidance (fr, phone)');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toContainText(fr('lesson.guidance.toggleHide'));
  await expect(flagItem(page, 'prework_due_after_start')).toContainText('« Reading » est à rendre après le début de la séance en direct.');
  await expect(flagItem(page, 'live_acquisition').getByRole('button', { name: fr('lesson.guidance.fix.live_acquisition') })).toBeVisible();
  await expectAccessible(page, 'lesson with flags (fr)');
  await expectNoHorizontalScroll(page, 'lesson with flags (fr, phone)');
  await expectTouchTargets(page, 'lesson with flags (fr, phone)');

  await flagItem(page, 'live_acquisition').getByRole('button', { name: fr('lesson.guidance.fix.live_acquisition') }).click();
  await expect(page.getByText(fr('lesson.guidance.fixed.live_acquisition', { title: 'Lecture' }))).toBeVisible();
  await expect(flagItem(page, 'live_acquisition')).toHaveCount(0);
  const { activity } = await api.get<{ activity: { phase: string } }>(`/api/activities/${lesson.lecture}`);
  expect(activity.phase).toBe('pre');
  await context.close();
});
