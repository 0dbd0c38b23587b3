import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, newPerson } from './helpers/accounts.ts';

const SIGN_IN_JS_BUDGET = 150 * 1024;
const MY_WORK_JS_BUDGET = 150 * 1024;

/** Every script the page loads until the network is quiet, gzipped as the server would send it. */
function collectScripts(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  return scripts;
}

function measure(scripts: Set<string>) {
  const sizes = [...scripts].map((path) => ({ path, gzip: zlib.gzipSync(fs.readFileSync(`dist/web${path}`)).length }));
  const total = sizes.reduce((sum, file) => sum + file.gzip, 0);
  const listing = sizes.map((file) => `${file.path} ${(file.gzip / 1024).toFixed(1)} KB`).join('\n');
  return { total, listing };
}

// Students open Tandem on cheap phones over school Wi-Fi: the first page must stay light.
test('the sign-in page loads at most 150 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = collectScripts(page);
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Measured from the built files, as the server sends them (gzip at the default level).
  const { total, listing } = measure(scripts);
  expect(total, `sign-in JS is ${(total / 1024).toFixed(1)} KB gzipped:\n${listing}`).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
  // zod waits until the form is used.
  expect([...scripts].some((path) => path.includes('/zod-')), listing).toBe(false);
});

// My work is a student's home: the first thing they see after signing in, usually on a phone.
test('My work loads at most 150 KB of gzipped JavaScript', async ({ page, browser, baseURL }) => {
  const teacherContext = await browser.newContext();
  const teacher = apiAs(teacherContext.request, baseURL!);
  await teacher.signUp(newPerson('teacher'));
  const course = await teacher.createCourse(`Budget ${Date.now()}`);
  const headers = { origin: baseURL! };
  const lessonResponse = await teacherContext.request.post(`/api/courses/${course.id}/lessons`, { headers, data: { title: 'Cells' } });
  const { lesson } = (await lessonResponse.json()) as { lesson: { id: string } };
  const due = new Date(Date.now() + 86_400_000).toISOString();
  for (const [type, content] of [
    ['page', { markdown: '# Cells\n\nRead me.' }],
    ['reflection', { prompt: 'What surprised you?' }],
    ['checklist', { items: ['Read', 'Watch'] }],
  ] as const) {
    const created = await teacherContext.request.post(`/api/lessons/${lesson.id}/activities`, { headers, data: { phase: 'pre', type, title: `A ${type}`, estimatedMinutes: 10, dueAt: due, content } });
    expect(created.status(), await created.text()).toBe(201);
  }
  await teacherContext.close();

  const student = apiAs(page.request, baseURL!);
  await student.signUp(newPerson('student'));
  await student.join(course.joinCode);

  const scripts = collectScripts(page);
  await page.goto('/work');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /A reflection/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const { total, listing } = measure(scripts);
  expect(total, `My work JS is ${(total / 1024).toFixed(1)} KB gzipped:\n${listing}`).toBeLessThanOrEqual(MY_WORK_JS_BUDGET);
  // Its data is checked without zod (src/web/lib/light-schemas.ts).
  expect([...scripts].some((path) => path.includes('/zod-')), listing).toBe(false);
});
