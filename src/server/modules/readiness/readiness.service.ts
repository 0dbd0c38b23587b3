import { QuizContent, type Activity, type QuizItem } from '../../../shared/schemas/activities.ts';
import type { Locale } from '../../../shared/schemas/common.ts';
import {
  NUDGE_INTERVAL_MS,
  PlannedGroups,
  type NudgeResult,
  type Readiness,
  type ReadinessItem,
  type ReadinessStatus,
  type ReadinessStudent,
  type StuckState,
} from '../../../shared/schemas/readiness.ts';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CourseWithRole } from '../courses/courses.repository.ts';
import type { LessonRow, LessonsRepository } from '../lessons/lessons.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { NotificationsRepository } from '../notifications/notifications.repository.ts';
import { itemId } from '../responses/quiz-grading.ts';
import { NUDGE_KIND, nudgeTexts, type NudgeData } from './nudge-texts.ts';
import { answerLabel } from './quiz-item-results.ts';
import type { ReadinessRepository } from './readiness.repository.ts';
import { byName } from './texts.ts';
import { rankItems, RECAP_CHOICE_CLEAR, RECAP_QUESTION, suggestGroups, suggestRunSheet, weakestItem } from './suggest.ts';

export type Caller = { id: string; name: string; locale: Locale };

type Deps = {
  readiness: ReadinessRepository;
  lessons: LessonsRepository;
  policy: CoursePolicy;
  activities: ActivitiesRepository;
  activityService: ActivitiesService;
  notifications: NotificationsRepository;
  mailer: Mailer;
  publicUrl: string | undefined;
};

/** Questions shown on the readiness page (the most voted). */
const QUESTION_LIMIT = 100;
/** Most chosen wrong answers shown per quiz item. */
const WRONG_ANSWERS = 3;

const num = (value: unknown) => Number(value ?? 0);

function parseQuiz(content: string): QuizItem[] {
  const parsed = QuizContent.safeParse(JSON.parse(content));
  return parsed.success ? parsed.data.items : [];
}

