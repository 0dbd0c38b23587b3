import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { expectNoHorizontalScroll, expectTouchTargets } from './helpers/layout.ts';
import { connection } from './helpers/offline.ts';
import { buildWorld, closeWorld, settled } from './helpers/world.ts';

// Students mostly use phones: the smallest common Android width.
test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });

test('on a 360px phone every page fits the screen and is easy to tap', async ({ page, browser, baseURL }) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.signIn.title') })).toBeVisible();
  await expectNoHorizontalScroll(page, 'sign-in');
  await expectTouchTargets(page, 'sign-in');

  const api = apiAs(page.request, baseURL!);
  await api.signUp(newPerson('teacher'));
  // A long unbroken title is the classic way a phone layout breaks.
  const title = `Introduction to photosynthesis and cellular respiration ${Date.now()}`;
  const course = await api.createCourse(title, 'A long description that wraps over several lines on a small screen.');

  const studentContext = await browser.newContext();
  const student = apiAs(studentContext.request, baseURL!);
  await student.signUp(newPerson('student'));
  await student.join(course.joinCode);
  await studentContext.close();

  await page.goto(`/courses/${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('join-code')).toBeVisible();
  await expectNoHorizontalScroll(page, 'course page');
  await expectTouchTargets(page, 'course page');
  await expectAccessible(page, 'course page on a phone');

  for (const [path, heading] of [
    ['/', t('en', 'courses.title')],
    [`/courses/${course.id}/roster`, t('en', 'roster.title')],
    ['/account', t('en', 'account.title')],
    ['/join', t('en', 'join.title')],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoHorizontalScroll(page, path);
    await expectTouchTargets(page, path);
  }

  // The header's links move into the account menu on phones.
  await page.getByRole('button', { name: t('en', 'nav.accountMenu') }).click();
  await expect(page.getByRole('link', { name: t('en', 'nav.account') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('en', 'nav.signOut') })).toBeVisible();
  await expectAccessible(page, 'open account menu on a phone');
});

test('on a 360px phone the student pages fit, and the bottom navigation reaches My work, courses and the live room', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const world = await buildWorld(browser, baseURL!, 'en', { width: 360 });
  const page = await world.student.newPage();
  const lesson = `/lessons/${world.lessonId}`;
  const pages: [string, string][] = [
    ['/work', 'My work'],
    ['/courses', 'courses'],
    [`/courses/${world.courseId}`, 'course'],
    [lesson, 'lesson'],
    ...world.activities.filter((activity) => activity.title !== 'Check-in poll').map((activity): [string, string] => [`/activities/${activity.id}`, activity.type]),
    [`${lesson}/live`, 'live room'],
    ['/account', 'account'],
  ];
  for (const [path, name] of pages) {
    await page.goto(path);
    await settled(page);
    await expectNoHorizontalScroll(page, name);
    await expectTouchTargets(page, name);
  }

  // Within a thumb's reach: the three places a student goes most, the live room open now first.
  const nav = page.getByRole('navigation', { name: t('en', 'offline.nav.label') });
  await expect(nav).toBeVisible();
  const box = await nav.boundingBox();
  expect(box && box.y + box.height).toBeGreaterThanOrEqual(639);
  await nav.getByRole('link', { name: new RegExp(t('en', 'work.nav')) }).click();
  await expect(page).toHaveURL(/\/work$/);
  await nav.getByRole('link', { name: new RegExp(t('en', 'nav.courses')) }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await nav.getByRole('link', { name: new RegExp(t('en', 'offline.nav.liveNow')) }).click();
  await expect(page).toHaveURL(new RegExp(`${lesson}/live$`));
  for (const link of await nav.getByRole('link').all()) {
    const size = await link.boundingBox();
    expect(size && Math.min(size.width, size.height)).toBeGreaterThanOrEqual(44);
  }
  await expectAccessible(page, 'bottom navigation on a phone');

  // Offline, the header says so and still fits on one line.
  await expect(connection(page)).toHaveAttribute('data-state', 'online');
  await world.student.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  await expectNoHorizontalScroll(page, 'header while offline');
  await expectTouchTargets(page, 'header while offline');
  await world.student.setOffline(false);
  await closeWorld(world);
});
