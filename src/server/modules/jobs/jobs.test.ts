import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { testDatabases } from '../../testing/databases.ts';
import { courseWithClass, createTestApp, type TestContext } from '../../testing/test-app.ts';
import { REMINDER_JOB } from '../live/live-reminders.ts';
import { createJobRunner } from './job-runner.ts';
import { createJobsRepository } from './jobs.repository.ts';

describe.each(testDatabases())('jobs on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('runs each due job exactly once when several nodes poll at the same time', async () => {
      const jobs = createJobsRepository(ctx.database.db);
      const runs = new Map<string, string[]>();
      const kind = `test.${newId()}`;
      const now = new Date().toISOString();
      for (let i = 0; i < 12; i++) {
        await jobs.enqueue({ id: newId(), kind, dedupeKey: `${kind}:${i}`, payload: { i }, runAt: now, now });
      }
      // Enqueuing the same key again changes nothing.
      expect(await jobs.enqueue({ id: newId(), kind, dedupeKey: `${kind}:0`, payload: { i: 99 }, runAt: now, now })).toBe(false);
      const nodes = ['a', 'b', 'c'].map((nodeId) =>
        createJobRunner({
          jobs,
          nodeId,
          handlers: {
            [kind]: async (payload) => {
              const key = JSON.stringify(payload);
              runs.set(key, [...(runs.get(key) ?? []), nodeId]);
              await new Promise((resolve) => setTimeout(resolve, 5));
            },
          },
        }),
      );
      const ran = await Promise.all(nodes.flatMap((node) => [node.runDue(), node.runDue()]));
      expect(ran.reduce((a, b) => a + b, 0)).toBe(12);
      expect(runs.size).toBe(12);
      for (const by of runs.values()) expect(by).toHaveLength(1);
      expect(await nodes[0]!.runDue()).toBe(0);
    });

    it('retries a failed job later, and lets a crashed node\'s claim expire', async () => {
      const jobs = createJobsRepository(ctx.database.db);
      const kind = `test.${newId()}`;
      let clock = new Date('2030-01-01T00:00:00Z');
      const now = () => clock;
      await jobs.enqueue({ id: newId(), kind, dedupeKey: `${kind}:x`, payload: {}, runAt: clock.toISOString(), now: clock.toISOString() });
      let calls = 0;
      const flaky = createJobRunner({ jobs, nodeId: 'flaky', now, handlers: { [kind]: async () => { calls += 1; if (calls === 1) throw new Error('boom'); } } });
      expect(await flaky.runDue()).toBe(1);
      expect((await jobs.findByKey(`${kind}:x`))!.last_error).toBe('boom');
      expect(await flaky.runDue()).toBe(0); // backing off
      clock = new Date(clock.getTime() + 10 * 60_000);
      expect(await flaky.runDue()).toBe(1);
      expect((await jobs.findByKey(`${kind}:x`))!.done_at).not.toBeNull();

      // A node claims and dies: nobody else may take it until the lease runs out.
      await jobs.enqueue({ id: newId(), kind, dedupeKey: `${kind}:y`, payload: {}, runAt: clock.toISOString(), now: clock.toISOString() });
      const job = (await jobs.findByKey(`${kind}:y`))!;
      expect(await jobs.claim(job.id, 'dead', clock.toISOString(), new Date(clock.getTime() + 60_000).toISOString())).toBe(true);
      expect(await jobs.claim(job.id, 'other', clock.toISOString(), new Date(clock.getTime() + 60_000).toISOString())).toBe(false);
      clock = new Date(clock.getTime() + 61_000);
      expect(await flaky.runDue()).toBe(1);
    });

    it('reminds, once, only the students who have not finished the required pre-work (in-app and by email)', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const [done, behind] = students as [NonNullable<(typeof students)[0]>, NonNullable<(typeof students)[0]>];
      const startsAt = new Date(Date.now() + 2 * 3600_000).toISOString();
      const lesson = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Osmosis', live: { startsAt, durationMinutes: 60 } });
      const lessonId = lesson.body.lesson.id;
      const activity = await teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'pre', type: 'page', title: 'Read this', content: { markdown: 'Hi' } });
      expect((await done.post(`/api/activities/${activity.body.activity.id}/submit`, { done: true })).status).toBe(200);

      const planned = await ctx.database.db.selectFrom('jobs').selectAll().where('kind', '=', REMINDER_JOB).where('payload', 'like', `%${startsAt}%`).execute();
      // The 24-hour reminder is already past (the session is in two hours): only the 1-hour one is planned.
      expect(planned.map((j) => JSON.parse(j.payload).offsetMinutes)).toEqual([60]);

      const at = () => new Date(Date.parse(startsAt) - 59 * 60_000);
      const services = ctx.app.services;
      const nodes = ['n1', 'n2'].map((nodeId) =>
        createJobRunner({ jobs: services.repos.jobs, nodeId, now: at, handlers: { [REMINDER_JOB]: (payload) => services.liveReminders.send(payload) } }),
      );
      await Promise.all([nodes[0]!.runDue(), nodes[1]!.runDue(), nodes[0]!.runDue(), nodes[1]!.runDue()]);
      await services.mailer.idle();
      const notes = await ctx.database.db.selectFrom('notifications').selectAll().where('kind', '=', 'live_reminder').where('user_id', 'in', [done.user!.id, behind.user!.id]).execute();
      expect(notes.map((n) => n.user_id)).toEqual([behind.user!.id]);
      expect(JSON.parse(notes[0]!.data)).toMatchObject({ lessonId, unfinished: 1, title: 'Live session soon: Osmosis' });
      const mails = await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', behind.user!.email).execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('You still have 1 pre-work activity to finish');
      expect(await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', done.user!.email).execute()).toHaveLength(0);
      // In the student's list of notifications, as a reminder that opens the lesson.
      const listed = (await behind.get('/api/me/notifications')).body.notifications as { kind: string; title: string; text: string; link: string }[];
      expect(listed.find((n) => n.kind === 'live_reminder')).toMatchObject({ title: 'Live session soon: Osmosis', link: `/lessons/${lessonId}` });
      expect(listed.find((n) => n.kind === 'live_reminder')!.text).toContain('You still have 1 pre-work activity to finish');

      // Moving the session makes the old reminder a no-op and plans a new one.
      const moved = new Date(Date.parse(startsAt) + 3600_000).toISOString();
      await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: moved, durationMinutes: 60 });
      const replanned = await ctx.database.db.selectFrom('jobs').selectAll().where('kind', '=', REMINDER_JOB).where('payload', 'like', `%${moved}%`).execute();
      expect(replanned).toHaveLength(1);
    });
  });
});
