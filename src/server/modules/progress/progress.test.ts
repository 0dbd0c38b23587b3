import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestContext } from '../../testing/test-app.ts';
import { csvCell, toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
    expect(toCsv([['é', 1]])).toBe('\uFEFFé,1\r\n');
  });
});

describe.each(testDatabases())('course progress on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('shows teachers a students × activities grid and a spreadsheet-safe CSV', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const zoe = await signUp(ctx.app, 'Zoe', { name: 'Zoé "Zed", Durand' });
      const adam = await signUp(ctx.app, 'Adam');
      for (const s of [zoe, adam]) await s.post('/api/courses/join', { code: course.joinCode });
      const lesson = await createLesson(teacher, course.id, 'Lumière, été');
      const quiz = await createActivity(teacher, lesson.id, { type: 'quiz', title: 'Quick check', content: { items: [{ prompt: 'x?', kind: 'single', choices: ['a', 'b'], answer: 0 }, { prompt: 'y?', kind: 'text', answer: ['y'] }] } });
      const reading = await createActivity(teacher, lesson.id, { type: 'page', title: 'Reading', content: { markdown: 'Read' }, dueAt: new Date(Date.now() - 3_600_000).toISOString() });
      await zoe.post(`/api/activities/${quiz.id}/submit`, { answers: [0, 'no'] });
      await zoe.put(`/api/activities/${reading.id}/response`, { done: true });

      const grid = await teacher.get(`/api/courses/${course.id}/progress`);
      expect(grid.status).toBe(200);
      expect(grid.body.activities.map((a: { title: string }) => a.title)).toEqual(['Quick check', 'Reading']);
      const byName = new Map(grid.body.students.map((s: { name: string }) => [s.name, s]));
      expect(byName.get('Zoé "Zed", Durand')).toMatchObject({ completed: 2, required: 2, cells: [{ status: 'done', score: 1, maxScore: 2 }, { status: 'done', late: true }] });
      expect(byName.get('Adam')).toMatchObject({ completed: 0, cells: [{ status: 'not_started', score: null }, { status: 'not_started' }] });
      expect((await zoe.get(`/api/courses/${course.id}/progress`)).status).toBe(403);

      const csv = await teacher.get(`/api/courses/${course.id}/progress.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain('attachment');
      const text = csv.raw.body;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('Student,Email,Completed,Required,"Lumière, été / pre / Quick check","Lumière, été / pre / Reading"');
      expect(lines).toContain(`"Zoé ""Zed"", Durand",${zoe.user!.email},2,2,1/2,done (late)`);
      expect(lines).toContain(`Adam,${adam.user!.email},0,2,not_started,not_started`);
      expect((await zoe.get(`/api/courses/${course.id}/progress.csv`)).status).toBe(403);
    });
  });
});
