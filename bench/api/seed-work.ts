import type { Insertable } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';
import type { CreateActivityBody } from '../../src/shared/schemas/activities.ts';
import { newId } from '../../src/server/lib/ids.ts';
import { insertMany } from '../lib/bulk.ts';
import { benchServices, enrol, seedPeople, type SeededUser } from '../live/seed-live.ts';

const TYPES = ['page', 'quiz', 'reflection', 'checklist', 'video', 'link', 'poll', 'discussion', 'question_box'] as const;

type Base = { phase: 'pre' | 'post'; title: string; estimatedMinutes: number; dueAt: string };

function activityBody(type: (typeof TYPES)[number], n: number, base: Base): CreateActivityBody {
  switch (type) {
    case 'page':
      return { ...base, type, content: { markdown: `# Reading ${n}\n\nSome **text** to read before class, with a [link](https://example.org).` } };
    case 'quiz':
      return { ...base, type, content: { items: [1, 2, 3].map((k) => ({ prompt: `Question ${k}?`, kind: 'single' as const, choices: ['A', 'B', 'C'], answer: k % 3 })) } };
    case 'reflection':
      return { ...base, type, content: { prompt: 'What did you learn?' } };
    case 'checklist':
      return { ...base, type, content: { items: ['Read', 'Summarise', 'Ask'] } };
    case 'video':
      return { ...base, type, content: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } };
    case 'link':
      return { ...base, type, content: { url: 'https://example.org/tool' } };
    case 'poll':
      return { ...base, type, content: { question: 'Which topic next?', choices: ['One', 'Two'] } };
    case 'discussion':
      return { ...base, type, content: { prompt: 'Discuss the reading.' } };
    case 'question_box':
      return { ...base, type, content: { prompt: 'Bring a question.' } };
  }
}

/**
 * One student in `courses` courses × `perCourse` pre/post activities (3 lessons each), a third
 * done, a third in progress, with `classmates` other students and their responses so the
 * tables are not trivially small.
 */
export async function seedWork(database: Database, options: { courses: number; perCourse: number; classmates: number }): Promise<{ student: SeededUser; activities: number }> {
  const services = benchServices(database);
  const [teacher] = await seedPeople(database, 1, 't');
  const [student] = await seedPeople(database, 1, 'me');
  const classmates = await seedPeople(database, options.classmates, 's');
  const now = Date.now();
  const at = new Date(now).toISOString();
  const responses: Insertable<DB['responses']>[] = [];
  let activities = 0;
  for (let c = 0; c < options.courses; c++) {
    const course = await services.courses.create(teacher!.id, { title: `Course ${c + 1}` });
    await enrol(database, course.id, [student!, ...classmates]);
    const lessons = 3;
    for (let l = 0; l < lessons; l++) {
      const lesson = await services.lessons.create(course.id, teacher!.id, { title: `Lesson ${l + 1}` });
      const count = Math.ceil(options.perCourse / lessons);
      for (let a = 0; a < count && activities < (c + 1) * options.perCourse; a++) {
        const type = TYPES[(c + l + a) % TYPES.length]!;
        const dueAt = new Date(now + (((c * 7 + l * 3 + a) % 14) - 3) * 86_400_000).toISOString();
        const activity = await services.activities.create(lesson.id, teacher!.id, activityBody(type, a, { phase: a % 3 === 2 ? 'post' : 'pre', title: `${type} ${a + 1}`, estimatedMinutes: 5 + (a % 4) * 5, dueAt }));
        activities += 1;
        const base = { activity_id: activity.id, course_id: course.id, mode: 'async' as const, late: 0, submissions: '[]', feedback: null, feedback_at: null, feedback_by: null, revision: 1, created_at: at, updated_at: at, score: null, max_score: null, attempts: 0 };
        const mine = activities % 3;
        if (mine !== 0) responses.push({ ...base, id: newId(), user_id: student!.id, status: mine === 1 ? 'done' : 'in_progress', body: '{}', submitted_at: mine === 1 ? at : null });
        classmates.forEach((s, i) => {
          if ((i + a) % 2 === 0) responses.push({ ...base, id: newId(), user_id: s.id, status: 'done', body: '{}', submitted_at: at });
        });
      }
    }
  }
  await insertMany(database, 'responses', responses);
  services.mailer.close();
  return { student: student!, activities };
}
