import { test } from '@playwright/test';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { browserLocale, t, type Lang } from './helpers/i18n.ts';
import { learningApi } from './helpers/learning.ts';

/**
 * Not a check: the design-guidance panel (with flags, and with none) and the template picker at
 * 360 px and 1280 px, light and dark, English and French, for a person to look at.
 * Run with `SCREENSHOTS=1 npx playwright test screenshots-guidance`.
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');
test.setTimeout(300_000);

test('screenshots of lesson design guidance and the template picker', async ({ browser, baseURL }) => {
  const base = baseURL!;
  for (const lang of ['en', 'fr'] as const satisfies Lang[]) {
    const setup = await browser.newContext();
    const person = newPerson('teacher');
    await apiAs(setup.request, base).signUp(person, lang);
    const api = learningApi(setup.request, base);
    const course = await apiAs(setup.request, base).createCourse(lang === 'fr' ? 'Biologie – automne' : 'Biology – Autumn');
    const startsAt = new Date(Date.now() + 72 * 3_600_000).toISOString();
    const { lesson: good } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons/from-template`, { template: 'flipped', startsAt });
    const { lesson: flagged } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title: lang === 'fr' ? 'Semaine 2 – La cellule' : 'Week 2 – The cell', live: { startsAt, durationMinutes: 60 } });
    await api.post(`/api/lessons/${flagged.id}/activities`, { phase: 'pre', type: 'page', title: lang === 'fr' ? 'Lecture : la membrane' : 'Reading: the membrane', estimatedMinutes: 40, learningType: 'acquisition', dueAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), content: { markdown: 'x' } });
    await api.post(`/api/lessons/${flagged.id}/activities`, { phase: 'live', type: 'video', title: lang === 'fr' ? 'Exposé sur les organites' : 'Lecture on organelles', estimatedMinutes: 25, content: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } });
    await api.post(`/api/lessons/${flagged.id}/activities`, { phase: 'live', type: 'page', title: lang === 'fr' ? 'Exercices guidés' : 'Worked examples', estimatedMinutes: 20, learningType: 'practice', content: { markdown: 'x' } });
    const cookies = await setup.storageState();
    await setup.close();
    for (const width of [360, 1280]) {
      for (const dark of [false, true]) {
        const context = await browser.newContext({ storageState: cookies, locale: browserLocale[lang], viewport: { width, height: width < 500 ? 760 : 860 }, colorScheme: dark ? 'dark' : 'light', deviceScaleFactor: width < 500 ? 2 : 1 });
        const page = await context.newPage();
        const suffix = `${lang}-${width}${dark ? '-dark' : ''}`;
        for (const [name, id] of [['guidance-flags', flagged.id], ['guidance-good', good.id]] as const) {
          await page.goto(`/lessons/${id}`);
          await page.getByTestId('guidance').waitFor();
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(400);
          await page.locator('.guidance-card').screenshot({ path: `test-results/${name}-${suffix}.png` });
          if (name === 'guidance-flags') await page.screenshot({ path: `test-results/lesson-page-${suffix}.png`, fullPage: width > 500 });
        }
        await page.goto(`/courses/${course.id}`);
        await page.getByRole('button', { name: t(lang, 'lesson.templates.action') }).click();
        const picker = page.getByRole('form', { name: t(lang, 'lesson.templates.title') });
        await picker.waitFor();
        await picker.getByLabel(t(lang, 'lesson.create.withLive')).check();
        await picker.screenshot({ path: `test-results/template-picker-${suffix}.png` });
        await context.close();
      }
    }
  }
});
