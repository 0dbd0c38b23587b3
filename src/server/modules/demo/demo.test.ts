import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestContext } from '../../testing/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.seed.ts';

describe('the demo seeded on first start', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('sqlite');
    await seedDemo(ctx.app.services);
  });
  afterAll(async () => ctx?.close());

  it('lets the demo teacher sign in and see a course with complete pre-work → live → post-work lessons', async () => {
    const teacher = new TestClient(ctx.app);
    expect((await teacher.post('/api/auth/login', { email: DEMO_ACCOUNTS.teacher.email, password: DEMO_PASSWORD })).status).toBe(200);
    const [course] = (await teacher.get('/api/courses')).body.courses;
    expect(course).toMatchObject({ title: 'Designing asynchronous and synchronous learning', role: 'teacher', studentCount: 2 });
    const detail = (await teacher.get(`/api/courses/${course.id}`)).body.course;
    expect(detail.lessons).toHaveLength(2);
    const lesson = (await teacher.get(`/api/lessons/${detail.lessons[0].id}`)).body.lesson;
    expect(lesson.pre.length).toBeGreaterThanOrEqual(3);
    expect(lesson.post.length).toBeGreaterThanOrEqual(1);
    expect(lesson.liveActivities.length).toBeGreaterThanOrEqual(2);
    expect(lesson.live).toMatchObject({ durationMinutes: 60, provider: 'jitsi' });
    expect(Date.parse(lesson.live.startsAt)).toBeGreaterThan(Date.now());
  });

  it('gives the first student some finished pre-work and the second none', async () => {
    const [first, second] = await Promise.all(
      DEMO_ACCOUNTS.students.map(async (s) => {
        const client = new TestClient(ctx.app);
        await client.post('/api/auth/login', { email: s.email, password: DEMO_PASSWORD });
        return (await client.get('/api/me/work')).body;
      }),
    );
    expect(first.done.length).toBeGreaterThan(0);
    expect(second.done).toHaveLength(0);
  });
});
