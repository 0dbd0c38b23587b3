import crypto from 'node:crypto';
import { hashToken } from '../modules/auth/auth.service.ts';
import type { TandemApp } from '../app.ts';
import { ORIGIN, signUp, TestClient } from '../testing/test-app.ts';

/**
 * The fixture world of the security tests: two courses, every role, and in course A a lesson
 * with a live session about to start, one activity of every type, responses, feedback, scores,
 * questions, posts, an upload, notifications, an ended session with its summary. Every path
 * parameter of the API resolves to one of its ids.
 */

export const ROLES = ['anonymous', 'noCourse', 'otherStudent', 'student', 'otherTeacher', 'teacher', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

export const PASSWORD = 'correct horse battery';

/** Distinctive values that must never reach a student (they are scanned for in every student-visible body). */
export const SECRETS = {
  textAnswer: 'XYZZY-TEXT-ANSWER',
  numericAnswer: 424242.125,
  classmateReflection: 'CLASSMATE-PRIVATE-REFLECTION',
  classmateFeedback: 'CLASSMATE-PRIVATE-FEEDBACK',
  classmateScore: 6.125,
  classmateMaxScore: 9.875,
} as const;

/** The smallest PNG the upload checks accept (the magic bytes and a few more). */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);

export type RawResponse = { status: number; body: any; text: string; headers: Record<string, string | string[] | number | undefined> };

/** One HTTP call with a fixed cookie (never updated from Set-Cookie, so a role keeps its identity). */
export async function call(
  app: TandemApp,
  cookie: string | undefined,
  method: string,
  url: string,
  payload?: { json?: unknown; raw?: string | Buffer; contentType?: string; headers?: Record<string, string> },
): Promise<RawResponse> {
  const headers: Record<string, string> = { host: 'localhost:80', ...(method !== 'GET' && method !== 'HEAD' ? { origin: ORIGIN } : {}), ...(cookie ? { cookie } : {}) };
  if (payload?.contentType) headers['content-type'] = payload.contentType;
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: { ...headers, ...payload?.headers },
    ...(payload?.json !== undefined ? { payload: payload.json as object } : payload?.raw !== undefined ? { payload: payload.raw } : {}),
  });
  let body: unknown = response.body;
  try {
    body = JSON.parse(response.body);
  } catch {
    // not JSON (CSV, ICS, files)
  }
  return { status: response.statusCode, body, text: response.body, headers: response.headers };
}

