import type { Locale } from '../../../shared/schemas/common.ts';
import type { LessonReport } from '../../../shared/schemas/lesson-report.ts';
import { notFound } from '../../lib/errors.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import { toCsv } from '../progress/csv.ts';
import type { ReadinessRepository } from '../readiness/readiness.repository.ts';
import { byName } from '../readiness/texts.ts';
import type { TargetsRepository } from '../targets/targets.repository.ts';
import type { LessonReportRepository } from './lesson-report.repository.ts';

const HEADERS = {
  en: ['Student', 'Email', 'Pre-work done', 'Pre-work required', 'Attended', 'Minutes present', 'Poll answers', 'Questions', 'Hands raised', 'Post-work done', 'Post-work assigned'],
  fr: ['Élève', 'E-mail', 'Travail préparatoire fait', 'Travail préparatoire demandé', 'Présent', 'Minutes de présence', 'Réponses aux sondages', 'Questions', 'Mains levées', 'Consolidation faite', 'Consolidation assignée'],
} as const;
const YES_NO = { en: ['yes', 'no'], fr: ['oui', 'non'] } as const;

const count = (rows: { user_id: string; n: number | string }[]) => new Map(rows.map((r) => [r.user_id, Number(r.n)]));

/** Per lesson and student: pre-work, attendance, live participation and post-work side by side. */
export function createLessonReportService(deps: { report: LessonReportRepository; readiness: ReadinessRepository; targets: TargetsRepository; lessons: LessonsRepository; policy: CoursePolicy }) {
  const { report, readiness } = deps;

  async function build(lessonId: string, userId: string, now = new Date()): Promise<LessonReport> {
    const lesson = await deps.lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    await deps.policy.requireTeacher(lesson.course_id, userId);
    const [students, activities, live, perStudent, attendance, answers, questions, hands] = await Promise.all([
      readiness.students(lesson.course_id),
      readiness.activities(lesson.id),
      readiness.liveSession(lesson.id),
      readiness.perStudent(lesson.id),
      report.attendance(lesson.id),
      report.liveAnswers(lesson.id),
      report.liveQuestions(lesson.id),
      report.hands(lesson.id),
    ]);
    const preRequired = activities.filter((a) => a.phase === 'pre' && a.required === 1).length;
    const post = activities.filter((a) => a.phase === 'post' && a.required === 1).map((a) => a.id);
    const [postDone, assignments] = await Promise.all([report.done(post), deps.targets.assignmentsFor(post)]);
    const doneKeys = new Set(postDone.map((r) => `${r.user_id} ${r.activity_id}`));
    const preDone = new Map(perStudent.map((r) => [r.user_id, Number(r.completed ?? 0)]));
    const minutes = new Map<string, number>();
    for (const row of attendance) {
      const ms = new Date(row.left_at ?? now.toISOString()).getTime() - new Date(row.joined_at).getTime();
      minutes.set(row.user_id, (minutes.get(row.user_id) ?? 0) + Math.max(0, ms));
    }
    const [answerCount, questionCount, handCount] = [count(answers), count(questions), count(hands)];

    const rows = [...students]
      .sort(byName('en'))
      .map((s) => {
        const mine = post.filter((id) => !assignments.restricted.has(id) || assignments.assigned.has(`${s.id} ${id}`));
        return {
          userId: s.id,
          name: s.name,
          email: s.email,
          pre: { done: Math.min(preDone.get(s.id) ?? 0, preRequired), required: preRequired },
          attended: minutes.has(s.id),
          minutesPresent: Math.round((minutes.get(s.id) ?? 0) / 60_000),
          live: { pollAnswers: answerCount.get(s.id) ?? 0, questions: questionCount.get(s.id) ?? 0, hands: handCount.get(s.id) ?? 0 },
          post: { done: mine.filter((id) => doneKeys.has(`${s.id} ${id}`)).length, assigned: mine.length },
        };
      });

    return {
      lessonId: lesson.id,
      courseId: lesson.course_id,
      title: lesson.title,
      liveStartsAt: live?.starts_at ?? null,
      students: rows,
      totals: {
        students: rows.length,
        preworkComplete: rows.filter((r) => r.pre.done >= r.pre.required).length,
        attended: rows.filter((r) => r.attended).length,
        participated: rows.filter((r) => r.live.pollAnswers + r.live.questions + r.live.hands > 0).length,
        postworkComplete: rows.filter((r) => r.post.done >= r.post.assigned).length,
      },
    };
  }

  return {
    report: build,

    /** The report as CSV (UTF-8 with BOM), headers in the teacher's language. */
    async csv(lessonId: string, caller: { id: string; locale: Locale }): Promise<{ title: string; csv: string }> {
      const data = await build(lessonId, caller.id);
      const [yes, no] = YES_NO[caller.locale];
      const lines = data.students.map((s) => [
        s.name,
        s.email,
        s.pre.done,
        s.pre.required,
        s.attended ? yes : no,
        s.minutesPresent,
        s.live.pollAnswers,
        s.live.questions,
        s.live.hands,
        s.post.done,
        s.post.assigned,
      ]);
      return { title: data.title, csv: toCsv([[...HEADERS[caller.locale]], ...lines]) };
    },
  };
}
export type LessonReportService = ReturnType<typeof createLessonReportService>;
