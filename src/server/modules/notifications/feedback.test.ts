import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestContext } from '../../testing/test-app.ts';

/** Decodes RFC 2047 encoded words (=?UTF-8?B|Q?...?=) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/\r?\n\s+/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(decodeQ(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
  );
}
const decodeQ = (text: string) => text.replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
/** The decoded text part of a simple single-part message. */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(decodeQ(body.replace(/=\r?\n/g, '')), 'latin1').toString('utf8');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}
const header = (raw: string, name: string) => decodeHeader(new RegExp(`^${name}: (.*(?:\\r?\\n\\s+.*)*)`, 'mi').exec(raw)?.[1] ?? '');

describe.each(testDatabases())('feedback, notifications and email on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    describe('without SMTP: the outbox', () => {
      let ctx: TestContext;
      beforeAll(async () => {
        ctx = await createTestApp(dialect);
      });
      afterAll(async () => ctx?.close());

      it('notifies the student in the app (their language) and keeps the email in the outbox', async () => {
        const { teacher, course } = await courseWithClass(ctx.app, 0);
        const student = await signUp(ctx.app, 'Elodie', { locale: 'fr', name: 'Élodie' });
        await student.post('/api/courses/join', { code: course.joinCode });
        const lesson = await createLesson(teacher, course.id);
        const reflection = await createActivity(teacher, lesson.id, { type: 'reflection', title: 'Journal', content: { prompt: 'Qu’avez-vous appris ?' } });
        const saved = await student.post(`/api/activities/${reflection.id}/submit`, { text: 'La lumière nourrit la plante' });
        const responseId = saved.body.response.id;

        expect((await student.put(`/api/responses/${responseId}/feedback`, { text: 'Self-praise' })).status).toBe(403);
        expect((await teacher.put(`/api/responses/${responseId}/feedback`, { text: '   ' })).status).toBe(400);
        const given = await teacher.put(`/api/responses/${responseId}/feedback`, { text: 'Très bien, précise le rôle de la chlorophylle.' });
        expect(given.status).toBe(200);
        expect(given.body.response).toMatchObject({ feedback: 'Très bien, précise le rôle de la chlorophylle.', status: 'done' });
        await ctx.app.services.mailer.idle();

        const mine = await student.get(`/api/activities/${reflection.id}/response`);
        expect(mine.body.response.feedback).toBe('Très bien, précise le rôle de la chlorophylle.');
        const list = await student.get('/api/me/notifications');
        expect(list.body.unreadCount).toBe(1);
        expect(list.body.notifications[0]).toMatchObject({ kind: 'feedback', title: 'Retour sur « Journal »', read: false, link: `/activities/${reflection.id}` });
        expect((await teacher.get('/api/me/notifications')).body.notifications).toEqual([]);

        const outbox = await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', student.user!.email).execute();
        expect(outbox).toHaveLength(1);
        expect(outbox[0]!.subject).toBe('Retour sur « Journal »');
        expect(outbox[0]!.text).toContain('Bonjour Élodie');
        expect(outbox[0]!.text).toContain('Très bien, précise le rôle de la chlorophylle.');

        const id = list.body.notifications[0].id;
        expect((await teacher.post(`/api/me/notifications/${id}/read`)).status).toBe(404);
        expect((await student.post(`/api/me/notifications/${id}/read`)).status).toBe(200);
        expect((await student.get('/api/me/notifications')).body).toMatchObject({ unreadCount: 0, notifications: [{ read: true }] });
        await teacher.put(`/api/responses/${responseId}/feedback`, { text: 'Encore un point.' });
        expect((await student.get('/api/me/notifications')).body.unreadCount).toBe(1);
        await student.post('/api/me/notifications/read-all');
        expect((await student.get('/api/me/notifications')).body.unreadCount).toBe(0);
      });
    });

    describe('with SMTP: a real in-process server receives the message', () => {
      let ctx: TestContext;
      let server: SMTPServer;
      const received: { to: string[]; raw: string }[] = [];
      beforeAll(async () => {
        server = new SMTPServer({
          authOptional: true,
          disabledCommands: ['STARTTLS', 'AUTH'],
          logger: false,
          onData(stream, session, callback) {
            const parts: Buffer[] = [];
            stream.on('data', (c: Buffer) => parts.push(c));
            stream.on('end', () => {
              received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(parts).toString('utf8') });
              callback();
            });
          },
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.server.address() as AddressInfo;
        ctx = await createTestApp(dialect, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Tandem <no-reply@tandem.test>', publicUrl: 'https://tandem.example.org' });
      });
      afterAll(async () => {
        await ctx?.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });

      it('delivers the feedback email in the student’s language through SMTP', async () => {
        const { teacher, course, students } = await courseWithClass(ctx.app, 1);
        const student = students[0]!;
        const lesson = await createLesson(teacher, course.id);
        const reflection = await createActivity(teacher, lesson.id, { type: 'reflection', title: 'Lab notes', content: { prompt: 'Describe it' } });
        const saved = await student.put(`/api/activities/${reflection.id}/response`, { text: 'Bubbles of oxygen' });
        expect((await teacher.put(`/api/responses/${saved.body.response.id}/feedback`, { text: 'Good observation — measure the rate next.' })).status).toBe(200);
        await ctx.app.services.mailer.idle();

        expect(received).toHaveLength(1);
        const message = received[0]!;
        expect(message.to).toEqual([student.user!.email]);
        expect(header(message.raw, 'Subject')).toBe('Feedback on “Lab notes”');
        expect(header(message.raw, 'From')).toContain('no-reply@tandem.test');
        const text = bodyOf(message.raw);
        expect(text).toContain('Good observation — measure the rate next.');
        expect(text).toContain(`https://tandem.example.org/activities/${reflection.id}`);
        expect(text).toMatch(/^Hello Student 1,/m);
        expect(await ctx.database.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
      });
    });
  });
});