export function createReadinessService(deps: Deps) {
  const { readiness: repo, lessons, policy } = deps;

  async function lessonForTeacher(lessonId: string, userId: string): Promise<{ lesson: LessonRow; course: CourseWithRole }> {
    const lesson = await lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    const course = await policy.requireTeacher(lesson.course_id, userId);
    return { lesson, course };
  }

  async function lessonForStudent(lessonId: string, userId: string): Promise<LessonRow> {
    const lesson = await lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    const course = await policy.requireMember(lesson.course_id, userId);
    if (course.role !== 'student') throw forbidden('Only students of the course can say they are stuck');
    return lesson;
  }

  /** Status of every current student over the lesson's required pre-work. */
  async function statuses(lesson: LessonRow, locale: Locale) {
    const [students, activities, perStudent] = await Promise.all([repo.students(lesson.course_id), repo.activities(lesson.id), repo.perStudent(lesson.id)]);
    const pre = activities.filter((a) => a.phase === 'pre');
    const required = pre.filter((a) => a.required === 1);
    const requiredMinutes = required.reduce((sum, a) => sum + num(a.estimated_minutes), 0);
    const byUser = new Map(perStudent.map((r) => [r.user_id, r]));
    const list = students
      .map((s) => {
        const row = byUser.get(s.id);
        const completed = num(row?.completed);
        const ready = completed >= required.length;
        const status: ReadinessStatus = ready ? 'ready' : num(row?.begun) > 0 ? 'started' : 'not_started';
        const maxScore = num(row?.max_score);
        return {
          ...s,
          status,
          completed,
          minutesLeft: Math.max(0, requiredMinutes - num(row?.done_minutes)),
          quizScore: maxScore > 0 ? num(row?.score) / maxScore : null,
        };
      })
      .sort(byName(locale));
    // People with pre-work rows who are not students of the course (any more): left out of every figure.
    const roster = new Set(students.map((st) => st.id));
    const excluded = perStudent.map((r) => r.user_id).filter((id) => !roster.has(id));
    return { students: list, activities, pre, required, requiredMinutes, excluded };
  }

  /** Per-item statistics of the pre-work quizzes, misconceptions first. */
  async function itemStats(
    lesson: LessonRow,
    pre: Awaited<ReturnType<ReadinessRepository['activities']>>,
    excluded: string[],
  ): Promise<{ items: ReadinessItem[]; quizItems: Map<string, QuizItem> }> {
    const quizzes = pre.filter((a) => a.type === 'quiz');
    const ids = quizzes.map((a) => a.id);
    const rows = await repo.itemStats(lesson.id, lesson.course_id, ids, excluded, WRONG_ANSWERS);
    const statsByKey = new Map<string, { attempts: number; correct: number; skipped: number; wrong: { key: string; count: number }[] }>();
    for (const row of rows) {
      const key = `${row.activity_id} ${row.item_id}`;
      const stats = statsByKey.get(key) ?? { attempts: num(row.attempts), correct: num(row.correct_count), skipped: num(row.skipped), wrong: [] };
      if (num(row.correct) === 0 && row.answer_key !== null && num(row.rank) <= WRONG_ANSWERS) stats.wrong.push({ key: row.answer_key, count: num(row.n) });
      statsByKey.set(key, stats);
    }
    const quizItems = new Map<string, QuizItem>();
    const items: (ReadinessItem & { order: number })[] = [];
    for (const quiz of quizzes) {
      parseQuiz(quiz.content).forEach((item, index) => {
        const id = itemId(item, index);
        const key = `${quiz.id} ${id}`;
        quizItems.set(key, item);
        const s = statsByKey.get(key);
        const attempts = s?.attempts ?? 0;
        const correct = s?.correct ?? 0;
        const skipped = s?.skipped ?? 0;
        items.push({
          order: items.length,
          activityId: quiz.id,
          activityTitle: quiz.title,
          itemId: id,
          itemIndex: index,
          prompt: item.prompt,
          kind: item.kind,
          correctRate: attempts > 0 ? correct / attempts : 0,
          answered: attempts - skipped,
          correct,
          skipped,
          wrongAnswers: (s?.wrong ?? [])
            .map((w) => ({ answerKey: w.key, count: w.count, answer: answerLabel(item, w.key) }))
            .sort((a, b) => b.count - a.count || (a.answerKey < b.answerKey ? -1 : 1)),
        });
      });
    }
    return { items: rankItems(items).map(({ order: _order, ...item }) => item), quizItems };
  }

  async function compute(lesson: LessonRow, course: CourseWithRole, locale: Locale, now = new Date()): Promise<Readiness & { quizItems: Map<string, QuizItem> }> {
    const [base, live, stuckRows, nudgeRows, decisions, questionRows] = await Promise.all([
      statuses(lesson, locale),
      repo.liveSession(lesson.id),
      repo.stuck(lesson.id),
      repo.nudges(lesson.id),
      repo.findDecisions(lesson.id),
      repo.preworkQuestions(lesson.id, QUESTION_LIMIT),
    ]);
    const [{ items, quizItems }, perActivityRows] = await Promise.all([itemStats(lesson, base.pre, base.excluded), repo.perActivity(lesson.id, lesson.course_id, base.excluded)]);
    const weakest = weakestItem(items);
    const roster = new Set(base.students.map((s) => s.id));
    const wrongOnWeakest = weakest ? new Set((await repo.wrongOn(lesson.id, weakest.activityId, weakest.itemId)).map((r) => r.user_id).filter((id) => roster.has(id))) : new Set<string>();

    const stuck = new Map(stuckRows.map((r) => [r.user_id, r]));
    const nudged = new Map(nudgeRows.map((r) => [r.user_id, r.sent_at]));
    const students: ReadinessStudent[] = base.students.map((s) => ({
      userId: s.id,
      name: s.name,
      status: s.status,
      ready: s.status === 'ready',
      completed: s.completed,
      required: base.required.length,
      quizScore: s.quizScore,
      minutesLeft: s.minutesLeft,
      stuck: stuck.has(s.id),
      stuckNote: stuck.get(s.id)?.note ?? null,
      stuckAt: stuck.get(s.id)?.updated_at ?? null,
      nudgedAt: nudged.get(s.id) ?? null,
    }));

    const perActivity = new Map(perActivityRows.map((r) => [r.id, r]));
    const count = (status: ReadinessStatus) => students.filter((s) => s.status === status).length;
    const readyCount = count('ready');
    const studentCount = students.length;
    const readyPercent = studentCount === 0 ? 0 : Math.round((100 * readyCount) / studentCount);
    const thresholdPercent = num(course.readiness_threshold_percent);
    const acceptedId = decisions?.accepted_activity_id;
    const accepted = acceptedId && base.activities.some((a) => a.id === acceptedId) ? { activityId: acceptedId, acceptedAt: decisions.accepted_at ?? decisions.updated_at } : null;
    const plan = decisions?.planned_groups ? PlannedGroups.safeParse(JSON.parse(decisions.planned_groups)) : null;
    const startsAt = live?.starts_at ?? null;

    return {
      lessonId: lesson.id,
      courseId: lesson.course_id,
      now: now.toISOString(),
      liveStartsAt: startsAt,
      startsInMinutes: startsAt ? Math.ceil((new Date(startsAt).getTime() - now.getTime()) / 60_000) : null,
      students,
      activities: base.pre.map((a) => ({
        id: a.id,
        title: a.title,
        type: a.type as Activity['type'],
        required: a.required === 1,
        estimatedMinutes: a.estimated_minutes === null ? null : num(a.estimated_minutes),
        dueAt: a.due_at,
        doneCount: num(perActivity.get(a.id)?.done),
        startedCount: num(perActivity.get(a.id)?.begun),
      })),
      items,
      questions: questionRows.map((q) => ({
        id: q.id,
        text: q.text,
        votes: num(q.votes),
        activityId: q.activity_id,
        answered: q.answered === 1,
        createdAt: q.created_at,
        askedBy: { userId: q.user_id, name: q.name },
      })),
      suggestedGroups: suggestGroups({ students: students.map((s) => ({ userId: s.userId, status: s.status })), weakest, wrongOnWeakest, locale }),
      suggestion: accepted ? null : suggestRunSheet({ readyPercent, thresholdPercent, studentCount, weakest, locale }),
      acceptedSuggestion: accepted,
      plannedGroups: plan?.success ? plan.data : null,
      summary: {
        studentCount,
        readyCount,
        startedCount: count('started'),
        notStartedCount: count('not_started'),
        stuckCount: students.filter((s) => s.stuck).length,
        readyPercent,
        thresholdPercent,
        belowThreshold: studentCount > 0 && readyPercent < thresholdPercent,
        requiredActivities: base.required.length,
        requiredMinutes: base.requiredMinutes,
      },
      quizItems,
    };
  }

  return {
    async readiness(lessonId: string, caller: Caller, now = new Date()): Promise<Readiness> {
      const { lesson, course } = await lessonForTeacher(lessonId, caller.id);
      const { quizItems: _items, ...result } = await compute(lesson, course, caller.locale, now);
      return result;
    },

    async stuckState(lessonId: string, userId: string): Promise<StuckState> {
      await lessonForStudent(lessonId, userId);
      const row = await repo.findStuck(lessonId, userId);
      return { lessonId, stuck: Boolean(row), note: row?.note ?? null, updatedAt: row?.updated_at ?? null };
    },

    /** A student raises ("I'm stuck", with an optional note) or clears their flag. */
    async setStuck(lessonId: string, userId: string, input: { stuck: boolean; note?: string | undefined }): Promise<StuckState> {
      const lesson = await lessonForStudent(lessonId, userId);
      const at = nowIso();
      if (input.stuck) await repo.setStuck({ lesson_id: lesson.id, user_id: userId, course_id: lesson.course_id, note: input.note?.trim() || null, at });
      else await repo.clearStuck(lesson.id, userId);
      return input.stuck ? { lessonId, stuck: true, note: input.note?.trim() || null, updatedAt: at } : { lessonId, stuck: false, note: null, updatedAt: null };
    },

    /** In-app notification + email to students who have not started, skipping anyone nudged within the hour. */
    async nudge(lessonId: string, caller: Caller, now = new Date()): Promise<NudgeResult> {
      const { lesson, course } = await lessonForTeacher(lessonId, caller.id);
      const [{ students, requiredMinutes }, nudges, live] = await Promise.all([statuses(lesson, caller.locale), repo.nudges(lesson.id), repo.liveSession(lesson.id)]);
      const since = new Date(now.getTime() - NUDGE_INTERVAL_MS).toISOString();
      const recent = new Set(nudges.filter((n) => n.sent_at > since).map((n) => n.user_id));
      const waiting = students.filter((s) => s.status === 'not_started');
      const at = now.toISOString();
      const claimed = new Set(await repo.claimNudges(lesson.id, waiting.filter((s) => !recent.has(s.id)).map((s) => s.id), caller.id, at, since));
      const targets = waiting.filter((s) => claimed.has(s.id));
      const data: NudgeData = {
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        courseId: course.id,
        courseTitle: course.title,
        teacherName: caller.name,
        minutes: requiredMinutes,
        liveStartsAt: live?.starts_at ?? null,
      };
      const json = JSON.stringify(data);
      await deps.notifications.insertMany(targets.map((s) => ({ id: newId(), user_id: s.id, kind: NUDGE_KIND, data: json, read_at: null, created_at: at })));
      const url = `${deps.publicUrl ?? 'http://localhost:3000'}/lessons/${lesson.id}`;
      for (const s of targets) {
        const texts = nudgeTexts(s.locale);
        deps.mailer.queue({ to: s.email, subject: texts.title(data), text: texts.email(data, s.name, url, s.time_zone) });
      }
      return { nudged: targets.length, userIds: targets.map((s) => s.id), skipped: waiting.length - targets.length };
    },

    /** Inserts the suggested live activity at the start of the run-sheet (once; again returns the same). */
    async acceptSuggestion(lessonId: string, caller: Caller): Promise<{ activity: Activity; alreadyAccepted: boolean }> {
      const { lesson, course } = await lessonForTeacher(lessonId, caller.id);
      const current = await compute(lesson, course, caller.locale);
      if (current.acceptedSuggestion) {
        return { activity: await deps.activityService.get(current.acceptedSuggestion.activityId, caller.id), alreadyAccepted: true };
      }
      const suggestion = current.suggestion;
      if (!suggestion) throw conflict('no_suggestion', 'Readiness is at or above the course threshold: there is no run-sheet change to accept');
      const base = { phase: 'live' as const, title: suggestion.activity.title, estimatedMinutes: suggestion.activity.estimatedMinutes, learningType: suggestion.activity.learningType };
      let created: Activity;
      if (suggestion.code === 'reteach_first') {
        const item = current.quizItems.get(`${suggestion.params.activityId} ${suggestion.params.itemId}`);
        if (!item) throw new ApiError(409, 'no_suggestion', 'The quiz item to re-teach is gone');
        const { id: _id, ...copy } = item;
        created = await deps.activityService.create(lesson.id, caller.id, { ...base, type: 'quiz', content: { items: [copy], attemptsAllowed: null, showAnswersAfterSubmit: true } });
      } else {
        const titles = [...new Set(current.activities.map((a) => a.title.slice(0, 500)))].slice(0, 19);
        created = await deps.activityService.create(lesson.id, caller.id, {
          ...base,
          type: 'poll',
          content: { question: RECAP_QUESTION[caller.locale], choices: [...titles, RECAP_CHOICE_CLEAR[caller.locale]], anonymous: true },
        });
      }
      const live = (await deps.activities.listForLesson(lesson.id)).filter((a) => a.phase === 'live' && a.id !== created.id);
      const layout = [created.id, ...live.map((a) => a.id)].map((id, position) => ({ id, phase: 'live' as const, position }));
      await deps.activities.setLayout(lesson.id, layout, nowIso());
      await repo.saveAccepted(lesson.id, lesson.course_id, created.id, nowIso());
      return { activity: await deps.activityService.get(created.id, caller.id), alreadyAccepted: false };
    },

    /** Stores the (possibly adjusted) breakout groups the live room will use. */
    async planGroups(lessonId: string, caller: Caller, input: { groups: { name: string; userIds: string[] }[]; task: string; durationSeconds?: number | undefined }): Promise<PlannedGroups> {
      const { lesson } = await lessonForTeacher(lessonId, caller.id);
      const students = new Set((await repo.students(lesson.course_id)).map((s) => s.id));
      const seen = new Set<string>();
      input.groups.forEach((group, g) => {
        group.userIds.forEach((userId, u) => {
          const path = `body.groups.${g}.userIds.${u}`;
          if (!students.has(userId)) throw badRequest('unknown_student', 'Every member of a group must be a student of the course', path);
          if (seen.has(userId)) throw badRequest('duplicate_student', 'A student can be in one group only', path);
          seen.add(userId);
        });
      });
      if (seen.size === 0) throw badRequest('empty_groups', 'Put at least one student in a group', 'body.groups');
      const plan: PlannedGroups = {
        groups: input.groups.map((g) => ({ name: g.name, userIds: g.userIds })),
        task: input.task,
        durationSeconds: input.durationSeconds ?? null,
        plannedAt: nowIso(),
        plannedBy: caller.id,
      };
      await repo.savePlannedGroups(lesson.id, lesson.course_id, JSON.stringify(plan), caller.id, plan.plannedAt);
      return plan;
    },

    async plannedGroups(lessonId: string, caller: Caller): Promise<PlannedGroups | null> {
      await lessonForTeacher(lessonId, caller.id);
      return plannedGroupsForRoom(lessonId);
    },

    plannedGroupsForRoom,
  };

  /**
   * For the live room (no permission check: the room already checked its teacher). The planned
   * groups in the shape of a `groups.assign` command's `suggested` strategy, or null.
   */
  async function plannedGroupsForRoom(lessonId: string): Promise<PlannedGroups | null> {
    const decisions = await repo.findDecisions(lessonId);
    if (!decisions?.planned_groups) return null;
    const plan = PlannedGroups.safeParse(JSON.parse(decisions.planned_groups));
    return plan.success ? plan.data : null;
  }
}
export type ReadinessService = ReturnType<typeof createReadinessService>;
