import type { TandemApp } from '../app.ts';
import { courseWithClass } from '../testing/test-app.ts';

/** A course with a lesson whose live session starts in five minutes, and a run-sheet. */
export async function liveLesson(app: TandemApp, students = 2) {
  const cls = await courseWithClass(app, students);
  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const lesson = await cls.teacher.post(`/api/courses/${cls.course.id}/lessons`, { title: 'Photosynthesis', live: { startsAt, durationMinutes: 60, videoUrl: 'https://meet.jit.si/tandem-photo' } });
  const lessonId = lesson.body.lesson.id as string;
  const add = async (body: object) => {
    const res = await cls.teacher.post(`/api/lessons/${lessonId}/activities`, body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.activity.id as string;
  };
  const box = await add({ phase: 'pre', type: 'question_box', title: 'Bring a question', content: { prompt: 'What puzzles you?' } });
  const page = await add({ phase: 'live', type: 'page', title: 'Warm-up', content: { markdown: 'Hello' } });
  const poll = await add({ phase: 'live', type: 'poll', title: 'Check-in', content: { question: 'Ready?', choices: ['Yes', 'No'] } });
  const quiz = await add({ phase: 'live', type: 'quiz', title: 'Exit ticket', content: { items: [{ prompt: '2+2?', kind: 'single', choices: ['3', '4'], answer: 1 }] } });
  return { ...cls, lessonId, activities: { box, page, poll, quiz } };
}

