import type { RoleName, World } from './world.ts';
import { PNG } from './world.ts';

/**
 * Who may call what: one row per route of the OpenAPI document, with the exact status each role
 * gets. The authorization matrix test calls every row as every role; the bad-input test uses
 * the same rows to know how to reach each route with a valid body.
 *
 * Roles: anonymous, a user of no course, a student of another course, the course's student, a
 * teacher of another course, the course's teacher, and an administrator (of no course).
 */

export type Call = { url: string; json?: unknown; raw?: string | Buffer; contentType?: string };
export type Expectation = Record<RoleName, number>;
export type Row = {
  /** "METHOD /path/{param}" exactly as in the OpenAPI document. */
  route: string;
  /** Builds one call (may create a fresh target: a call that deletes must not change the next one's world). */
  request: (w: World, role: RoleName) => Call | Promise<Call>;
  expect: Expectation;
  /** The call may end the caller's session (logout, password change): sign them in again after. */
  endsSession?: boolean;
};

const E = (anonymous: number, noCourse: number, otherStudent: number, student: number, otherTeacher: number, teacher: number, admin: number): Expectation => ({
  anonymous,
  noCourse,
  otherStudent,
  student,
  otherTeacher,
  teacher,
  admin,
});
/** Members of the course (teachers and students); outsiders get 404 (they may not know it exists). */
const member = (ok = 200) => E(401, 404, 404, ok, 404, ok, 404);
/** The course's teachers; its students get 403, outsiders 404. */
const teacherOnly = (ok = 200) => E(401, 404, 404, 403, 404, ok, 404);
/** The course's students (their own work); its teachers get 403. */
const studentOnly = (ok = 200) => E(401, 404, 404, ok, 404, 403, 404);
/** Anyone signed in, about themselves. */
const signedIn = (ok = 200) => E(401, ok, ok, ok, ok, ok, ok);
const anyone = (ok = 200) => E(ok, ok, ok, ok, ok, ok, ok);

