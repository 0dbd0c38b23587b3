import type { Dialect } from '../db/database.ts';
import { buildApp, type TandemApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export const ORIGIN = 'http://localhost:80';

export type TestContext = { app: TandemApp; database: TestDatabase; config: Config; close(): Promise<void> };

export function testConfig(overrides: Partial<Config> = {}): Config {
  // The jobs poller stays off in tests; a test that wants it runs jobs itself or passes jobsPoller.
  return { ...loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', JOBS_POLLER: '0' }), ...overrides };
}

/** The real app on a fresh database of the given dialect; requests go through app.inject. */
export async function createTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(overrides);
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A signed-in (or anonymous) client for app.inject: keeps the session cookie and sends the
 * Origin header a browser would, so CSRF protection sees a same-origin request.
 */
export class TestClient {
  readonly app: TandemApp;
  cookie: string | undefined;
  user: { id: string; email: string; name: string } | undefined;

  constructor(app: TandemApp) {
    this.app = app;
  }

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        host: 'localhost:80',
        ...(method !== 'GET' ? { origin: ORIGIN } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? (typeof body === 'string' ? { payload: body } : { payload: body as object }) : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'tandem_session');
    if (setCookie) this.cookie = setCookie.value ? `tandem_session=${setCookie.value}` : undefined;
    return { status: response.statusCode, body: response.body ? safeJson(response.body) : undefined, headers: response.headers, raw: response };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

let counter = 0;
/** Signs up a new user and returns a client holding their session. */
export async function signUp(app: TandemApp, name = 'User', extra: Record<string, unknown> = {}): Promise<TestClient> {
  const client = new TestClient(app);
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}.${Date.now()}@example.org`;
  const res = await client.post('/api/auth/signup', { email, password: 'correct horse battery', name, ...extra });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.user = res.body.user;
  return client;
}

/** A course with a teacher and the given number of students, all signed in. */
export async function courseWithClass(app: TandemApp, students = 2) {
  const teacher = await signUp(app, 'Teacher');
  const created = await teacher.post('/api/courses', { title: 'Biology 101' });
  if (created.status !== 201) throw new Error(`course failed: ${JSON.stringify(created.body)}`);
  const course = created.body.course as { id: string; joinCode: string };
  const learners: TestClient[] = [];
  for (let i = 0; i < students; i++) {
    const s = await signUp(app, `Student ${i + 1}`);
    const joined = await s.post('/api/courses/join', { code: course.joinCode });
    if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    learners.push(s);
  }
  return { teacher, course, students: learners };
}
