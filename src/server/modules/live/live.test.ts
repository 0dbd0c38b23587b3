import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { courseWithClass, createTestApp, signUp, type TestContext } from '../../testing/test-app.ts';
import { weeklyStarts } from './recurrence.ts';
import { recogniseVideoLink } from './video-link.ts';

describe('video links', () => {
  it('recognises the usual services and embeds only Jitsi rooms', () => {
    expect(recogniseVideoLink('https://meet.jit.si/Bio101-Week3')).toEqual({ provider: 'jitsi', embedUrl: 'https://meet.jit.si/Bio101-Week3' });
    expect(recogniseVideoLink('https://jitsi.example.edu/room?x=1').provider).toBe('jitsi');
    expect(recogniseVideoLink('https://bbb.univ.fr/bigbluebutton/api/join?x').provider).toBe('bigbluebutton');
    expect(recogniseVideoLink('https://us02web.zoom.us/j/123456789?pwd=abc')).toEqual({ provider: 'zoom', embedUrl: null });
    expect(recogniseVideoLink('https://meet.google.com/abc-defg-hij').provider).toBe('meet');
    expect(recogniseVideoLink('https://teams.microsoft.com/l/meetup-join/19%3a').provider).toBe('teams');
    expect(recogniseVideoLink('https://example.org/call').provider).toBe('other');
    expect(recogniseVideoLink('https://notzoom.us.evil.com/j/1').provider).toBe('other');
  });
});

describe('weekly recurrence', () => {
  it('keeps 9:00 in Paris across the end of daylight saving time', () => {
    const starts = weeklyStarts('2026-10-18T07:00:00Z', 'Europe/Paris', 3);
    expect(starts).toEqual(['2026-10-18T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-11-01T08:00:00.000Z']);
    for (const s of starts) expect(DateTime.fromISO(s).setZone('Europe/Paris').toFormat('HH:mm')).toBe('09:00');
  });
});

