import fs from 'node:fs';
import { test, type Browser } from '@playwright/test';
import { apiAs, PASSWORD } from './helpers/accounts.ts';
import { browserLocale, type Lang } from './helpers/i18n.ts';

/**
 * Not a check: renders the main pages at phone and desktop sizes, in both languages and both
 * colour schemes, for a person to look at. Run with `SCREENSHOTS=1 npx playwright test screenshots`;
 * the README's pictures are written to docs/screenshots/.
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');
test.setTimeout(180_000);

type Shot = { name: string; path: string; lang: Lang; width: number; dark?: boolean; as: 'teacher' | 'student' | null; docs?: boolean };

async function shoot(browser: Browser, baseURL: string, shot: Shot, emails: Record<'teacher' | 'student', string>, dir: string) {
  const context = await browser.newContext({
    locale: browserLocale[shot.lang],
    viewport: { width: shot.width, height: shot.width < 500 ? 760 : 860 },
    colorScheme: shot.dark ? 'dark' : 'light',
    deviceScaleFactor: shot.width < 500 ? 2 : 1,
  });
  if (shot.as) {
    await context.request.post('/api/auth/login', { headers: { origin: baseURL }, data: { email: emails[shot.as], password: PASSWORD } });
    // The account's language wins over the browser's; make it the one this shot is for.
    await context.request.patch('/api/me', { headers: { origin: baseURL }, data: { locale: shot.lang } });
  }
  const page = await context.newPage();
  await page.goto(shot.path);
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  const file = `${shot.name}-${shot.lang}-${shot.width}${shot.dark ? '-dark' : ''}.png`;
  await page.screenshot({ path: `${dir}/${file}`, fullPage: true });
  // The README's copies show the first screen only, as someone opening the page sees it.
  if (shot.docs) await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
  await context.close();
}

test('screenshots of the main pages', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const emails = { teacher: `amelie-${stamp}@demo.test`, student: `jonas-${stamp}@demo.test` };

  const teacherContext = await browser.newContext();
  const teacher = apiAs(teacherContext.request, baseURL!);
  await teacher.signUp({ name: 'Amélie Laurent', email: emails.teacher });
  const course = await teacher.createCourse(
    'Designing asynchronous and synchronous learning',
    'Students explore on their own before class, meet for a live session spent on discussion, small groups and feedback, and consolidate afterwards.',
  );
  await teacher.createCourse('Biology 101 – Autumn', 'Cells, genes and ecosystems, with a lab every other week.');
  const students: [string, string][] = [
    ['Jonas Okafor', emails.student],
    ['Maya Tremblay', `maya-${stamp}@demo.test`],
    ['Lucía Fernández', `lucia-${stamp}@demo.test`],
  ];
  for (const [name, email] of students) {
    const context = await browser.newContext();
    const student = apiAs(context.request, baseURL!);
    await student.signUp({ name, email });
    await student.join(course.joinCode);
    await context.close();
  }
  await teacherContext.close();

  const dir = test.info().outputPath('screens');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync('docs/screenshots', { recursive: true });
  const coursePath = `/courses/${course.id}`;
  const shots: Shot[] = [
    { name: 'sign-in', path: '/signin', lang: 'en', width: 1280, as: null, docs: true },
    { name: 'sign-in', path: '/signin', lang: 'fr', width: 360, as: null },
    { name: 'courses', path: '/', lang: 'en', width: 1280, as: 'teacher' },
    { name: 'courses', path: '/', lang: 'fr', width: 360, as: 'student' },
    { name: 'course-desktop', path: coursePath, lang: 'en', width: 1280, as: 'teacher', docs: true },
    { name: 'course', path: coursePath, lang: 'fr', width: 1280, as: 'teacher' },
    { name: 'course-phone', path: coursePath, lang: 'en', width: 360, as: 'teacher', docs: true },
    { name: 'course', path: coursePath, lang: 'fr', width: 360, as: 'student' },
    { name: 'course', path: coursePath, lang: 'en', width: 1280, as: 'teacher', dark: true },
    { name: 'roster', path: `${coursePath}/roster`, lang: 'fr', width: 1280, as: 'teacher' },
    { name: 'roster', path: `${coursePath}/roster`, lang: 'en', width: 360, as: 'teacher', dark: true },
    { name: 'account', path: '/account', lang: 'en', width: 1280, as: 'student' },
    { name: 'join', path: '/join', lang: 'fr', width: 360, as: 'student' },
    { name: 'new-course', path: '/courses/new', lang: 'en', width: 1280, as: 'teacher' },
  ];
  for (const shot of shots) await shoot(browser, baseURL!, shot, emails, dir);
});
