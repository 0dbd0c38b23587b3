import {
  CONTENT_SCHEMAS,
  type Activity,
  type ActivityType,
  type CreateActivityBody,
  type Phase,
  type UpdateActivityBody,
} from '../../../shared/schemas/activities.ts';
import type { Role } from '../../../shared/schemas/courses.ts';
import { ApiError, badRequest, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import type { RenderContext } from '../markdown/render.ts';
import { renderMarkdown } from '../markdown/render.ts';
import type { RenderContextLoader } from '../markdown/render-context.ts';
import type { ResponsesRepository } from '../responses/responses.repository.ts';
import type { ActivitiesRepository, ActivityRow } from './activities.repository.ts';
import type { ActivityAccessPolicy } from './activity-access.ts';
import { presentActivity } from './activity.presenter.ts';

type Deps = {
  activities: ActivitiesRepository;
  lessons: LessonsRepository;
  responses: ResponsesRepository;
  policy: CoursePolicy;
  access: ActivityAccessPolicy;
  loadRenderContext: RenderContextLoader;
};

/** Checks teacher content beyond its schema (ids, front matter, uploads) and fills defaults. */
function normalizeContent(type: ActivityType, content: unknown, context: RenderContext): unknown {
  const parsed = CONTENT_SCHEMAS[type].safeParse(content);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: ['body', 'content', ...i.path].join('.'), message: i.message }));
    throw new ApiError(400, 'validation_failed', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
  const value = parsed.data;
  if (type === 'page' && 'markdown' in value) renderMarkdown(value.markdown, context); // throws 400 on bad front matter
  if (type === 'quiz' && 'items' in value && 'attemptsAllowed' in value) {
    return { ...value, items: value.items.map((item) => ({ ...item, id: item.id ?? newId().slice(0, 10) })) };
  }
  if (type === 'video' && 'uploadId' in value && value.uploadId !== undefined) {
    const upload = context.uploads.find((u) => u.id === value.uploadId);
    if (!upload || !upload.contentType.startsWith('video/')) throw badRequest('unknown_upload', 'No video with this uploadId in the course', 'body.content.uploadId');
  }
  return value;
}

function checkWindow(opensAt: string | null, dueAt: string | null): void {
  if (opensAt && dueAt && new Date(opensAt) >= new Date(dueAt)) throw badRequest('validation_failed', 'opensAt must be before dueAt', 'body.dueAt');
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

export function createActivitiesService(deps: Deps) {
  const { activities, lessons, responses, policy, access, loadRenderContext } = deps;

  /** Presents many activities of one course with two queries for context and responses. */
  async function presentMany(rows: ActivityRow[], courseId: string, role: Role, userId: string, now = new Date()): Promise<Activity[]> {
    const [context, mine] = await Promise.all([
      loadRenderContext(courseId),
      role === 'student' ? responses.listForUser(userId, rows.map((r) => r.id)) : Promise.resolve([]),
    ]);
    const byActivity = new Map(mine.map((r) => [r.activity_id, r]));
    return rows.map((row) => presentActivity(row, { role, context, response: byActivity.get(row.id), userId, now }));
  }

  async function presentOne(row: ActivityRow, role: Role, userId: string): Promise<Activity> {
    const [activity] = await presentMany([row], row.course_id, role, userId);
    return activity!;
  }

  return {
    presentMany,

    async create(lessonId: string, userId: string, input: CreateActivityBody & { content: unknown }): Promise<Activity> {
      const lesson = await lessons.findById(lessonId);
      if (!lesson) throw notFound('Lesson not found');
      await policy.requireTeacher(lesson.course_id, userId);
      const content = normalizeContent(input.type, input.content, await loadRenderContext(lesson.course_id));
      const opensAt = iso(input.opensAt);
      const dueAt = iso(input.dueAt);
      checkWindow(opensAt, dueAt);
      const now = nowIso();
      const row = await activities.insertLast({
        id: newId(),
        course_id: lesson.course_id,
        lesson_id: lesson.id,
        phase: input.phase,
        type: input.type,
        title: input.title.trim(),
        estimated_minutes: input.estimatedMinutes ?? null,
        opens_at: opensAt,
        due_at: dueAt,
        required: input.required === false ? 0 : 1,
        closed: 0,
        learning_type: input.learningType ?? null,
        content: JSON.stringify(content),
        created_at: now,
        updated_at: now,
      });
      return presentOne(row, 'teacher', userId);
    },

    async get(activityId: string, userId: string): Promise<Activity> {
      const { activity, course } = await access.forMember(activityId, userId);
      return presentOne(activity, course.role, userId);
    },

    async update(activityId: string, userId: string, changes: UpdateActivityBody): Promise<Activity> {
      const { activity } = await access.forTeacher(activityId, userId);
      const type = activity.type as ActivityType;
      const content = changes.content !== undefined ? normalizeContent(type, changes.content, await loadRenderContext(activity.course_id)) : undefined;
      const opensAt = changes.opensAt !== undefined ? iso(changes.opensAt) : activity.opens_at;
      const dueAt = changes.dueAt !== undefined ? iso(changes.dueAt) : activity.due_at;
      checkWindow(opensAt, dueAt);
      const phaseChanged = changes.phase !== undefined && changes.phase !== activity.phase;
      await activities.update(activityId, {
        ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
        ...(changes.estimatedMinutes !== undefined ? { estimated_minutes: changes.estimatedMinutes } : {}),
        ...(changes.required !== undefined ? { required: changes.required ? 1 : 0 } : {}),
        ...(changes.closed !== undefined ? { closed: changes.closed ? 1 : 0 } : {}),
        ...(changes.learningType !== undefined ? { learning_type: changes.learningType } : {}),
        ...(content !== undefined ? { content: JSON.stringify(content) } : {}),
        opens_at: opensAt,
        due_at: dueAt,
        updated_at: nowIso(),
      });
      if (phaseChanged) await moveToPhaseEnd(activity, changes.phase!);
      return presentOne((await activities.findById(activityId))!, 'teacher', userId);
    },

    async delete(activityId: string, userId: string): Promise<void> {
      await access.forTeacher(activityId, userId);
      await activities.delete(activityId);
    },
  };

  async function moveToPhaseEnd(activity: ActivityRow, phase: Phase): Promise<void> {
    const siblings = (await activities.listForLesson(activity.lesson_id)).filter((a) => a.phase === phase && a.id !== activity.id);
    const position = siblings.reduce((max, a) => Math.max(max, Number(a.position) + 1), 0);
    await activities.setLayout(activity.lesson_id, [{ id: activity.id, phase, position }], nowIso());
  }
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;
