import type { AddressInfo } from 'node:net';
import type { TandemApp } from '../app.ts';
import { LiveTestClient } from '../realtime/live-test-client.ts';
import { ORIGIN, signUp, TestClient } from './test-app.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a tiny png')]);

/** Throws with the answer when a request does not get the status the scenario needs. */
async function expectStatus<T extends { status: number; body: any }>(what: string, status: number, response: Promise<T>): Promise<T> {
  const res = await response;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export type PopulatedInstance = Awaited<ReturnType<typeof populateInstance>>;

/**
 * Fills an instance the way a term of real use does, through the HTTP API and the live room:
 * accounts, a course with a co-teacher, lessons with every activity type, drafts and submissions,
 * graded quizzes, questions and votes, a discussion, feedback (notifications, emails, audit), an
 * upload, calendar feeds, readiness (stuck, nudge, planned groups), targeted post-work, a password
 * reset, and a live session run to its end (poll, questions, hands, groups, chat, attendance,
 * summary, catch-up). The app must listen (the live room needs a socket). Every table of the schema
 * should end up with rows: the data-move test checks that, so a new table gets added here.
 */
export async function populateInstance(app: TandemApp) {
  const tag = Math.random().toString(36).slice(2, 8);
  const person = (name: string, email: string, extra: Record<string, unknown> = {}) => signUp(app, name, { email: `${email}.${tag}@example.org`, ...extra });
  const teacher = await person('Teacher Tess', 'tess', { locale: 'fr', timeZone: 'Europe/Paris' });
  const coTeacher = await person('Co Teacher', 'co');
  const students = [await person('Zoë Éléonore', 'zoe', { locale: 'fr' }), await person('Ben', 'ben', { timeZone: 'America/Montreal' }), await person('Chloé', 'chloe'), await person('Absent Dev', 'dev')];
  const [zoe, ben, chloe, absent] = students as [TestClient, TestClient, TestClient, TestClient];

  const course = (await expectStatus('course', 201, teacher.post('/api/courses', { title: 'Biologie 101', description: 'Photosynthèse et respiration' }))).body.course as { id: string; joinCode: string };
  for (const s of students) await expectStatus('join', 200, s.post('/api/courses/join', { code: course.joinCode }));
  await expectStatus('co-teacher', 200, teacher.post(`/api/courses/${course.id}/teachers`, { email: coTeacher.user!.email }));

  // A lesson with a live session now, and one next week (its reminders are planned as jobs).
  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const lessonId = (await expectStatus('lesson', 201, teacher.post(`/api/courses/${course.id}/lessons`, { title: 'La photosynthèse', live: { startsAt, durationMinutes: 60, location: 'Salle 12', videoUrl: 'https://meet.jit.si/tandem-bio' } }))).body.lesson.id as string;
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const laterLessonId = (await expectStatus('later lesson', 201, teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Respiration', live: { startsAt: nextWeek, durationMinutes: 45 } }))).body.lesson.id as string;

  const add = async (body: object) => (await expectStatus(`activity ${JSON.stringify(body).slice(0, 60)}`, 201, teacher.post(`/api/lessons/${lessonId}/activities`, body))).body.activity.id as string;
  const a = {
    page: await add({ phase: 'pre', type: 'page', title: 'Lire', estimatedMinutes: 10, content: { markdown: '# Chlorophylle\n\n- [ ] lire\n- [ ] ==surligner==' } }),
    video: await add({ phase: 'pre', type: 'video', title: 'Regarder', content: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }),
    quiz: await add({ phase: 'pre', type: 'quiz', title: 'Quiz', content: { attemptsAllowed: 2, items: [{ prompt: '2+2?', kind: 'single', choices: ['3', '4'], answer: 1 }, { prompt: 'Gaz?', kind: 'multiple', choices: ['O2', 'CO2', 'N2'], answer: [0, 1] }, { prompt: 'Pigment?', kind: 'text', answer: ['chlorophylle'] }, { prompt: 'pH neutre?', kind: 'numeric', answer: { value: 7, tolerance: 0.5 } }] } }),
    box: await add({ phase: 'pre', type: 'question_box', title: 'Vos questions', content: { prompt: 'Qu’est-ce qui vous intrigue ?' } }),
    reflection: await add({ phase: 'pre', type: 'reflection', title: 'Réflexion', content: { prompt: 'Ce que je sais déjà' } }),
    checklist: await add({ phase: 'pre', type: 'checklist', title: 'Matériel', content: { items: ['Cahier', 'Crayon', 'Feuille'] } }),
    link: await add({ phase: 'pre', type: 'link', title: 'Simulateur', content: { url: 'https://phet.colorado.edu/', description: 'PhET' } }),
    livePoll: await add({ phase: 'live', type: 'poll', title: 'Météo', content: { question: 'Prêts ?', choices: ['Oui', 'Non', 'Presque'] } }),
    liveQuiz: await add({ phase: 'live', type: 'quiz', title: 'Ticket de sortie', content: { items: [{ prompt: 'Organite ?', kind: 'single', choices: ['Mitochondrie', 'Chloroplaste'], answer: 1 }] } }),
    discussion: await add({ phase: 'post', type: 'discussion', title: 'Discussion', content: { prompt: 'Et la nuit ?' } }),
    practice: await add({ phase: 'post', type: 'reflection', title: 'Pour les absents', content: { prompt: 'Résumé' } }),
  };

  // Pre-work, each student a little differently; Chloé is stuck.
  for (const [i, s] of [zoe, ben, chloe].entries()) {
    await expectStatus('page', 200, s.post(`/api/activities/${a.page}/submit`, { done: true }));
    await expectStatus('video', 200, s.put(`/api/activities/${a.video}/response`, { positionSeconds: 42 + i, durationSeconds: 212 }));
    await expectStatus('quiz', 200, s.post(`/api/activities/${a.quiz}/submit`, { answers: [1, i === 0 ? [0, 1] : [1], i === 2 ? 'chlorophylle' : 'carotène', 7 + i * 0.4], submissionId: `quiz-${i}-0001` }));
    await expectStatus('reflection', 200, s.put(`/api/activities/${a.reflection}/response`, { text: `Les plantes… (${i}) « guillemets » 🌱` }));
    await expectStatus('checklist', 200, s.put(`/api/activities/${a.checklist}/response`, { checked: [0, i % 3] }));
    await expectStatus('link', 200, s.post(`/api/activities/${a.link}/submit`, { done: true }));
  }
  await expectStatus('reflection submit', 200, zoe.post(`/api/activities/${a.reflection}/submit`, {}));
  await expectStatus('stuck', 200, chloe.post(`/api/lessons/${lessonId}/stuck`, { stuck: true, note: 'Je ne comprends pas le cycle de Calvin' }));

  // Questions brought to class, with votes.
  const q1 = (await expectStatus('question', 201, zoe.post(`/api/activities/${a.box}/questions`, { text: 'Pourquoi les feuilles sont-elles vertes ?' }))).body.question.id as string;
  await expectStatus('question 2', 201, ben.post(`/api/activities/${a.box}/questions`, { text: 'Les cactus font-ils la photosynthèse ?' }));
  for (const s of [ben, chloe]) await expectStatus('vote', 200, s.post(`/api/questions/${q1}/vote`));

  // A threaded discussion.
  const post = (await expectStatus('post', 201, ben.post(`/api/activities/${a.discussion}/posts`, { body: 'La nuit, elles respirent.' }))).body.post.id as string;
  await expectStatus('reply', 201, teacher.post(`/api/activities/${a.discussion}/posts`, { body: 'Exactement, **et** le jour aussi.', parentId: post }));

  // Feedback: an in-app notification, an email in the outbox, an audit entry.
  const responses = (await expectStatus('responses', 200, teacher.get(`/api/activities/${a.reflection}/responses`))).body.responses as { userId: string; responseId: string | null }[];
  const zoeResponse = responses.find((r) => r.userId === zoe.user!.id)!;
  await expectStatus('feedback', 200, teacher.put(`/api/responses/${zoeResponse.responseId}/feedback`, { text: 'Très bien, Zoë !' }));

  // An upload, calendar feeds, readiness decisions, targeted post-work, a password reset.
  const uploaded = await app.inject({ method: 'POST', url: `/api/courses/${course.id}/uploads?name=schema.png`, headers: { host: 'localhost:80', origin: ORIGIN, cookie: teacher.cookie!, 'content-type': 'image/png' }, payload: PNG });
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  for (const user of [teacher, zoe]) await expectStatus('calendar', 200, user.get('/api/me/calendar'));
  await expectStatus('nudge', 200, teacher.post(`/api/lessons/${lessonId}/nudge`));
  await expectStatus('planned groups', 200, teacher.post(`/api/lessons/${lessonId}/readiness/groups`, { groups: [{ name: 'Verts', userIds: [zoe.user!.id, ben.user!.id] }, { name: 'Bleus', userIds: [chloe.user!.id] }], task: 'Schéma', durationSeconds: 600 }));
  await expectStatus('targets', 200, teacher.post(`/api/activities/${a.practice}/targets`, { rule: 'manual', userIds: [absent.user!.id, chloe.user!.id] }));
  await expectStatus('password reset', 202, new TestClient(app).post('/api/auth/password-reset', { email: ben.user!.email }));

  // The live session, run to its end.
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const sockets: LiveTestClient[] = [];
  const open = async (client: TestClient) => {
    const socket = new LiveTestClient(url, client.cookie);
    sockets.push(socket);
    await socket.connect();
    const ack = await socket.join(lessonId);
    if (!ack.ok) throw new Error(`join: ${JSON.stringify(ack)}`);
    return socket;
  };
  const send = async (socket: LiveTestClient, command: Parameters<LiveTestClient['send']>[0]) => {
    const ack = await socket.send(command);
    if (!ack.ok) throw new Error(`${command.type}: ${JSON.stringify(ack)}`);
  };
  try {
    const t = await open(teacher);
    const [sz, sb, sc] = [await open(zoe), await open(ben), await open(chloe)];
    await send(t, { type: 'step.next' });
    await send(t, { type: 'poll.open', activityId: a.livePoll });
    const pollId = (await sz.until((v) => v.poll?.status === 'open')).poll!.id;
    for (const [i, s] of [sz, sb, sc].entries()) await send(s, { type: 'poll.answer', pollId, choice: i % 2 });
    await send(t, { type: 'poll.reveal' });
    await send(t, { type: 'poll.close' });
    await send(t, { type: 'poll.open', activityId: a.liveQuiz });
    const quizPoll = (await sb.until((v) => v.poll?.activityId === a.liveQuiz)).poll!.id;
    for (const s of [sz, sb]) await send(s, { type: 'poll.answer', pollId: quizPoll, choice: 1 });
    await send(sc, { type: 'question.ask', text: 'Et les algues ?' });
    const live = (await t.until((v) => v.questions.some((q) => q.source === 'live'))).questions.find((q) => q.source === 'live')!;
    await send(sz, { type: 'question.vote', questionId: live.id });
    await send(t, { type: 'question.answered', questionId: q1, answered: true });
    await send(sb, { type: 'hand.raise', note: 'Question sur le schéma' });
    await send(sc, { type: 'hand.raise' });
    await send(t, { type: 'help.next' });
    await send(t, { type: 'help.resolve' });
    await send(t, { type: 'groups.assign', strategy: { kind: 'random', count: 2 }, task: 'Dessinez le cycle', durationSeconds: 300 });
    await send(sz, { type: 'chat.send', text: 'Bonjour à tous 👋' });
    await send(sz, { type: 'chat.send', text: 'Dans notre groupe…', scope: 'group' });
    await send(t, { type: 'groups.broadcast', text: 'Encore 2 minutes' });
    await send(t, { type: 'timer.start', seconds: 120 });
    await send(t, { type: 'session.end' });
    await t.until((v) => v.status === 'ended');
  } finally {
    for (const s of sockets) s.close();
  }
  // The end-of-session job (summary, threads, catch-up for Dev) and any other due job.
  await app.services.jobRunner.runDue();
  // Closed sockets write their departures: let them land before anyone reads the database.
  for (let wait = 0; wait < 50 && Object.keys((await app.services.liveRooms.load(lessonId))?.present ?? {}).length > 0; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return { teacher, coTeacher, students, course, lessonId, laterLessonId, activities: a };
}
