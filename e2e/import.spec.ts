import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { learningApi } from './helpers/learning.ts';

const IMAGE = fs.readFileSync(new URL('./fixtures/image.png', import.meta.url));

// A note as Obsidian writes it: front matter tags, a highlight, sized and missing embeds, tasks, a body tag.
const NOTE = `---
title: Photosynthesis
tags: [biology, plants]
---
# Photosynthesis

Light is turned into ==chemical energy== in the leaves.

![[leaf.png|700]]

![[diagram-we-forgot.png]]

- [ ] Read the chapter
- [x] Watch the video
- [ ] Draw the cycle

Revise this before the #exam.
`;

test('an Obsidian note imports as a lesson that renders its highlights, embeds, tasks and tags', async ({ page, browser, baseURL }) => {
  const teacher = apiAs(page.request, baseURL!);
  await teacher.signUp(newPerson('teacher'));
  const course = await teacher.createCourse(`Plants ${Date.now()}`);
  // The embed refers to a file of the course by name, as in the vault.
  await learningApi(page.request, baseURL!).upload(course.id, 'leaf.png', IMAGE, 'image/png');

  await page.goto(`/courses/${course.id}`);
  await page.getByLabel(t('en', 'lesson.import.action')).setInputFiles({ name: 'Photosynthesis.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) });
  await expect(page.getByRole('heading', { level: 1, name: 'Photosynthesis' })).toBeVisible();
  await expect(page.getByText(t('en', 'lesson.import.done', { title: 'Photosynthesis' }))).toBeVisible();
  const pre = page.getByRole('region', { name: t('en', 'phases.pre') });
  await expect(pre.getByRole('link', { name: /^Photosynthesis/ })).toBeVisible();
  await expect(pre.getByRole('link', { name: /^Checklist: Photosynthesis/ })).toBeVisible();
  await expectAccessible(page, 'imported lesson (teacher)');

  // A file that is not Markdown is refused before anything is sent.
  await page.goto(`/courses/${course.id}`);
  await page.getByLabel(t('en', 'lesson.import.action')).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: IMAGE });
  await expect(page.getByText(t('en', 'lesson.import.notMarkdown'))).toBeVisible();

  // A student reads it.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await apiAs(student.request, baseURL!).signUp(newPerson('student'));
  await apiAs(student.request, baseURL!).join(course.joinCode);
  await student.goto(`/courses/${course.id}`);
  await student.getByRole('link', { name: 'Photosynthesis' }).click();
  await expect(student).toHaveURL(/\/lessons\//);
  await student.getByRole('link', { name: `Photosynthesis (${t('en', 'learning.types.page')})` }).click();
  await expect(student).toHaveURL(/\/activities\//);
  await expect(student.getByRole('heading', { level: 1, name: 'Photosynthesis' })).toBeVisible();
  const body = student.locator('.page-body');

  await expect(body.locator('mark')).toHaveText('chemical energy');

  const image = body.locator('img');
  await expect(image).toHaveAttribute('width', '700');
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(320);
  // Never wider than the page, whatever width the note asks for.
  const box = await image.boundingBox();
  const column = await body.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(column!.width);
  await expect(body.getByText(t('en', 'activity.page.missingFile', { name: 'diagram-we-forgot.png' }))).toBeVisible();

  const tasks = body.getByRole('checkbox');
  await expect(tasks).toHaveCount(3);
  await expect(body.getByRole('checkbox', { name: 'Read the chapter' })).not.toBeChecked();
  await expect(body.getByRole('checkbox', { name: 'Watch the video' })).toBeChecked();
  await body.getByRole('checkbox', { name: 'Draw the cycle' }).check();
  await expect(student.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  const chips = student.getByRole('list', { name: t('en', 'activity.page.tags') }).getByRole('listitem');
  await expect(chips).toHaveText(['#biology', '#plants', '#exam']);
  await expectAccessible(student, 'imported page (student)');

  await student.reload();
  await expect(student.locator('.page-body').getByRole('checkbox', { name: 'Draw the cycle' })).toBeChecked();
  await studentContext.close();
});
