import { LearningType, type Activity, type ActivityResponse, type QuizItemView } from '../../../shared/schemas/activities.ts';
import type { Role } from '../../../shared/schemas/courses.ts';
import { parseVideoUrl } from '../../../shared/video-url.ts';
import { renderMarkdown, type RenderContext } from '../markdown/render.ts';
import { itemId, publicAnswer } from '../responses/quiz-grading.ts';
import type { TypedActivity } from '../responses/response-rules.ts';
import type { ResponseRow } from '../responses/responses.repository.ts';
import type { ActivityCatchUpColumns } from '../../db/schema.ts';
import type { ActivityRow } from './activities.repository.ts';
import { parseSubmissions, typedActivity } from './activity-content.ts';

export type PresentOptions = {
  role: Role;
  context: RenderContext;
  /** The caller's own response (students); ignored for teachers. */
  response: ResponseRow | undefined;
  userId: string;
  now: Date;
};

/** Catch-up copies carry the lesson whose live session they replace (a column the live migration adds). */
function catchUpOf(row: ActivityRow & Partial<ActivityCatchUpColumns>): string | null {
  return row.catch_up_for_lesson_id ?? null;
}

export function uploadUrl(upload: { id: string; fileName: string }): string {
  return `/api/uploads/${encodeURIComponent(upload.id)}/${encodeURIComponent(upload.fileName)}`;
}

/** The content a member may see. Quiz answers are removed here for anyone but a teacher. */
function contentView(typed: TypedActivity, role: Role, context: RenderContext) {
  switch (typed.type) {
    case 'page': {
      const rendered = renderMarkdown(typed.content.markdown, context);
      return { type: typed.type, content: { markdown: typed.content.markdown, html: rendered.html, tags: rendered.tags, frontMatter: rendered.frontMatter, tasks: rendered.tasks } };
    }
    case 'video': {
      const { url, uploadId, durationSeconds } = typed.content;
      const embed = url ? parseVideoUrl(url) : null;
      const upload = uploadId ? context.uploads.find((u) => u.id === uploadId) : undefined;
      return {
        type: typed.type,
        content: {
          url: url ?? null,
          uploadId: uploadId ?? null,
          provider: embed?.provider ?? ('file' as const),
          embedUrl: embed?.embedUrl ?? (upload ? uploadUrl(upload) : null),
          durationSeconds: durationSeconds ?? null,
        },
      };
    }
    case 'quiz': {
      const items: QuizItemView[] = typed.content.items.map((item, i) => ({
        id: itemId(item, i),
        prompt: item.prompt,
        kind: item.kind,
        ...(item.kind === 'single' || item.kind === 'multiple' ? { choices: item.choices } : {}),
        ...(role === 'teacher' ? { answer: publicAnswer(item) } : {}),
      }));
      return { type: typed.type, content: { items, attemptsAllowed: typed.content.attemptsAllowed, showAnswersAfterSubmit: typed.content.showAnswersAfterSubmit } };
    }
    case 'poll':
      return { type: typed.type, content: typed.content };
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return { type: typed.type, content: { prompt: typed.content.prompt } };
    case 'checklist':
      return { type: typed.type, content: { items: typed.content.items } };
    case 'link':
      return { type: typed.type, content: typed.content };
  }
}

export function presentResponse(row: ResponseRow | undefined, typed: TypedActivity, activityId: string, userId: string): ActivityResponse {
  const allowed = typed.type === 'quiz' ? typed.content.attemptsAllowed : null;
  const attempts = row ? Number(row.attempts) : 0;
  const last = row ? parseSubmissions(row.submissions).at(-1) : undefined;
  const showAnswers = typed.type === 'quiz' && typed.content.showAnswersAfterSubmit;
  return {
    id: row?.id ?? null,
    activityId,
    userId,
    status: row?.status ?? 'not_started',
    body: row ? (JSON.parse(row.body) as Record<string, unknown>) : {},
    score: row?.score ?? null,
    maxScore: row?.max_score ?? null,
    attempts,
    attemptsRemaining: typed.type === 'quiz' && allowed !== null ? Math.max(0, allowed - attempts) : null,
    late: row?.late === 1,
    submittedAt: row?.submitted_at ?? null,
    feedback: row?.feedback ?? null,
    feedbackAt: row?.feedback_at ?? null,
    lastResult: typed.type === 'quiz' && last?.items ? last.items.map((i) => (showAnswers ? i : { itemId: i.itemId, correct: i.correct })) : null,
    mode: row?.mode ?? 'async',
    revision: row ? Number(row.revision) : 0,
    updatedAt: row?.updated_at ?? null,
  };
}

export function presentActivity(row: ActivityRow, options: PresentOptions, typed: TypedActivity = typedActivity(row)): Activity {
  const view = contentView(typed, options.role, options.context);
  const opensAt = row.opens_at;
  return {
    id: row.id,
    courseId: row.course_id,
    lessonId: row.lesson_id,
    phase: row.phase,
    title: row.title,
    position: Number(row.position),
    estimatedMinutes: row.estimated_minutes === null ? null : Number(row.estimated_minutes),
    opensAt,
    dueAt: row.due_at,
    required: row.required === 1,
    closed: row.closed === 1,
    learningType: LearningType.nullable().catch(null).parse(row.learning_type),
    catchUpForLessonId: catchUpOf(row),
    isOpen: !opensAt || opensAt <= options.now.toISOString(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    myResponse: options.role === 'student' ? presentResponse(options.response, typed, row.id, options.userId) : null,
    ...view,
  };
}
