import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { t, type Lang } from './i18n.ts';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A fresh identity; the run shares one database, so emails must never repeat. */
export function newPerson(role: string): { name: string; email: string } {
  counter += 1;
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  const name = role === 'teacher' ? `Ada Teacher ${id}` : `Sam Student ${id}`;
  return { name, email: `${role}-${id}@e2e.tandem.test` };
}

/** Signs up through the UI, as a new user would; ends on the page the app sends them to. */
export async function signUpInUi(page: Page, lang: Lang, person: { name: string; email: string }): Promise<void> {
  await page.getByLabel(t(lang, 'fields.name')).fill(person.name);
  await page.getByLabel(t(lang, 'fields.email')).fill(person.email);
  await page.getByLabel(t(lang, 'fields.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t(lang, 'auth.signUp.submit') }).click();
}

/**
 * Test setup through the API. Writes need the Origin header, as the server's CSRF check wants;
 * the context's cookie jar keeps the session for the pages opened afterwards.
 */
export function apiAs(request: APIRequestContext, baseURL: string) {
  const headers = { origin: baseURL };
  return {
    async signUp(person: { name: string; email: string }, locale: Lang = 'en') {
      const response = await request.post('/api/auth/signup', { headers, data: { ...person, password: PASSWORD, locale, timeZone: 'Europe/Paris' } });
      expect(response.status(), await response.text()).toBe(201);
    },
    async createCourse(title: string, description = ''): Promise<{ id: string; joinCode: string }> {
      const response = await request.post('/api/courses', { headers, data: { title, description } });
      expect(response.status(), await response.text()).toBe(201);
      const { course } = (await response.json()) as { course: { id: string; joinCode: string } };
      return course;
    },
    async join(code: string) {
      const response = await request.post('/api/courses/join', { headers, data: { code } });
      expect(response.status(), await response.text()).toBe(200);
    },
  };
}