describe.each(testDatabases())('live sessions on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    async function lessonIn(courseId: string, teacher: Awaited<ReturnType<typeof signUp>>, title = 'Photosynthesis') {
      const res = await teacher.post(`/api/courses/${courseId}/lessons`, { title });
      expect(res.status).toBe(201);
      return res.body.lesson.id as string;
    }

    it('schedules a session in the teacher\'s zone, recognises the link, and shows it on the lesson and the course', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      await teacher.patch('/api/me', { timeZone: 'Europe/Paris' });
      const lessonId = await lessonIn(course.id, teacher);
      const res = await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: '2026-12-02T08:00:00Z', durationMinutes: 90, location: 'Room B12', videoUrl: 'https://meet.jit.si/tandem-bio' });
      expect(res.status).toBe(200);
      expect(res.body.live).toMatchObject({
        startsAt: '2026-12-02T08:00:00.000Z',
        endsAt: '2026-12-02T09:30:00.000Z',
        durationMinutes: 90,
        timeZone: 'Europe/Paris',
        location: 'Room B12',
        provider: 'jitsi',
        embedUrl: 'https://meet.jit.si/tandem-bio',
        status: 'scheduled',
        sequence: 0,
        roomOpensAt: '2026-12-02T07:50:00.000Z',
      });
      const changed = await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: '2026-12-02T09:00:00Z', durationMinutes: 60, videoUrl: 'https://zoom.us/j/999' });
      expect(changed.body.live).toMatchObject({ sequence: 1, provider: 'zoom', embedUrl: null, location: 'Room B12' });
      expect((await students[0]!.get(`/api/lessons/${lessonId}/live`)).body.live).toMatchObject({ id: res.body.live.id, sequence: 1 });
      expect((await (await signUp(ctx.app, 'Nosy')).get(`/api/lessons/${lessonId}/live`)).status).toBe(404);
      const lesson = await students[0]!.get(`/api/lessons/${lessonId}`);
      expect(lesson.body.lesson.live).toMatchObject({ id: res.body.live.id, startsAt: '2026-12-02T09:00:00.000Z', provider: 'zoom' });
      const detail = await students[0]!.get(`/api/courses/${course.id}`);
      expect(detail.body.course.lessons[0].liveStartsAt).toBe('2026-12-02T09:00:00.000Z');
    });

    it('accepts `live` when a lesson is created, and cancels (keeping the session) with DELETE or POST …/cancel', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const created = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Cells', live: { startsAt: '2026-12-03T14:00:00Z', durationMinutes: 45, videoUrl: 'https://meet.google.com/abc-defg-hij' } });
      expect(created.status).toBe(201);
      expect(created.body.lesson.live).toMatchObject({ startsAt: '2026-12-03T14:00:00.000Z', provider: 'meet', status: 'scheduled' });
      const lessonId = created.body.lesson.id;
      const cancelled = await teacher.delete(`/api/lessons/${lessonId}/live`);
      expect(cancelled.body.live).toMatchObject({ status: 'cancelled', sequence: 1 });
      expect((await teacher.post(`/api/lessons/${lessonId}/live/cancel`)).body.live.sequence).toBe(1);
      expect((await teacher.get(`/api/courses/${course.id}`)).body.course.lessons[0].liveStartsAt).toBeNull();
      const again = await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: '2026-12-04T14:00:00Z', durationMinutes: 45 });
      expect(again.body.live).toMatchObject({ status: 'scheduled', sequence: 2 });
    });

    it('guards scheduling: 404 for outsiders, 403 for students, 400 for bad input, and nothing changes', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lessonId = await lessonIn(course.id, teacher);
      const outsider = await signUp(ctx.app, 'Outsider');
      const body = { startsAt: '2026-12-02T08:00:00Z', durationMinutes: 60 };
      expect((await outsider.put(`/api/lessons/${lessonId}/live`, body)).status).toBe(404);
      expect((await students[0]!.put(`/api/lessons/${lessonId}/live`, body)).status).toBe(403);
      const bad = await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: 'tomorrow', durationMinutes: 2, videoUrl: 'javascript:alert(1)', timeZone: 'Mars/Olympus' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.durationMinutes', 'body.startsAt', 'body.timeZone', 'body.videoUrl']);
      expect((await teacher.delete(`/api/lessons/${lessonId}/live`)).status).toBe(404);
      const count = await ctx.database.db.selectFrom('live_sessions').select((eb) => eb.fn.countAll().as('n')).where('lesson_id', '=', lessonId).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('shows the start in each student time zone, with counts (09:00 Paris is 03:00 in Montreal)', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      for (const [name, zone] of [['Amara', 'America/Montreal'], ['Bo', 'America/Montreal'], ['Chen', 'Asia/Tokyo'], ['Dee', 'Europe/Paris']] as const) {
        const s = await signUp(ctx.app, name, { timeZone: zone });
        await s.post('/api/courses/join', { code: course.joinCode });
      }
      const lessonId = await lessonIn(course.id, teacher);
      await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: '2026-12-02T08:00:00Z', durationMinutes: 60, timeZone: 'Europe/Paris' });
      const res = await teacher.get(`/api/lessons/${lessonId}/live/zones`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ teacherTimeZone: 'Europe/Paris' });
      expect(res.body.zones).toEqual([
        { timeZone: 'America/Montreal', students: 2, localStart: '2026-12-02T03:00', utcOffset: '-05:00', dayShift: 0 },
        { timeZone: 'Europe/Paris', students: 1, localStart: '2026-12-02T09:00', utcOffset: '+01:00', dayShift: 0 },
        { timeZone: 'Asia/Tokyo', students: 1, localStart: '2026-12-02T17:00', utcOffset: '+09:00', dayShift: 0 },
      ]);
      const late = await teacher.put(`/api/lessons/${lessonId}/live`, { startsAt: '2026-12-02T17:30:00Z', durationMinutes: 60 });
      expect(late.status).toBe(200);
      const shifted = (await teacher.get(`/api/lessons/${lessonId}/live/zones`)).body.zones;
      expect(shifted.find((z: { timeZone: string }) => z.timeZone === 'Asia/Tokyo')).toMatchObject({ localStart: '2026-12-03T02:30', dayShift: 1 });
    });

    it('creates a weekly series that keeps the local time across daylight saving, for new or existing lessons', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const res = await teacher.post(`/api/courses/${course.id}/live-series`, {
        firstStartsAt: '2026-10-14T07:00:00Z', timeZone: 'Europe/Paris', durationMinutes: 60, count: 4, title: 'Week', videoUrl: 'https://meet.jit.si/bio-weekly',
      });
      expect(res.status).toBe(201);
      const sessions = res.body.sessions as { startsAt: string; seriesId: string; lessonId: string }[];
      expect(sessions.map((s) => s.startsAt)).toEqual(['2026-10-14T07:00:00.000Z', '2026-10-21T07:00:00.000Z', '2026-10-28T08:00:00.000Z', '2026-11-04T08:00:00.000Z']);
      expect(new Set(sessions.map((s) => s.seriesId))).toEqual(new Set([res.body.seriesId]));
      const detail = await teacher.get(`/api/courses/${course.id}`);
      expect(detail.body.course.lessons.map((l: { title: string }) => l.title)).toEqual(['Week 1', 'Week 2', 'Week 3', 'Week 4']);

      const existing = [await lessonIn(course.id, teacher, 'A'), await lessonIn(course.id, teacher, 'B')];
      const onExisting = await teacher.post(`/api/courses/${course.id}/live-series`, { firstStartsAt: '2027-03-22T08:00:00Z', timeZone: 'Europe/Paris', durationMinutes: 50, lessonIds: existing });
      expect(onExisting.body.sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);

      const other = await courseWithClass(ctx.app, 0);
      const foreign = await lessonIn(other.course.id, other.teacher);
      const refused = await teacher.post(`/api/courses/${course.id}/live-series`, { firstStartsAt: '2027-03-22T08:00:00Z', durationMinutes: 50, lessonIds: [foreign] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('unknown_lessons');
      expect((await teacher.post(`/api/courses/${course.id}/live-series`, { firstStartsAt: '2027-03-22T08:00:00Z', durationMinutes: 50 })).status).toBe(400);
      expect(await ctx.database.db.selectFrom('live_sessions').select('id').where('lesson_id', '=', foreign).executeTakeFirst()).toBeUndefined();
    });
  });
});
