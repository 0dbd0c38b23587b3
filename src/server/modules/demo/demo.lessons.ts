import { DateTime } from 'luxon';
import { CreateActivityBody } from '../../../shared/schemas/activities.ts';
import type { Services } from '../../services.ts';

type NewActivity = CreateActivityBody;

/**
 * The demo course's lessons: each one a complete pre-work → live session → post-work loop, so a
 * new teacher sees every part of Tandem with real content rather than empty screens.
 */
function lessonOne(): { title: string; activities: NewActivity[] } {
  return {
    title: 'Why pre-work frees live time',
    activities: [
      {
        phase: 'pre',
        type: 'page',
        title: 'Two ways to learn',
        estimatedMinutes: 8,
        learningType: 'acquisition',
        content: {
          markdown: [
            '---',
            'title: Two ways to learn',
            'tags: [blended, flipped]',
            '---',
            '# Two ways to learn',
            '',
            'Learning happens in two modes, and a good course uses both on purpose.',
            '',
            '| | Asynchronous | Synchronous |',
            '|---|---|---|',
            '| When | whenever the student chooses | at a set time |',
            '| Where | anywhere | a classroom or a video call |',
            '| Pace | the student\'s own | shared with the class |',
            '| Help | written exchanges, later | the teacher and peers, right now |',
            '',
            '==Time together is the scarcest resource of a course.== Spending it on presenting information',
            'that students could read or watch alone wastes it. Spend it instead on what only live time gives:',
            'discussion, small-group work, modelling, and feedback in the moment. #flipped',
            '',
            'Before the live session:',
            '',
            '- [ ] Read this page to the end',
            '- [ ] Watch the short video',
            '- [ ] Try the three-question check',
            '- [ ] Bring one question to class',
          ].join('\n'),
        },
      },
      {
        phase: 'pre',
        type: 'video',
        title: 'What a flipped lesson looks like',
        estimatedMinutes: 6,
        learningType: 'acquisition',
        content: { url: 'https://www.youtube.com/watch?v=qdKzSq_t8k8' },
      },
      {
        phase: 'pre',
        type: 'quiz',
        title: 'Quick check',
        estimatedMinutes: 5,
        learningType: 'practice',
        content: {
          attemptsAllowed: 2,
          showAnswersAfterSubmit: true,
          items: [
            { id: 'mode', prompt: 'Which of these is synchronous learning?', kind: 'single', choices: ['Reading a chapter on the bus', 'A seminar on a video call', 'Posting in a discussion board'], answer: 1 },
            { id: 'live', prompt: 'Which activities make the best use of live time? (choose all that apply)', kind: 'multiple', choices: ['Small-group problem solving', 'Reading slides aloud', 'Discussion with feedback', 'Copying notes'], answer: [0, 2] },
            { id: 'term', prompt: 'What do we call the async work students do before the live session?', kind: 'text', answer: ['pre-work', 'prework', 'pre work'] },
          ],
        },
      },
      { phase: 'pre', type: 'question_box', title: 'Bring a question', estimatedMinutes: 3, learningType: 'investigation', content: { prompt: 'What would you like to work through together in class?' } },
      { phase: 'live', type: 'poll', title: 'Check-in', estimatedMinutes: 3, learningType: 'discussion', content: { question: 'How confident are you about planning a flipped lesson?', choices: ['Not yet', 'Getting there', 'Confident'], anonymous: true } },
      { phase: 'live', type: 'page', title: 'Small groups: redesign a lecture', estimatedMinutes: 25, learningType: 'collaboration', content: { markdown: 'In your group, take one lecture you gave recently.\n\n1. What could move into pre-work?\n2. What would you do with the live time it frees?\n3. What would students do afterwards?' } },
      { phase: 'live', type: 'quiz', title: 'Exit ticket', estimatedMinutes: 4, learningType: 'practice', content: { items: [{ id: 'exit', prompt: 'Where should presenting new information mostly happen?', kind: 'single', choices: ['In the live session', 'In the pre-work'], answer: 1 }] } },
      { phase: 'post', type: 'reflection', title: 'Reflect on your redesign', estimatedMinutes: 10, learningType: 'production', content: { prompt: 'Which part of your lesson will you move into pre-work first, and why?' } },
      { phase: 'post', type: 'discussion', title: 'Share your redesign', estimatedMinutes: 10, learningType: 'discussion', content: { prompt: 'Post your redesigned lesson plan and comment on one classmate\'s plan.' } },
    ],
  };
}

