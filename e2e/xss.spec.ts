import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers/a11y.ts';
import { apiAs, newPerson } from './helpers/accounts.ts';
import { t } from './helpers/i18n.ts';
import { learningApi } from './helpers/learning.ts';

// Each payload, if it ever ran, would set a global flag and open a dialog; neither may happen.
const SCRIPT = `<script>window.__xss = 'script'; alert('script')</script>`;
const ONERROR = `<img src="x" onerror="window.__xss = 'onerror'; alert('onerror')">`;
const JS_LINK = `[win a prize](javascript:window.__xss='link';alert('link'))`;
const SVG = `<svg onload="window.__xss = 'svg'; alert('svg')"><script>alert('svg script')</script></svg>`;
const MARKDOWN = [
  '# Safe reading',
  SCRIPT,
  ONERROR,
  JS_LINK,
  SVG,
  `<a href="javascript:alert('raw link')">raw link</a>`,
  `<iframe src="javascript:alert('frame')"></iframe>`,
  `<details open ontoggle="alert('toggle')"><summary>more</summary>hidden</details>`,
  `![pic](javascript:alert('image'))`,
  '- [ ] a task <img src=x onerror=alert(1)>',
].join('\n\n');

/** Watches a page for any sign a payload ran. */
function watch(page: Page): string[] {
  const fired: string[] = [];
  page.on('dialog', (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return fired;
}

async function expectNothingRan(page: Page, fired: string[], where: string): Promise<void> {
  // A beat for anything deferred (image errors, toggles) to have fired.
  await page.waitForTimeout(300);
  const flag = await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
  expect(flag, `a payload ran on ${where}`).toBeNull();
  expect(fired, `a dialog opened on ${where}`).toEqual([]);
  const dangerous = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('main *')) {
      for (const attribute of element.getAttributeNames()) {
        const value = element.getAttribute(attribute) ?? '';
        if (attribute.startsWith('on')) found.push(`${element.tagName} ${attribute}`);
        if (/^(href|src|action|formaction|xlink:href)$/.test(attribute) && /^\s*javascript:/i.test(value)) found.push(`${element.tagName} ${attribute}=${value}`);
      }
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName)) found.push(element.tagName);
      if (element.tagName.toLowerCase() === 'svg' && element.closest('.prose')) found.push('svg in rendered Markdown');
    }
    return found;
  });
  expect(dangerous, `dangerous markup on ${where}`).toEqual([]);
}

test('scripts, handlers, javascript: links and SVG in Markdown and text fields never run', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacherFired = watch(page);
  await apiAs(page.request, baseURL!).signUp(newPerson('teacher'));
  const course = await apiAs(page.request, baseURL!).createCourse(`XSS ${ONERROR}`, SCRIPT);
  const teacher = learningApi(page.request, baseURL!);
  const { lesson } = await teacher.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title: `Lesson ${SVG}` });
  const base = { phase: 'pre', estimatedMinutes: 5 };
  const { activity: reading } = await teacher.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { ...base, type: 'page', title: `Reading ${ONERROR}`, content: { markdown: MARKDOWN } });
  const { activity: reflection } = await teacher.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { ...base, type: 'reflection', title: SCRIPT, content: { prompt: `${SVG} What do you think?` } });
  const { activity: discussion } = await teacher.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { ...base, type: 'discussion', title: 'Talk', content: { prompt: ONERROR } });
  const { activity: box } = await teacher.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { ...base, type: 'question_box', title: 'Questions', content: { prompt: 'Ask' } });
  await teacher.post(`/api/lessons/${lesson.id}/activities`, {
    ...base,
    type: 'quiz',
    title: 'Quiz',
    content: { items: [{ prompt: SVG, kind: 'single', choices: [ONERROR, SCRIPT], answer: 0 }], showAnswersAfterSubmit: true },
  });

  // The student answers with payloads of their own.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const studentFired = watch(student);
  await apiAs(student.request, baseURL!).signUp({ ...newPerson('student'), name: `Eve ${ONERROR}` });
  await apiAs(student.request, baseURL!).join(course.joinCode);
  const studentApi = learningApi(student.request, baseURL!);
  await studentApi.put(`/api/activities/${reflection.id}/response`, { text: `${SCRIPT} ${ONERROR} ${SVG}` });
  await studentApi.post(`/api/activities/${discussion.id}/posts`, { body: `${ONERROR}\n\n${JS_LINK}\n\n${SVG}\n\n${SCRIPT}` });
  await studentApi.post(`/api/activities/${box.id}/questions`, { text: `${SVG} ${ONERROR}` });

  // The student's pages.
  for (const [path, name] of [
    ['/work', 'My work'],
    [`/lessons/${lesson.id}`, 'lesson'],
    [`/activities/${reading.id}`, 'reading page'],
    [`/activities/${reflection.id}`, 'reflection'],
    [`/activities/${discussion.id}`, 'discussion'],
    [`/activities/${box.id}`, 'question box'],
  ] as const) {
    await student.goto(path);
    await expect(student.getByRole('heading', { level: 1 })).toBeVisible();
    await student.waitForLoadState('networkidle');
    await expectNothingRan(student, studentFired, `${name} (student)`);
  }
  // The payload text is shown as text, not run.
  await student.goto(`/activities/${reflection.id}`);
  await expect(student.getByLabel(t('en', 'activity.reflection.label'))).toHaveValue(`${SCRIPT} ${ONERROR} ${SVG}`);
  await student.goto(`/activities/${reading.id}`);
  await expect(student.getByRole('link', { name: 'win a prize' })).toHaveCount(0);
  await expect(student.getByText('win a prize')).toBeVisible();
  await expectAccessible(student, 'reading page with payloads');
  await student.getByText('win a prize').click();
  await expectNothingRan(student, studentFired, 'after clicking the link text');

  // The teacher's pages, including every student's answers.
  for (const [path, name] of [
    [`/courses/${course.id}`, 'course'],
    [`/lessons/${lesson.id}`, 'lesson'],
    [`/activities/${reading.id}`, 'reading preview'],
    [`/activities/${reflection.id}`, 'reflection responses'],
    [`/activities/${discussion.id}`, 'discussion'],
    [`/activities/${box.id}`, 'question box'],
    [`/courses/${course.id}/progress`, 'progress grid'],
    [`/activities/${reading.id}/edit`, 'page editor'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    if (name === 'reflection responses') {
      await page.getByRole('region', { name: t('en', 'activity.responses.title') }).locator('summary').first().click();
      await expect(page.getByText(`${SCRIPT} ${ONERROR} ${SVG}`)).toBeVisible();
    }
    if (name === 'page editor') {
      await page.getByRole('tab', { name: t('en', 'editor.page.preview') }).click();
      await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Safe reading' })).toBeVisible();
    }
    await expectNothingRan(page, teacherFired, `${name} (teacher)`);
  }
  await studentContext.close();
});
