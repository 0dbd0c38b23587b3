import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { t } from './i18n.ts';

/** A datetime-local value `days` from now, on the wall clock of the browser's zone (the teacher's). */
export function localDateTime(days: number, hour = 18): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return `${parts}T${String(hour).padStart(2, '0')}:00`;
}

/** Teacher, on a lesson page: opens the editor for a new activity of `type` in `phase`. */
export async function startActivity(page: Page, phase: 'pre' | 'live' | 'post', type: string): Promise<void> {
  await page.getByRole('link', { name: t('en', `lesson.add.${phase}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'editor.newTitle') })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^${t('en', `learning.types.${type}`)}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'editor.newTitleType', { type: t('en', `learning.types.${type}`) }) })).toBeVisible();
}

/** Fills the settings every type shares. */
export async function fillSettings(page: Page, settings: { title: string; minutes?: number; dueInDays?: number }): Promise<void> {
  await page.getByLabel(t('en', 'editor.settings.title'), { exact: true }).fill(settings.title);
  if (settings.minutes !== undefined) await page.getByLabel(t('en', 'editor.settings.minutes')).fill(String(settings.minutes));
  if (settings.dueInDays !== undefined) await page.getByLabel(t('en', 'editor.settings.dueAt')).fill(localDateTime(settings.dueInDays));
}

/** Saves a new activity and waits for the lesson page to list it. */
export async function createActivity(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: t('en', 'editor.create') }).click();
  await expect(page.getByText(t('en', 'editor.created')).last()).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${escapeRegExp(title)}`) })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The save line under a response ("Saving… / Saved / Offline — saved on this device"). */
export async function expectSaveState(page: Page, state: 'saved' | 'offline' | 'saving' | 'conflict' | 'error'): Promise<void> {
  await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', state);
}

export type Api = ReturnType<typeof learningApi>;

/** Setup and checks through the API, with the caller's session cookie and the CSRF Origin. */
export function learningApi(request: APIRequestContext, baseURL: string) {
  const headers = { origin: baseURL };
  return {
    async post<T>(path: string, data: unknown, status = 201): Promise<T> {
      const response = await request.post(path, { headers, data });
      expect(response.status(), await response.text()).toBe(status);
      return (await response.json()) as T;
    },
    async put<T>(path: string, data: unknown, status = 200): Promise<T> {
      const response = await request.put(path, { headers, data });
      expect(response.status(), await response.text()).toBe(status);
      return (await response.json()) as T;
    },
    async get<T>(path: string): Promise<T> {
      const response = await request.get(path);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as T;
    },
    async upload(courseId: string, name: string, body: Buffer, contentType: string): Promise<{ id: string; fileName: string }> {
      const response = await request.post(`/api/courses/${courseId}/uploads?name=${encodeURIComponent(name)}`, { headers: { ...headers, 'content-type': contentType }, data: body });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { upload: { id: string; fileName: string } }).upload;
    },
  };
}
