import fs from 'node:fs';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { learningApi } from './learning.ts';

/** Waits until the service worker has installed (the shell is precached) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first version claims the open page as soon as it is active (sw/service-worker.ts).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000, polling: 250 });
}

/** The header's connection indicator (features/offline/OfflineStatus.tsx). */
export function connection(page: Page) {
  return page.getByTestId('connection-status');
}

export type Prework = {
  courseId: string;
  joinCode: string;
  lessons: { id: string; title: string; quiz: string; checklist: string; reflection: string; page: string }[];
};

/**
 * A teacher's course with two lessons, each with pre-work: a reading page showing an uploaded
 * image, a quiz, a checklist and a reflection. The first is due sooner: it is "the next
 * lesson's pre-work" that the app saves for offline on its own.
 */
export async function createPrework(request: APIRequestContext, baseURL: string, stamp: string): Promise<Prework> {
  const api = learningApi(request, baseURL);
  const { course } = await api.post<{ course: { id: string; joinCode: string } }>('/api/courses', { title: `Cells offline ${stamp}`, description: 'Pre-work on the bus.' });
  const image = await api.upload(course.id, 'leaf.png', fs.readFileSync(new URL('../fixtures/image.png', import.meta.url)), 'image/png');
  const lessons: Prework['lessons'] = [];
  for (const [index, title] of [`Photosynthesis ${stamp}`, `Respiration ${stamp}`].entries()) {
    const { lesson } = await api.post<{ lesson: { id: string } }>(`/api/courses/${course.id}/lessons`, { title });
    const dueAt = new Date(Date.now() + (index + 1) * 86_400_000).toISOString();
    const make = async (type: string, activityTitle: string, content: unknown) => {
      const { activity } = await api.post<{ activity: { id: string } }>(`/api/lessons/${lesson.id}/activities`, { phase: 'pre', type, title: activityTitle, estimatedMinutes: 5, dueAt, content });
      return activity.id;
    };
    const names = { page: `Read: leaves ${index + 1}`, quiz: `Quiz: organelles ${index + 1}`, checklist: `Before class ${index + 1}`, reflection: `Reflect ${index + 1}` };
    await make('page', names.page, { markdown: `# Leaves\n\nA leaf, up close:\n\n![[${image.fileName}]]\n` });
    await make('quiz', names.quiz, {
      attemptsAllowed: 1,
      showAnswersAfterSubmit: false,
      items: [
        { kind: 'single', prompt: 'Where does photosynthesis happen?', choices: ['Mitochondrion', 'Chloroplast', 'Nucleus'], answer: 1 },
        { kind: 'single', prompt: 'What do plants release?', choices: ['Oxygen', 'Nitrogen'], answer: 0 },
      ],
    });
    await make('checklist', names.checklist, { items: ['Read the page', 'Watch the clip', 'Bring a leaf'] });
    await make('reflection', names.reflection, { prompt: 'What surprised you?' });
    lessons.push({ id: lesson.id, title, ...names });
  }
  return { courseId: course.id, joinCode: course.joinCode, lessons };
}
