import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { settleMotion } from './a11y.ts';
import { apiAs, newPerson } from './accounts.ts';
import type { Lang } from './i18n.ts';
import { learningApi } from './learning.ts';

/**
 * A whole class in one go, through the API: a teacher and a student (in `lang`), a course with
 * a lesson whose live room is open now, one activity of every type in its pre-work, a live
 * poll on its run-sheet, a reflection as post-work, and a first answer from the student.
 */
export type World = {
  teacher: BrowserContext;
  student: BrowserContext;
  fresh: BrowserContext;
  courseId: string;
  lessonId: string;
  lessonTitle: string;
  activities: { id: string; type: string; title: string }[];
};

export async function buildWorld(browser: Browser, baseURL: string, lang: Lang, options: { colorScheme?: 'light' | 'dark'; width?: number; plainTitles?: boolean } = {}): Promise<World> {
  const width = options.width ?? 1280;
  const phone = width < 500;
  const contextOptions = {
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width, height: phone ? 640 : 800 },
    ...(phone ? { hasTouch: true, isMobile: true } : {}),
  } as const;
  const teacher = await browser.newContext(contextOptions);
  const student = await browser.newContext(contextOptions);
  const fresh = await browser.newContext(contextOptions);
  await apiAs(teacher.request, baseURL).signUp(newPerson('teacher'), lang);
  const studentPerson = newPerson('student');
  await apiAs(student.request, baseURL).signUp(studentPerson, lang);
  await apiAs(fresh.request, baseURL).signUp(newPerson('student'), lang);

  const api = learningApi(teacher.request, baseURL);
  // Titles are unique across a run's tests; a picture for people (plainTitles) reads better without it.
  const stamp = options.plainTitles ? '' : ` ${Date.now().toString(36)}`;
  const { course } = await api.post<{ course: { id: string; joinCode: string } }>('/api/courses', { title: `Cells and energy${stamp}`, description: 'How living things get and use energy.' });
  await apiAs(student.request, baseURL).join(course.joinCode);
  const image = await api.upload(course.id, 'leaf.png', fs.readFileSync(new URL('../fixtures/image.png', import.meta.url)), 'image/png');
  const clip = await api.upload(course.id, 'clip.webm', fs.readFileSync(new URL('../fixtures/clip.webm', import.meta.url)), 'video/webm');

  const lessonTitle = `Photosynthesis${stamp}`;
  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title: lessonTitle, live: { startsAt, durationMinutes: 60, location: 'Room 12' } });
  const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const specs: [string, 'pre' | 'live' | 'post', string, unknown][] = [
    ['page', 'pre', 'Read: how leaves work', { markdown: `# Leaves\n\nA leaf, ==up close==:\n\n![[${image.fileName}]]\n\n- [ ] Find the stomata\n- [ ] Name two pigments\n` }],
    ['video', 'pre', 'Watch: a leaf in time-lapse', { uploadId: clip.id }],
    ['quiz', 'pre', 'Quiz: organelles', { attemptsAllowed: 2, showAnswersAfterSubmit: true, items: [{ kind: 'single', prompt: 'Where does photosynthesis happen?', choices: ['Mitochondrion', 'Chloroplast'], answer: 1 }, { kind: 'numeric', prompt: 'How many chloroplasts in a cell (roughly)?', answer: { value: 50, tolerance: 40 } }] }],
    ['checklist', 'pre', 'Before class', { items: ['Read the page', 'Bring a leaf'] }],
    ['question_box', 'pre', 'Bring a question', { prompt: 'What would you like to ask in class?' }],
    ['discussion', 'pre', 'Discuss: plants at night', { prompt: 'What do plants do at night?' }],
    ['poll', 'pre', 'Check: how sure are you?', { question: 'How sure are you?', choices: ['Very', 'A bit', 'Not at all'], anonymous: false }],
    ['link', 'pre', 'Explore: a leaf simulator', { url: 'https://example.org/leaf', description: 'Try changing the light.' }],
    ['poll', 'live', 'Check-in poll', { question: 'Ready?', choices: ['Yes', 'No'], anonymous: true }],
    ['reflection', 'post', 'Reflect: what changed your mind?', { prompt: 'What did you think before, and now?' }],
  ];
  const activities: World['activities'] = [];
  for (const [type, phase, title, content] of specs) {
    const { activity } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { phase, type, title, estimatedMinutes: 5, ...(phase === 'live' ? {} : { dueAt }), content });
    activities.push({ id: activity.id, type, title });
  }
  // Some answers already there: the "full" states (a question, a post, a checklist half done).
  const studentApi = learningApi(student.request, baseURL);
  const of = (type: string) => activities.find((activity) => activity.type === type)!.id;
  await studentApi.post(`/api/activities/${of('question_box')}/questions`, { text: 'Why are leaves green?' });
  await studentApi.post(`/api/activities/${of('discussion')}/posts`, { body: 'They breathe, I think.' });
  await studentApi.put(`/api/activities/${of('checklist')}/response`, { checked: [0] });
  return { teacher, student, fresh, courseId: course.id, lessonId: lesson.id, lessonTitle, activities };
}

export async function closeWorld(world: World): Promise<void> {
  await Promise.all([world.teacher.close(), world.student.close(), world.fresh.close()]);
}

/** Every axe rule (best practices too), every impact: one line per rule, with the elements it found. */
export async function axeViolations(page: Page): Promise<string[]> {
  await settleMotion(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.impact ?? 'minor'} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

export async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe found problems on ${where}`).toEqual([]);
}

/** A page once it has rendered: its h1 is there and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('.loading, [aria-busy="true"]:not(button)')).toHaveCount(0);
  // Fonts, images and lazy parts of the page finish arriving.
  await page.waitForLoadState('load');
  await page.waitForTimeout(250);
}

export { newPerson };
