import { RESPONSE_BODY_SCHEMAS, type ActivityContent, type ActivityType, type ResponseStatus } from '../../../shared/schemas/activities.ts';
import { ApiError, conflict } from '../../lib/errors.ts';
import { checkAnswerShapes, type QuizAnswer } from './quiz-grading.ts';

/** Keys of PUT/submit bodies that steer the write rather than being part of the response. */
export const META_KEYS = ['baseUpdatedAt', 'baseRevision', 'submissionId'] as const;

/** A watched share at or above this marks a video done. */
export const VIDEO_DONE_SHARE = 0.9;

export type TypedActivity = { [K in ActivityType]: { type: K; content: ActivityContent[K]; taskCount: number } }[ActivityType];
export type Body = Record<string, unknown>;

/** Validates the response part of a request body against the activity type's shape (400 otherwise). */
export function parseResponseBody(type: ActivityType, raw: Record<string, unknown>): Body {
  const candidate = Object.fromEntries(Object.entries(raw).filter(([key]) => !(META_KEYS as readonly string[]).includes(key)));
  const parsed = RESPONSE_BODY_SCHEMAS[type].safeParse(candidate);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message }));
    throw new ApiError(400, 'invalid_response', `This is not a valid ${type} response: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  return parsed.data as Body;
}

function indexError(path: string, max: number): ApiError {
  return new ApiError(400, 'invalid_response', `Indices must be between 0 and ${max - 1}`, [{ path, message: `Indices must be between 0 and ${max - 1}` }]);
}

function cleanIndices(values: unknown, max: number, path: string): number[] {
  const list = Array.isArray(values) ? values.filter((v): v is number => typeof v === 'number') : [];
  if (list.some((v) => v >= max)) throw indexError(path, max);
  return [...new Set(list)].sort((a, b) => a - b);
}

/**
 * Merges a draft into the stored body and says what status it earns. Throws 400 when indices
 * or answers do not fit the activity (nothing is stored then).
 */
export function applyDraft(activity: TypedActivity, previous: Body, input: Body): { body: Body; status: ResponseStatus } {
  switch (activity.type) {
    case 'page': {
      const body: Body = { ...previous, ...input };
      if (input.checked !== undefined) body.checked = cleanIndices(input.checked, activity.taskCount, 'body.checked');
      return { body, status: body.done === true ? 'done' : 'in_progress' };
    }
    case 'link':
    case 'question_box':
    case 'discussion': {
      const body: Body = { ...previous, ...input };
      return { body, status: body.done === true ? 'done' : 'in_progress' };
    }
    case 'video': {
      const position = typeof input.positionSeconds === 'number' ? input.positionSeconds : undefined;
      const before = typeof previous.furthestSeconds === 'number' ? previous.furthestSeconds : 0;
      const duration = activity.content.durationSeconds ?? (typeof input.durationSeconds === 'number' ? input.durationSeconds : undefined) ?? (typeof previous.durationSeconds === 'number' ? previous.durationSeconds : undefined);
      const furthest = Math.min(Math.max(before, position ?? 0), duration ?? Number.POSITIVE_INFINITY);
      const body: Body = { ...previous, ...input, furthestSeconds: furthest, ...(duration !== undefined ? { durationSeconds: duration } : {}) };
      const watched = duration !== undefined ? furthest >= VIDEO_DONE_SHARE * duration : input.done === true || previous.done === true;
      if (duration !== undefined) delete body.done;
      return { body, status: watched ? 'done' : 'in_progress' };
    }
    case 'quiz': {
      const answers = input.answers as QuizAnswer[];
      checkAnswerShapes(activity.content.items, answers, false);
      return { body: { answers }, status: 'in_progress' };
    }
    case 'poll': {
      const choice = input.choice as number;
      if (choice >= activity.content.choices.length) throw indexError('body.choice', activity.content.choices.length);
      return { body: { choice }, status: 'done' };
    }
    case 'reflection': {
      const text = String(input.text ?? '');
      return { body: { text }, status: text.trim() ? 'in_progress' : 'not_started' };
    }
    case 'checklist': {
      const total = activity.content.items.length;
      const checked = cleanIndices(input.checked, total, 'body.checked');
      return { body: { checked }, status: checked.length === total ? 'done' : checked.length > 0 ? 'in_progress' : 'not_started' };
    }
  }
}

/** What a non-quiz submission needs before it can count as done. */
export function checkSubmittable(activity: TypedActivity, body: Body, draftStatus: ResponseStatus): void {
  if (activity.type === 'reflection' && !String(body.text ?? '').trim()) {
    throw new ApiError(400, 'empty_response', 'Write something before submitting', [{ path: 'body.text', message: 'Required' }]);
  }
  if (activity.type === 'poll' && typeof body.choice !== 'number') {
    throw new ApiError(400, 'empty_response', 'Choose an answer before submitting', [{ path: 'body.choice', message: 'Required' }]);
  }
  if (activity.type === 'video' && draftStatus !== 'done') {
    throw conflict('not_watched', `Watch at least ${VIDEO_DONE_SHARE * 100}% of the video first`);
  }
}