function lessonTwo(): { title: string; activities: NewActivity[] } {
  return {
    title: 'Readiness: from pre-work data to small groups',
    activities: [
      { phase: 'pre', type: 'page', title: 'Reading the class before class', estimatedMinutes: 7, learningType: 'acquisition', content: { markdown: '# Reading the class before class\n\nPre-work results tell you who is ready, who started, and which ideas the class got wrong. ==Group students by what they need==: a re-teach group, a practice group, an extension group.' } },
      { phase: 'pre', type: 'checklist', title: 'Reading list', estimatedMinutes: 20, learningType: 'investigation', content: { items: ['A short article on flipped classrooms', 'A case study of station rotation', 'Notes on giving feedback in small groups'] } },
      { phase: 'pre', type: 'link', title: 'Readiness checklist (printable)', estimatedMinutes: 2, learningType: 'acquisition', content: { url: 'https://en.wikipedia.org/wiki/Flipped_classroom' } },
      { phase: 'live', type: 'poll', title: 'Which group would you start with?', estimatedMinutes: 3, learningType: 'discussion', content: { question: 'Which group needs you first?', choices: ['Not started', 'Re-teach', 'Extend'] } },
      { phase: 'post', type: 'reflection', title: 'Plan your next readiness check', estimatedMinutes: 10, learningType: 'production', content: { prompt: 'Describe the pre-work check you will use before your next live session.' } },
    ],
  };
}

/** Adds the demo lessons; the first live session is tomorrow at 9:00 in the teacher's time zone. */
export async function seedDemoLessons(services: Services, courseId: string, teacherId: string, teacherZone: string): Promise<{ lessonIds: string[]; activityIds: string[][] }> {
  const tomorrowNine = DateTime.now().setZone(teacherZone).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  const lessons = [
    { ...lessonOne(), startsAt: tomorrowNine },
    { ...lessonTwo(), startsAt: tomorrowNine.plus({ weeks: 1 }) },
  ];
  const ids: string[] = [];
  const activityIds: string[][] = [];
  for (const spec of lessons) {
    const startsAt = spec.startsAt.toUTC().toISO()!;
    const lesson = await services.lessons.create(courseId, teacherId, {
      title: spec.title,
      live: { startsAt, durationMinutes: 60, location: 'Room B12', videoUrl: 'https://meet.jit.si/tandem-demo-designing-learning' },
    });
    for (const activity of spec.activities) {
      // Pre-work is due when the live session starts, the way the design guidance recommends.
      const dueAt = activity.phase === 'pre' ? startsAt : activity.phase === 'post' ? spec.startsAt.plus({ days: 3 }).toUTC().toISO()! : undefined;
      const created = await services.activities.create(lesson.id, teacherId, CreateActivityBody.parse({ ...activity, ...(dueAt ? { dueAt } : {}) }));
      (activityIds[ids.length] ??= []).push(created.id);
    }
    ids.push(lesson.id);
  }
  return { lessonIds: ids, activityIds };
}

/** One student has started the first lesson's pre-work, so readiness has something to show. */
export async function seedDemoProgress(services: Services, firstLessonActivityIds: string[], studentId: string): Promise<void> {
  const [page, , quiz, questionBox] = firstLessonActivityIds;
  if (page) await services.responses.submit(page, studentId, { done: true, checked: [0, 1] });
  if (quiz) await services.responses.submit(quiz, studentId, { answers: [1, [0], 'pre-work'], submissionId: 'demo-quiz-1' });
  if (questionBox) await services.questions.ask(questionBox, studentId, 'How long should pre-work be for a 60-minute session?');
}
