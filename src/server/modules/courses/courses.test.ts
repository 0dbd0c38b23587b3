import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../../shared/schemas/courses.ts';
import { testDatabases } from '../../testing/databases.ts';
import { courseWithClass, createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

describe.each(testDatabases())('courses on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    const countRows = async (table: 'courses' | 'course_members') =>
      Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('creates a course whose creator is its teacher, with an unambiguous 8-character join code', async () => {
      const teacher = await signUp(ctx.app, 'Creator');
      const res = await teacher.post('/api/courses', { title: '  Chemistry  ', description: 'Atoms first' });
      expect(res.status).toBe(201);
      expect(res.body.course).toMatchObject({ title: 'Chemistry', description: 'Atoms first', role: 'teacher', archived: false, studentCount: 0 });
      expect(res.body.course.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
      expect(res.body.course.joinCode).not.toMatch(/[01OIL]/);
      const list = await teacher.get('/api/courses');
      expect(list.body.courses).toHaveLength(1);
      expect(list.body.courses[0].teacherNames).toEqual(['Creator']);
    });

    it('lets a student join by code typed loosely, and both see the course with their role', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const student = await signUp(ctx.app, 'Joiner');
      const loose = `${course.joinCode.slice(0, 4).toLowerCase()}-${course.joinCode.slice(4)} `;
      const joined = await student.post('/api/courses/join', { code: loose });
      expect(joined.status).toBe(200);
      expect(joined.body.course).toMatchObject({ id: course.id, role: 'student', joinCode: null });
      const again = await student.post('/api/courses/join', { code: course.joinCode });
      expect(again.status).toBe(200);
      const detail = await student.get(`/api/courses/${course.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.course.lessons).toEqual([]);
      const roster = await teacher.get(`/api/courses/${course.id}/roster`);
      expect(roster.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
        ['Teacher', 'teacher'],
        ['Joiner', 'student'],
      ]);
      expect((await teacher.get(`/api/courses/${course.id}`)).body.course.studentCount).toBe(1);
    });

    it('answers 404 to an unknown code and 400 to a malformed one, adding no membership', async () => {
      const student = await signUp(ctx.app, 'Guesser');
      const before = await countRows('course_members');
      const unknown = await student.post('/api/courses/join', { code: 'ZZZZ-ZZZZ' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('not_found');
      const malformed = await student.post('/api/courses/join', { code: 'O0I1' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details[0].path).toBe('body.code');
      expect(await countRows('course_members')).toBe(before);
    });

    it('keeps courses private: 404 for non-members, 403 for students on teacher actions, 401 when signed out', async () => {
      const { course, students } = await courseWithClass(ctx.app, 1);
      const outsider = await signUp(ctx.app, 'Outsider');
      expect((await outsider.get(`/api/courses/${course.id}`)).status).toBe(404);
      expect((await outsider.get(`/api/courses/${course.id}/roster`)).status).toBe(404);
      const student = students[0]!;
      expect((await student.get(`/api/courses/${course.id}/roster`)).status).toBe(403);
      expect((await student.patch(`/api/courses/${course.id}`, { title: 'Hijacked' })).status).toBe(403);
      expect((await student.post(`/api/courses/${course.id}/join-code`)).status).toBe(403);
      expect((await new TestClient(ctx.app).get('/api/courses')).status).toBe(401);
      expect((await student.get(`/api/courses/${course.id}`)).body.course.title).toBe('Biology 101');
    });

    it('renames, archives and regenerates the code; the old code stops working', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const renamed = await teacher.patch(`/api/courses/${course.id}`, { title: 'Biology 102' });
      expect(renamed.body.course.title).toBe('Biology 102');
      const fresh = await teacher.post(`/api/courses/${course.id}/join-code`);
      expect(fresh.body.course.joinCode).not.toBe(course.joinCode);
      const late = await signUp(ctx.app, 'Late');
      expect((await late.post('/api/courses/join', { code: course.joinCode })).status).toBe(404);
      expect((await late.post('/api/courses/join', { code: fresh.body.course.joinCode })).status).toBe(200);
      const archived = await teacher.patch(`/api/courses/${course.id}`, { archived: true });
      expect(archived.body.course.archived).toBe(true);
      const later = await signUp(ctx.app, 'Later');
      const refused = await later.post('/api/courses/join', { code: fresh.body.course.joinCode });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('course_archived');
      const empty = await teacher.patch(`/api/courses/${course.id}`, {});
      expect(empty.status).toBe(400);
      const blank = await teacher.patch(`/api/courses/${course.id}`, { title: '   ' });
      expect(blank.status).toBe(400);
      expect((await teacher.get(`/api/courses/${course.id}`)).body.course.title).toBe('Biology 102');
    });

    it('adds a co-teacher by email (promoting a student) and removes students but never the last teacher', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const [first, second] = students as [TestClient, TestClient];
      const promoted = await teacher.post(`/api/courses/${course.id}/teachers`, { email: first.user!.email });
      expect(promoted.status).toBe(200);
      expect(promoted.body.members.find((m: { userId: string }) => m.userId === first.user!.id).role).toBe('teacher');
      expect((await first.get(`/api/courses/${course.id}/roster`)).status).toBe(200);
      const nobody = await teacher.post(`/api/courses/${course.id}/teachers`, { email: 'nobody@example.org' });
      expect(nobody.status).toBe(404);
      expect(nobody.body.error.code).toBe('user_not_found');

      expect((await second.delete(`/api/courses/${course.id}/members/${first.user!.id}`)).status).toBe(403);
      expect((await first.delete(`/api/courses/${course.id}/members/${second.user!.id}`)).status).toBe(200);
      expect((await second.get(`/api/courses/${course.id}`)).status).toBe(404);

      expect((await teacher.delete(`/api/courses/${course.id}/members/${first.user!.id}`)).status).toBe(200);
      const last = await teacher.delete(`/api/courses/${course.id}/members/${teacher.user!.id}`);
      expect(last.status).toBe(409);
      expect(last.body.error.code).toBe('last_teacher');
    });

    it('lets a whole class behind one school address join at once, while one account guessing codes is stopped', async () => {
      const { course } = await courseWithClass(ctx.app, 0);
      const statuses = [];
      for (let i = 0; i < 25; i++) statuses.push((await (await signUp(ctx.app, `Pupil ${i}`)).post('/api/courses/join', { code: course.joinCode })).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const guesser = await signUp(ctx.app, 'Guessing');
      const guesses = [];
      for (let i = 0; i < 21; i++) guesses.push((await guesser.post('/api/courses/join', { code: 'ZZZZZZZZ' })).status);
      expect(guesses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(guesses[20]).toBe(429);
    });

    it('creates nothing when a course body is invalid', async () => {
      const teacher = await signUp(ctx.app, 'Careful');
      const before = await countRows('courses');
      const res = await teacher.post('/api/courses', { title: '', description: 'x'.repeat(5000) });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.description', 'body.title']);
      expect(await countRows('courses')).toBe(before);
    });
  });
});