async function ok<T = any>(promise: Promise<{ status: number; body: any }>, expected: number, what: string): Promise<T> {
  const res = await promise;
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function buildWorld(app: TandemApp) {
  const users = {
    teacher: await signUp(app, 'Teacher'),
    student: await signUp(app, 'Student'),
    classmate: await signUp(app, 'Classmate'),
    otherTeacher: await signUp(app, 'Other Teacher'),
    otherStudent: await signUp(app, 'Other Student'),
    noCourse: await signUp(app, 'Nobody'),
    admin: await signUp(app, 'Admin'),
    coTeacherCandidate: await signUp(app, 'Candidate'),
  };
  await app.services.privacy.setAdmin(users.admin.user!.email, true);
  const { teacher, student, classmate, otherTeacher, otherStudent } = users;

  const course = (await ok(teacher.post('/api/courses', { title: 'Biology' }), 201, 'course')).course as { id: string; joinCode: string };
  const otherCourse = (await ok(otherTeacher.post('/api/courses', { title: 'History' }), 201, 'other course')).course as { id: string; joinCode: string };
  // A course anyone may join in the matrix (joining it changes nothing else).
  const joinable = (await ok(otherTeacher.post('/api/courses', { title: 'Open door' }), 201, 'joinable')).course as { id: string; joinCode: string };
  for (const s of [student, classmate]) await ok(s.post('/api/courses/join', { code: course.joinCode }), 200, 'join');
  await ok(otherStudent.post('/api/courses/join', { code: otherCourse.joinCode }), 200, 'join other');

  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const live = { startsAt, durationMinutes: 60, location: 'Room 12', videoUrl: 'https://meet.jit.si/tandem-biology' };
  const lesson = (await ok(teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Photosynthesis', live }), 201, 'lesson')).lesson as { id: string };
  const scratch = (await ok(teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Scratch' }), 201, 'scratch')).lesson as { id: string };
  const otherLesson = (await ok(otherTeacher.post(`/api/courses/${otherCourse.id}/lessons`, { title: 'Rome', live: { startsAt, durationMinutes: 45 } }), 201, 'other lesson')).lesson as { id: string };

  const add = async (lessonId: string, body: Record<string, unknown>) =>
    (await ok(teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'pre', title: `A ${String(body.type)}`, ...body }), 201, `activity ${String(body.type)}`)).activity.id as string;
  const a = {
    page: await add(lesson.id, { type: 'page', content: { markdown: '# Light\n\nPlants ==eat== light.\n\n- [ ] read' } }),
    video: await add(lesson.id, { type: 'video', content: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', durationSeconds: 120 } }),
    quiz: await add(lesson.id, {
      type: 'quiz',
      content: {
        attemptsAllowed: 3,
        items: [
          { id: 'q1', prompt: 'Pick one', kind: 'single', choices: ['red', 'green'], answer: 1 },
          { id: 'q2', prompt: 'Pick two', kind: 'multiple', choices: ['a', 'b', 'c'], answer: [0, 2] },
          { id: 'q3', prompt: 'Say it', kind: 'text', answer: [SECRETS.textAnswer] },
          { id: 'q4', prompt: 'Number', kind: 'numeric', answer: { value: SECRETS.numericAnswer, tolerance: 0 } },
        ],
      },
    }),
    poll: await add(lesson.id, { type: 'poll', content: { question: 'Ready?', choices: ['Yes', 'No'] } }),
    questionBox: await add(lesson.id, { type: 'question_box', content: { prompt: 'Bring a question' } }),
    reflection: await add(lesson.id, { type: 'reflection', content: { prompt: 'What did you learn?' } }),
    discussion: await add(lesson.id, { type: 'discussion', content: { prompt: 'Discuss' } }),
    checklist: await add(lesson.id, { type: 'checklist', content: { items: ['one', 'two'] } }),
    link: await add(lesson.id, { type: 'link', content: { url: 'https://example.org/tool' } }),
    livePoll: await add(lesson.id, { phase: 'live', type: 'poll', content: { question: 'Live?', choices: ['Yes', 'No', 'Maybe'] } }),
    liveQuiz: await add(lesson.id, { phase: 'live', type: 'quiz', content: { items: [{ prompt: 'Live pick', kind: 'single', choices: ['x', 'y', 'z'], answer: 2 }] } }),
    post: await add(lesson.id, { phase: 'post', type: 'reflection', content: { prompt: 'Afterwards' } }),
  };

  // The student's and the classmate's work, feedback and scores.
  const mine = await ok(student.post(`/api/activities/${a.reflection}/submit`, { text: 'My own reflection' }), 200, 'submit');
  const theirs = await ok(classmate.post(`/api/activities/${a.reflection}/submit`, { text: SECRETS.classmateReflection }), 200, 'submit classmate');
  await ok(classmate.post(`/api/activities/${a.quiz}/submit`, { answers: [1, [0, 2], SECRETS.textAnswer, SECRETS.numericAnswer] }), 200, 'classmate quiz');
  await ok(teacher.put(`/api/responses/${mine.response.id}/feedback`, { text: 'Good start' }), 200, 'feedback');
  await ok(
    teacher.put(`/api/responses/${theirs.response.id}/feedback`, { text: SECRETS.classmateFeedback, score: SECRETS.classmateScore, maxScore: SECRETS.classmateMaxScore }),
    200,
    'feedback classmate',
  );
  const question = (await ok(student.post(`/api/activities/${a.questionBox}/questions`, { text: 'Why green?' }), 201, 'question')).question.id as string;
  await ok(classmate.post(`/api/activities/${a.questionBox}/questions`, { text: 'A classmate asks' }), 201, 'classmate question');
  const post = (await ok(student.post(`/api/activities/${a.discussion}/posts`, { body: 'My post' }), 201, 'post')).post.id as string;
  await ok(classmate.post(`/api/activities/${a.discussion}/posts`, { body: 'A classmate replies', parentId: post }), 201, 'reply');
  const upload = (await ok(call(app, teacher.cookie, 'POST', `/api/courses/${course.id}/uploads?name=leaf.png`, { raw: PNG, contentType: 'image/png' }), 201, 'upload')).upload as {
    id: string;
    fileName: string;
  };
  await app.services.mailer.idle();
  const notification = (await ok(student.get('/api/me/notifications'), 200, 'notifications')).notifications[0].id as string;
  const calendar = {
    student: (await ok(student.get('/api/me/calendar'), 200, 'calendar')).url as string,
    otherStudent: (await ok(otherStudent.get('/api/me/calendar'), 200, 'calendar')).url as string,
    teacher: (await ok(teacher.get('/api/me/calendar'), 200, 'calendar')).url as string,
  };

  // A lesson whose session ran and ended: it has a summary.
  const endedLesson = (await ok(teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Last week', live: { startsAt, durationMinutes: 30 } }), 201, 'ended lesson')).lesson as { id: string };
  const room = { lessonId: endedLesson.id, courseId: course.id };
  const actor = { userId: teacher.user!.id, name: teacher.user!.name, role: 'teacher' as const };
  await app.services.liveRooms.join(room, actor, 'world-socket', undefined);
  await app.services.liveRooms.command(room, actor, { type: 'session.end' });
  await app.services.jobRunner.runDue();

  const tokenOf = (url: string) => /\/api\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
  return {
    app,
    users,
    course,
    otherCourse,
    joinable,
    lesson,
    scratch,
    otherLesson,
    endedLesson,
    startsAt,
    activities: a,
    responses: { mine: mine.response.id as string, classmate: theirs.response.id as string },
    question,
    post,
    upload,
    notification,
    calendar,
    calendarToken: tokenOf(calendar.student),
    tokenOf,
    /** The session cookie a role calls with (undefined: anonymous). */
    cookieOf(role: RoleName): string | undefined {
      return role === 'anonymous' ? undefined : users[role].cookie;
    },
    /** Signs the role in again if a call (logout, password change) ended its session. */
    async heal(role: RoleName): Promise<void> {
      if (role === 'anonymous') return;
      const client = users[role];
      if ((await call(app, client.cookie, 'GET', '/api/me')).status === 200) return;
      const fresh = new TestClient(app);
      await ok(fresh.post('/api/auth/login', { email: client.user!.email, password: PASSWORD }), 200, `re-login ${role}`);
      client.cookie = fresh.cookie;
    },
    // ---- fresh targets for calls that destroy what they touch ----
    async freshLesson(): Promise<string> {
      return (await ok(teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Disposable' }), 201, 'fresh lesson')).lesson.id;
    },
    async freshLiveLesson(): Promise<string> {
      return (await ok(teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Disposable live', live: { startsAt, durationMinutes: 30 } }), 201, 'fresh live lesson')).lesson.id;
    },
    async freshActivity(): Promise<string> {
      return add(scratch.id, { type: 'page', content: { markdown: 'disposable' } });
    },
    async freshQuestion(): Promise<string> {
      return (await ok(classmate.post(`/api/activities/${a.questionBox}/questions`, { text: 'Disposable question' }), 201, 'fresh question')).question.id;
    },
    async freshPost(): Promise<string> {
      return (await ok(classmate.post(`/api/activities/${a.discussion}/posts`, { body: 'Disposable post' }), 201, 'fresh post')).post.id;
    },
    async freshUpload(): Promise<string> {
      return (await ok(call(app, teacher.cookie, 'POST', `/api/courses/${course.id}/uploads?name=tmp.png`, { raw: PNG, contentType: 'image/png' }), 201, 'fresh upload')).upload.id;
    },
    /** A student of course A only (so its teacher may delete the account). */
    async freshStudent(): Promise<string> {
      const s = await signUp(app, 'Disposable Student');
      const code = (await ok(teacher.get(`/api/courses/${course.id}`), 200, 'course')).course.joinCode as string;
      await ok(s.post('/api/courses/join', { code }), 200, 'fresh join');
      return s.user!.id;
    },
    /** A reset token for a throwaway account, written as the service would. */
    async freshResetToken(): Promise<string> {
      const s = await signUp(app, 'Reset Me');
      const token = crypto.randomBytes(32).toString('base64url');
      const now = new Date();
      await app.services.database.db
        .insertInto('password_resets')
        .values({ id: hashToken(token), user_id: s.user!.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + 3_600_000).toISOString(), used_at: null })
        .execute();
      return token;
    },
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