let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique += 1)}`;

/** The current layout of a lesson, as PUT …/activities/order wants it (every id once). */
async function layout(w: World, lessonId: string) {
  const rows = await w.app.services.database.db.selectFrom('activities').select(['id', 'phase']).where('lesson_id', '=', lessonId).orderBy('position').execute();
  const of = (phase: string) => rows.filter((r) => r.phase === phase).map((r) => r.id);
  return { pre: of('pre'), live: of('live'), post: of('post') };
}

export const MATRIX: Row[] = [
  // ---------------------------------------------------------------- health and accounts
  { route: 'GET /api/health', request: () => ({ url: '/api/health' }), expect: anyone(200) },
  { route: 'POST /api/auth/signup', request: () => ({ url: '/api/auth/signup', json: { email: `new.${next()}@example.org`, password: 'a long enough secret', name: 'New' } }), expect: anyone(201) },
  {
    route: 'POST /api/auth/login',
    request: (w) => ({ url: '/api/auth/login', json: { email: w.users.coTeacherCandidate.user!.email, password: 'correct horse battery' } }),
    expect: anyone(200),
  },
  { route: 'POST /api/auth/logout', request: () => ({ url: '/api/auth/logout' }), expect: anyone(200), endsSession: true },
  {
    route: 'POST /api/auth/password',
    request: () => ({ url: '/api/auth/password', json: { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' } }),
    expect: signedIn(200),
    endsSession: true,
  },
  { route: 'POST /api/auth/logout-everywhere', request: () => ({ url: '/api/auth/logout-everywhere' }), expect: signedIn(200), endsSession: true },
  { route: 'POST /api/auth/password-reset', request: () => ({ url: '/api/auth/password-reset', json: { email: `someone.${next()}@example.org` } }), expect: anyone(202) },
  { route: 'POST /api/auth/password-reset/confirm', request: async (w) => ({ url: '/api/auth/password-reset/confirm', json: { token: await w.freshResetToken(), newPassword: 'a new long passphrase' } }), expect: anyone(200) },
  { route: 'GET /api/me', request: () => ({ url: '/api/me' }), expect: signedIn(200) },
  { route: 'PATCH /api/me', request: () => ({ url: '/api/me', json: { locale: 'en' } }), expect: signedIn(200) },
  { route: 'GET /api/me/export', request: () => ({ url: '/api/me/export' }), expect: signedIn(200) },
  // Admins delete any account; a teacher a student whose only course is theirs; nobody else knows the account.
  { route: 'DELETE /api/users/{userId}', request: async (w) => ({ url: `/api/users/${await w.freshStudent()}` }), expect: E(401, 404, 404, 404, 404, 200, 200) },
  { route: 'GET /api/audit', request: () => ({ url: '/api/audit' }), expect: E(401, 403, 403, 403, 403, 403, 200) },

  // ---------------------------------------------------------------- courses
  { route: 'GET /api/courses', request: () => ({ url: '/api/courses' }), expect: signedIn(200) },
  { route: 'POST /api/courses', request: () => ({ url: '/api/courses', json: { title: 'Another course' } }), expect: signedIn(201) },
  { route: 'POST /api/courses/join', request: (w) => ({ url: '/api/courses/join', json: { code: w.joinable.joinCode } }), expect: signedIn(200) },
  { route: 'GET /api/courses/{courseId}', request: (w) => ({ url: `/api/courses/${w.course.id}` }), expect: member() },
  { route: 'PATCH /api/courses/{courseId}', request: (w) => ({ url: `/api/courses/${w.course.id}`, json: { description: 'Plants and light' } }), expect: teacherOnly() },
  { route: 'POST /api/courses/{courseId}/join-code', request: (w) => ({ url: `/api/courses/${w.course.id}/join-code` }), expect: teacherOnly() },
  { route: 'GET /api/courses/{courseId}/roster', request: (w) => ({ url: `/api/courses/${w.course.id}/roster` }), expect: teacherOnly() },
  { route: 'POST /api/courses/{courseId}/teachers', request: (w) => ({ url: `/api/courses/${w.course.id}/teachers`, json: { email: w.users.coTeacherCandidate.user!.email } }), expect: teacherOnly() },
  { route: 'DELETE /api/courses/{courseId}/members/{userId}', request: async (w) => ({ url: `/api/courses/${w.course.id}/members/${await w.freshStudent()}` }), expect: teacherOnly() },
  { route: 'GET /api/courses/{courseId}/audit', request: (w) => ({ url: `/api/courses/${w.course.id}/audit` }), expect: E(401, 404, 404, 403, 404, 200, 200) },
  { route: 'GET /api/courses/{courseId}/uploads', request: (w) => ({ url: `/api/courses/${w.course.id}/uploads` }), expect: member() },
  { route: 'POST /api/courses/{courseId}/uploads', request: (w) => ({ url: `/api/courses/${w.course.id}/uploads?name=leaf-${next()}.png`, raw: PNG, contentType: 'image/png' }), expect: teacherOnly(201) },
  { route: 'GET /api/courses/{courseId}/progress', request: (w) => ({ url: `/api/courses/${w.course.id}/progress` }), expect: teacherOnly() },
  { route: 'GET /api/courses/{courseId}/progress.csv', request: (w) => ({ url: `/api/courses/${w.course.id}/progress.csv` }), expect: teacherOnly() },
  {
    route: 'POST /api/courses/{courseId}/live-series',
    request: (w) => ({ url: `/api/courses/${w.course.id}/live-series`, json: { firstStartsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 50, count: 1, title: 'Seminar' } }),
    expect: teacherOnly(201),
  },
  { route: 'POST /api/courses/{courseId}/lessons/from-template', request: (w) => ({ url: `/api/courses/${w.course.id}/lessons/from-template`, json: { template: 'flipped' } }), expect: teacherOnly(201) },
  { route: 'POST /api/courses/{courseId}/import', request: (w) => ({ url: `/api/courses/${w.course.id}/import?name=notes.md`, raw: '# Imported\n\nSome notes.', contentType: 'text/markdown' }), expect: teacherOnly(201) },

  // ---------------------------------------------------------------- lessons
  { route: 'POST /api/courses/{courseId}/lessons', request: (w) => ({ url: `/api/courses/${w.course.id}/lessons`, json: { title: 'New lesson' } }), expect: teacherOnly(201) },
  {
    route: 'PUT /api/courses/{courseId}/lessons/order',
    request: async (w) => {
      const rows = await w.app.services.database.db.selectFrom('lessons').select('id').where('course_id', '=', w.course.id).orderBy('position').execute();
      return { url: `/api/courses/${w.course.id}/lessons/order`, json: { lessonIds: rows.map((r) => r.id) } };
    },
    expect: teacherOnly(),
  },
  { route: 'GET /api/lessons/{lessonId}', request: (w) => ({ url: `/api/lessons/${w.lesson.id}` }), expect: member() },
  { route: 'PATCH /api/lessons/{lessonId}', request: (w) => ({ url: `/api/lessons/${w.scratch.id}`, json: { title: 'Scratch' } }), expect: teacherOnly() },
  { route: 'DELETE /api/lessons/{lessonId}', request: async (w) => ({ url: `/api/lessons/${await w.freshLesson()}` }), expect: teacherOnly() },
  { route: 'PUT /api/lessons/{lessonId}/activities/order', request: async (w) => ({ url: `/api/lessons/${w.lesson.id}/activities/order`, json: await layout(w, w.lesson.id) }), expect: teacherOnly() },
  {
    route: 'POST /api/lessons/{lessonId}/activities',
    request: (w) => ({ url: `/api/lessons/${w.scratch.id}/activities`, json: { phase: 'pre', type: 'page', title: 'More', content: { markdown: 'more' } } }),
    expect: teacherOnly(201),
  },
  { route: 'GET /api/lessons/{lessonId}/live', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/live` }), expect: member() },
  { route: 'PUT /api/lessons/{lessonId}/live', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/live`, json: { startsAt: w.startsAt, durationMinutes: 60 } }), expect: teacherOnly() },
  { route: 'DELETE /api/lessons/{lessonId}/live', request: async (w) => ({ url: `/api/lessons/${await w.freshLiveLesson()}/live` }), expect: teacherOnly() },
  { route: 'POST /api/lessons/{lessonId}/live/cancel', request: async (w) => ({ url: `/api/lessons/${await w.freshLiveLesson()}/live/cancel` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/live/zones', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/live/zones` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/live/attendance', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/live/attendance` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/live/summary', request: (w) => ({ url: `/api/lessons/${w.endedLesson.id}/live/summary` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/readiness', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/readiness` }), expect: teacherOnly() },
  { route: 'POST /api/lessons/{lessonId}/readiness/accept-suggestion', request: async (w) => ({ url: `/api/lessons/${w.lesson.id}/readiness/accept-suggestion` }), expect: teacherOnly(201) },
  { route: 'GET /api/lessons/{lessonId}/readiness/groups', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/readiness/groups` }), expect: teacherOnly() },
  {
    route: 'POST /api/lessons/{lessonId}/readiness/groups',
    request: (w) => ({ url: `/api/lessons/${w.lesson.id}/readiness/groups`, json: { groups: [{ name: 'A', userIds: [w.users.student.user!.id] }], task: 'Discuss' } }),
    expect: teacherOnly(),
  },
  { route: 'POST /api/lessons/{lessonId}/nudge', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/nudge` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/stuck', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/stuck` }), expect: studentOnly() },
  { route: 'POST /api/lessons/{lessonId}/stuck', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/stuck`, json: { note: 'lost' } }), expect: studentOnly() },
  { route: 'DELETE /api/lessons/{lessonId}/stuck', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/stuck` }), expect: studentOnly() },
  { route: 'GET /api/lessons/{lessonId}/guidance', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/guidance` }), expect: teacherOnly() },
  { route: 'POST /api/lessons/{lessonId}/guidance/fix', request: async (w) => ({ url: `/api/lessons/${await w.freshLiveLesson()}/guidance/fix`, json: { code: 'no_prework' } }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/report', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/report` }), expect: teacherOnly() },
  { route: 'GET /api/lessons/{lessonId}/report.csv', request: (w) => ({ url: `/api/lessons/${w.lesson.id}/report.csv` }), expect: teacherOnly() },
  { route: 'GET /api/lesson-templates', request: () => ({ url: '/api/lesson-templates' }), expect: signedIn() },

  // ---------------------------------------------------------------- activities and responses
  { route: 'GET /api/activities/{activityId}', request: (w) => ({ url: `/api/activities/${w.activities.quiz}` }), expect: member() },
  { route: 'PATCH /api/activities/{activityId}', request: (w) => ({ url: `/api/activities/${w.activities.page}`, json: { estimatedMinutes: 5 } }), expect: teacherOnly() },
  { route: 'DELETE /api/activities/{activityId}', request: async (w) => ({ url: `/api/activities/${await w.freshActivity()}` }), expect: teacherOnly() },
  { route: 'GET /api/activities/{activityId}/response', request: (w) => ({ url: `/api/activities/${w.activities.reflection}/response` }), expect: studentOnly() },
  { route: 'PUT /api/activities/{activityId}/response', request: (w) => ({ url: `/api/activities/${w.activities.checklist}/response`, json: { checked: [0] } }), expect: studentOnly() },
  { route: 'POST /api/activities/{activityId}/submit', request: (w) => ({ url: `/api/activities/${w.activities.link}/submit`, json: { done: true } }), expect: studentOnly() },
  { route: 'GET /api/activities/{activityId}/responses', request: (w) => ({ url: `/api/activities/${w.activities.reflection}/responses` }), expect: teacherOnly() },
  { route: 'PUT /api/responses/{responseId}/feedback', request: (w) => ({ url: `/api/responses/${w.responses.mine}/feedback`, json: { text: 'Keep going' } }), expect: teacherOnly() },
  { route: 'POST /api/activities/{activityId}/questions', request: (w) => ({ url: `/api/activities/${w.activities.questionBox}/questions`, json: { text: 'Another question' } }), expect: member(201) },
  { route: 'GET /api/activities/{activityId}/questions', request: (w) => ({ url: `/api/activities/${w.activities.questionBox}/questions` }), expect: member() },
  { route: 'POST /api/questions/{questionId}/vote', request: (w) => ({ url: `/api/questions/${w.question}/vote` }), expect: member() },
  { route: 'PATCH /api/questions/{questionId}', request: (w) => ({ url: `/api/questions/${w.question}`, json: { answered: false } }), expect: teacherOnly() },
  // The asker or a teacher; the fresh question is the classmate's, so the student gets 403.
  { route: 'DELETE /api/questions/{questionId}', request: async (w) => ({ url: `/api/questions/${await w.freshQuestion()}` }), expect: teacherOnly() },
  { route: 'POST /api/activities/{activityId}/posts', request: (w) => ({ url: `/api/activities/${w.activities.discussion}/posts`, json: { body: 'Another post' } }), expect: member(201) },
  { route: 'GET /api/activities/{activityId}/posts', request: (w) => ({ url: `/api/activities/${w.activities.discussion}/posts` }), expect: member() },
  // Only the author edits (the student wrote it; the teacher gets 403).
  { route: 'PATCH /api/posts/{postId}', request: (w) => ({ url: `/api/posts/${w.post}`, json: { body: 'My post, edited' } }), expect: studentOnly() },
  { route: 'DELETE /api/posts/{postId}', request: async (w) => ({ url: `/api/posts/${await w.freshPost()}` }), expect: teacherOnly() },
  { route: 'POST /api/posts/{postId}/hide', request: (w) => ({ url: `/api/posts/${w.post}/hide`, json: { hidden: false } }), expect: teacherOnly() },
  { route: 'GET /api/activities/{activityId}/targets', request: (w) => ({ url: `/api/activities/${w.activities.post}/targets` }), expect: teacherOnly() },
  {
    route: 'POST /api/activities/{activityId}/targets',
    request: (w) => ({ url: `/api/activities/${w.activities.post}/targets`, json: { rule: 'manual', userIds: [w.users.student.user!.id, w.users.classmate.user!.id] } }),
    expect: teacherOnly(),
  },
  { route: 'DELETE /api/activities/{activityId}/targets', request: (w) => ({ url: `/api/activities/${w.activities.post}/targets` }), expect: teacherOnly() },

  // ---------------------------------------------------------------- files, work, notifications, calendar
  { route: 'GET /api/uploads/{uploadId}/{fileName}', request: (w) => ({ url: `/api/uploads/${w.upload.id}/${w.upload.fileName}` }), expect: member() },
  { route: 'DELETE /api/uploads/{uploadId}', request: async (w) => ({ url: `/api/uploads/${await w.freshUpload()}` }), expect: teacherOnly() },
  { route: 'GET /api/me/work', request: () => ({ url: '/api/me/work' }), expect: signedIn() },
  { route: 'GET /api/me/notifications', request: () => ({ url: '/api/me/notifications' }), expect: signedIn() },
  { route: 'POST /api/me/notifications/read-all', request: () => ({ url: '/api/me/notifications/read-all' }), expect: signedIn() },
  // The student's own notification: everyone else, teacher included, gets 404.
  { route: 'POST /api/me/notifications/{notificationId}/read', request: (w) => ({ url: `/api/me/notifications/${w.notification}/read` }), expect: E(401, 404, 404, 200, 404, 404, 404) },
  { route: 'GET /api/me/calendar', request: () => ({ url: '/api/me/calendar' }), expect: signedIn() },
  { route: 'POST /api/me/calendar/reset', request: () => ({ url: '/api/me/calendar/reset' }), expect: signedIn() },
  // The token is the credential (calendar apps send no cookie): whoever holds it reads that feed.
  {
    route: 'GET /api/calendar/{token}.ics',
    request: async (w) => ({ url: `/api/calendar/${w.tokenOf((await w.users.student.get('/api/me/calendar')).body.url)}.ics` }),
    expect: anyone(200),
  },
];
