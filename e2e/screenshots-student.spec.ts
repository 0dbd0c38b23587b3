import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { t } from './helpers/i18n.ts';
import { buildWorld, closeWorld, settled } from './helpers/world.ts';

/**
 * Not a check: the README's picture of an activity on a 360 px phone (My work, the lesson and the
 * live room come from e2e/async-learning.spec.ts and e2e/live-session.spec.ts). Run with
 * `SCREENSHOTS=1 npx playwright test screenshots-student`; written to docs/screenshots/.
 */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');

test('an activity on a phone', async ({ browser, baseURL }) => {
  const world = await buildWorld(browser, baseURL!, 'en', { width: 360, plainTitles: true });
  const page = await world.student.newPage();
  const quiz = world.activities.find((activity) => activity.type === 'quiz')!;
  await page.goto(`/activities/${quiz.id}`);
  await settled(page);
  await page.getByLabel('Chloroplast').check();
  await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'saved');
  await expect(page.getByRole('navigation', { name: t('en', 'offline.nav.label') })).toBeVisible();
  fs.mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/activity-phone.png' });
  // The lesson with "Make available offline", for a person to look at (not in the README).
  await page.goto(`/lessons/${world.lessonId}`);
  await settled(page);
  await page.screenshot({ path: test.info().outputPath('lesson-offline-phone.png') });
  await closeWorld(world);
});
