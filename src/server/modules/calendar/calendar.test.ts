import crypto from 'node:crypto';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { courseWithClass, createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

type ParsedEvent = { uid: string; summary: string; start: Date; end: Date; sequence: number; status: string | null; url: string | null; location: string | null; description: string };

function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      location: event.location ?? null,
      description: event.description ?? '',
    };
  });
}

const local = (date: Date, zone: string) => DateTime.fromJSDate(date).setZone(zone).toFormat('yyyy-MM-dd HH:mm');

describe.each(testDatabases())('calendar feed on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    async function fetchFeed(url: string) {
      return new TestClient(ctx.app).get(new URL(url).pathname);
    }

    it('serves a private, revocable feed of live sessions with stable UIDs, sequences and cancellations, at the right local times across DST', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const student = await signUp(ctx.app, 'Zoe', { locale: 'fr', timeZone: 'America/Montreal' });
      await student.post('/api/courses/join', { code: course.joinCode });
      const series = await teacher.post(`/api/courses/${course.id}/live-series`, {
        firstStartsAt: '2026-10-21T07:00:00Z', timeZone: 'Europe/Paris', durationMinutes: 60, count: 3, title: 'Semaine', videoUrl: 'https://meet.jit.si/bio-hebdo',
      });
      expect(series.status).toBe(201);
      const [first, second, third] = series.body.sessions as { id: string; lessonId: string }[];
      await teacher.put(`/api/lessons/${second!.lessonId}/live`, { startsAt: '2026-10-28T08:00:00Z', durationMinutes: 60, location: 'Salle 3' });
      await teacher.post(`/api/lessons/${third!.lessonId}/live/cancel`);

      const { body } = await student.get('/api/me/calendar');
      expect(body.url).toMatch(/^http:\/\/localhost(:80)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect((await student.get('/api/me/calendar')).body.url).toBe(body.url);
      const token = /calendar\/(.+)\.ics$/.exec(body.url)![1]!;
      // Stored hashed only.
      const row = await ctx.database.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', student.user!.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);

      const res = await fetchFeed(body.url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const events = parseIcs(res.raw.body);
      expect(events.map((e) => e.uid)).toEqual([`${first!.id}@tandem`, `${second!.id}@tandem`, `${third!.id}@tandem`]);
      // 9:00 in Paris every week; in Montreal 3:00, then 4:00 while only Europe has left summer time, then 3:00 again.
      expect(events.map((e) => local(e.start, 'Europe/Paris'))).toEqual(['2026-10-21 09:00', '2026-10-28 09:00', '2026-11-04 09:00']);
      expect(events.map((e) => local(e.start, 'America/Montreal'))).toEqual(['2026-10-21 03:00', '2026-10-28 04:00', '2026-11-04 03:00']);
      expect(events[0]).toMatchObject({ sequence: 0, status: 'CONFIRMED', url: 'https://meet.jit.si/bio-hebdo', location: 'https://meet.jit.si/bio-hebdo' });
      expect(events[0]!.end.getTime() - events[0]!.start.getTime()).toBe(3_600_000);
      expect(events[0]!.summary).toBe('Séance en direct : Semaine 1 (Biology 101)');
      expect(events[0]!.description).toContain('Rejoindre: https://meet.jit.si/bio-hebdo');
      expect(events[1]).toMatchObject({ sequence: 1, location: 'Salle 3' });
      expect(events[2]).toMatchObject({ sequence: 1, status: 'CANCELLED' });

      const reset = await student.post('/api/me/calendar/reset');
      expect(reset.body.url).not.toBe(body.url);
      expect((await fetchFeed(body.url)).status).toBe(404);
      expect((await fetchFeed(reset.body.url)).status).toBe(200);
      expect((await new TestClient(ctx.app).get('/api/calendar/not-a-real-token-at-all-xxxxxxxx.ics')).status).toBe(404);
      expect((await new TestClient(ctx.app).get('/api/calendar/nope')).status).toBe(404);
      expect((await new TestClient(ctx.app).get('/api/me/calendar')).status).toBe(401);
    });

    it('adds pre-work due dates as timed events, in English for an English reader, and only from their own courses', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 1);
      const lesson = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Enzymes', live: { startsAt: '2026-12-10T15:00:00Z', durationMinutes: 60, location: 'Lab 2' } });
      const activity = await teacher.post(`/api/lessons/${lesson.body.lesson.id}/activities`, {
        phase: 'pre', type: 'page', title: 'Read chapter 4', dueAt: '2026-12-09T22:00:00Z', content: { markdown: '# Chapter 4' },
      });
      expect(activity.status).toBe(201);
      const other = await courseWithClass(ctx.app, 0);
      await other.teacher.post(`/api/courses/${other.course.id}/lessons`, { title: 'Not mine', live: { startsAt: '2026-12-11T15:00:00Z', durationMinutes: 60 } });
      const teacherFeed = await fetchFeed((await teacher.get('/api/me/calendar')).body.url);
      const events = parseIcs(teacherFeed.raw.body);
      expect(events.map((e) => e.summary).sort()).toEqual(['Due: Read chapter 4 (Biology 101)', 'Live session: Enzymes (Biology 101)']);
      const due = events.find((e) => e.summary.startsWith('Due'))!;
      expect(due.uid).toBe(`${activity.body.activity.id}-due@tandem`);
      expect(due.end.toISOString()).toBe('2026-12-09T22:00:00.000Z');
      const live = events.find((e) => e.summary.startsWith('Live'))!;
      expect(live.location).toBe('Lab 2');
      expect(live.description).toContain(`/lessons/${lesson.body.lesson.id}/live`);
    });
  });
});
