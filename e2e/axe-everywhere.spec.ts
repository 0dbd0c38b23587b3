import { expect, test, type BrowserContext } from '@playwright/test';
import type { Lang } from './helpers/i18n.ts';
import { axeViolations, buildWorld, closeWorld, settled, type World } from './helpers/world.ts';

/**
 * axe on every page of the app, in both languages, in light and dark, on a 360 px phone and a
 * 1280 px desktop, in its main states (empty, full, not found, a live room open with its poll
 * on the run-sheet): no violation of any impact. One test per language × width, both schemes in each.
 */
test.setTimeout(600_000);

type Visit = { as: 'teacher' | 'student' | 'fresh' | 'nobody'; path: string; name: string };

function visits(world: World): Visit[] {
  const lesson = `/lessons/${world.lessonId}`;
  const course = `/courses/${world.courseId}`;
  const pre = world.activities.filter((activity) => activity.type !== 'poll' || activity.title !== 'Check-in poll');
  const quiz = world.activities.find((activity) => activity.type === 'quiz')!;
  return [
    { as: 'nobody', path: '/signin', name: 'sign-in' },
    { as: 'nobody', path: '/signup', name: 'sign-up' },
    { as: 'nobody', path: '/forgot-password', name: 'forgot password' },
    { as: 'nobody', path: '/reset-password?token=not-a-real-token', name: 'reset password (bad link)' },
    { as: 'fresh', path: '/work', name: 'My work (empty)' },
    { as: 'fresh', path: '/courses', name: 'courses (empty)' },
    { as: 'fresh', path: '/join', name: 'join a course' },
    { as: 'student', path: '/work', name: 'My work' },
    { as: 'student', path: '/courses', name: 'courses' },
    { as: 'student', path: course, name: 'course (student)' },
    { as: 'student', path: lesson, name: 'lesson (student)' },
    ...pre.map((activity): Visit => ({ as: 'student', path: `/activities/${activity.id}`, name: `${activity.type} (student)` })),
    { as: 'student', path: `${lesson}/live`, name: 'live room (student)' },
    { as: 'student', path: '/account', name: 'account' },
    { as: 'student', path: '/lessons/not-a-lesson', name: 'lesson not found' },
    { as: 'student', path: '/no/such/page', name: 'page not found' },
    { as: 'teacher', path: '/courses/new', name: 'new course' },
    { as: 'teacher', path: course, name: 'course (teacher)' },
    { as: 'teacher', path: `${course}/roster`, name: 'roster' },
    { as: 'teacher', path: `${course}/progress`, name: 'progress' },
    { as: 'teacher', path: lesson, name: 'lesson (teacher)' },
    { as: 'teacher', path: `${lesson}/new/pre`, name: 'new activity' },
    { as: 'teacher', path: `/activities/${quiz.id}`, name: 'quiz with responses (teacher)' },
    { as: 'teacher', path: `/activities/${quiz.id}/edit`, name: 'quiz editor' },
    { as: 'teacher', path: `${lesson}/live`, name: 'live room (teacher)' },
    { as: 'teacher', path: `${lesson}/live/summary`, name: 'live summary (teacher)' },
    { as: 'teacher', path: `${lesson}/readiness`, name: 'readiness (teacher)' },
    { as: 'teacher', path: `${lesson}/report`, name: 'lesson report (teacher)' },
  ];
}

const combinations: { lang: Lang; width: number }[] = [];
for (const lang of ['en', 'fr'] as const) for (const width of [360, 1280]) combinations.push({ lang, width });

for (const { lang, width } of combinations) {
  test(`every page has no axe violation, light and dark (${lang}, ${width}px)`, async ({ browser, baseURL }) => {
    const world = await buildWorld(browser, baseURL!, lang, { width });
    const nobody = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: { width, height: width < 500 ? 640 : 800 } });
    const contexts: Record<Visit['as'], BrowserContext> = { teacher: world.teacher, student: world.student, fresh: world.fresh, nobody };
    const pages = Object.fromEntries(await Promise.all(Object.entries(contexts).map(async ([who, context]) => [who, await context.newPage()] as const)));
    const failures: string[] = [];
    for (const visit of visits(world)) {
      const page = pages[visit.as]!;
      // Reduced motion: colours switch at once, so axe never measures a colour halfway through a transition.
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(visit.path);
      await settled(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Both colour schemes on the same page: dark mode has its own colours, checked on their own.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // Every page is checked before failing, so one run lists everything to fix.
        for (const line of await axeViolations(page)) failures.push(`${visit.name} ${visit.path} (${lang}, ${scheme}, ${width}px): ${line}`);
      }
    }
    await nobody.close();
    await closeWorld(world);
    expect(failures).toEqual([]);
  });
}
