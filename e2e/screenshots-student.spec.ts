import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { t } from './helpers/i18n.ts';
import { buildWorld, closeWorld, settled } from './helpers/world.ts';

/**
 * Not a check: the README's pictures of My work, a lesson and an activity on a 360 px phone (the
 * live room's comes from e2e/live-session.spec.ts). Run with
 * `SCREENSHOTS=1 npx playwright test screenshots-student`; written to docs/screenshots/.
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');

test('My work, a lesson and an activity on a phone', async ({ browser, baseURL }) => {
  const world = await buildWorld(browser, baseURL!, 'en', { width: 360, plainTitles: true });
  const page = await world.student.newPage();
  fs.mkdirSync('docs/screenshots', { recursive: true });
  await page.goto('/work');
  await settled(page);
  await page.screenshot({ path: 'docs/screenshots/my-work-phone.png' });
  await page.goto(`/lessons/${world.lessonId}`);
  await settled(page);
  await page.screenshot({ path: 'docs/screenshots/lesson-phone.png' });
  const quiz = world.activities.find((activity) => activity.type === 'quiz')!;
  await page.goto(`/activities/${quiz.id}`);
  await settled(page);
  await page.getByLabel('Chloroplast').check();
  await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'saved');
  await expect(page.getByRole('navigation', { name: t('en', 'offline.nav.label') })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/activity-phone.png' });
  await closeWorld(world);
});
