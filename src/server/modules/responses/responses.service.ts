import { isDeepStrictEqual } from 'node:util';
import type { ActivityResponse, QuizItem, QuizItemResult, SubmitResult } from '../../../shared/schemas/activities.ts';
import { ApiError, conflict } from '../../lib/errors.ts';
import type { ActivityRow } from '../activities/activities.repository.ts';
import type { ActivityAccessPolicy } from '../activities/activity-access.ts';
import { parseSubmissions, typedActivity, type SubmissionLogEntry } from '../activities/activity-content.ts';
import { presentResponse } from '../activities/activity.presenter.ts';
import { checkAnswerShapes, gradeQuiz, type QuizAnswer } from './quiz-grading.ts';
import { applyDraft, checkSubmittable, META_KEYS, parseResponseBody, type Body } from './response-rules.ts';
import type { ResponseRow, ResponsesRepository } from './responses.repository.ts';

/** 409 stale_response: carries the server copy so the route can hand it back. */
export class StaleResponseError extends ApiError {
  readonly current: ActivityResponse;
  constructor(current: ActivityResponse) {
    super(409, 'stale_response', 'This response changed elsewhere since you loaded it; the current copy is attached');
    this.current = current;
  }
}

/** Called after a graded quiz submission is stored (readiness keeps per-item results from it). */
export type QuizGradedHook = (event: {
  responseId: string;
  activity: ActivityRow;
  userId: string;
  items: QuizItem[];
  answers: QuizAnswer[];
  results: QuizItemResult[];
  submittedAt: string;
}) => Promise<void>;

export type WriteMeta = { baseUpdatedAt?: string | undefined; baseRevision?: number | undefined; submissionId?: string | undefined };

const MAX_RACES = 5;

function responsePart(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !(META_KEYS as readonly string[]).includes(key)));
}

/** Refuses writes the activity does not take right now (409), before anything is stored. */
function ensureWritable(activity: ActivityRow, now: Date): void {
  if (activity.closed === 1) throw conflict('activity_closed', 'The teacher has closed this activity; it no longer takes responses');
  if (activity.opens_at && new Date(activity.opens_at) > now) throw conflict('not_open', `This activity opens at ${activity.opens_at}`);
}

function isStale(row: ResponseRow, meta: WriteMeta): boolean {
  if (meta.baseRevision !== undefined && meta.baseRevision !== Number(row.revision)) return true;
  return meta.baseUpdatedAt !== undefined && new Date(meta.baseUpdatedAt).getTime() !== new Date(row.updated_at).getTime();
}

const isPastDue = (activity: ActivityRow, now: Date) => activity.due_at !== null && now > new Date(activity.due_at);

export function createResponsesService(deps: { responses: ResponsesRepository; access: ActivityAccessPolicy; quizGraded?: QuizGradedHook | undefined }) {
  const { responses, access } = deps;

  return {
    /** The caller's own response to an activity (student), or the empty one. */
    async mine(activityId: string, userId: string): Promise<ActivityResponse> {
      const { activity } = await access.forStudent(activityId, userId);
      return presentResponse(await responses.findOne(activityId, userId), typedActivity(activity), activityId, userId);
    },

    /**
     * Autosave. Same content again is a no-op (idempotent); a write based on an older copy than
     * the server's is refused with the server copy (StaleResponseError) instead of overwriting it.
     */
    async save(activityId: string, userId: string, raw: Record<string, unknown> & WriteMeta, now = new Date()): Promise<ActivityResponse> {
      const { activity } = await access.forStudent(activityId, userId);
      ensureWritable(activity, now);
      const typed = typedActivity(activity);
      const input = parseResponseBody(typed.type, raw);
      for (let race = 0; race < MAX_RACES; race++) {
        const existing = await responses.findOne(activityId, userId);
        const previous: Body = existing ? JSON.parse(existing.body) : {};
        const { body, status } = applyDraft(typed, previous, input);
        const unchanged = existing !== undefined && isDeepStrictEqual(body, previous);
        if (existing && isStale(existing, raw)) {
          if (unchanged) return presentResponse(existing, typed, activityId, userId);
          throw new StaleResponseError(presentResponse(existing, typed, activityId, userId));
        }
        const row = existing ?? (await responses.ensure(activityId, userId, activity.course_id));
        const finalStatus = row.submitted_at ? 'done' : status;
        if (unchanged && finalStatus === row.status) return presentResponse(row, typed, activityId, userId);
        const becameDone = finalStatus === 'done' && row.status !== 'done';
        const stamp = now.toISOString();
        const ok = await responses.updateIfRevision(row.id, Number(row.revision), {
          body: JSON.stringify(body),
          status: finalStatus,
          late: row.late === 1 || (becameDone && isPastDue(activity, now)) ? 1 : 0,
          mode: 'async',
          updated_at: stamp,
        });
        if (ok) return presentResponse(await responses.findById(row.id), typed, activityId, userId);
      }
      throw conflict('busy', 'This response is being changed elsewhere; try again');
    },

    /**
     * Submits (quizzes are graded). With a `submissionId`, a retry returns the first result and
     * never counts a second attempt. After dueAt it is accepted and marked late; a closed
     * activity (409 activity_closed), one not open yet (409 not_open) or a used-up quiz
     * (409 attempts_exhausted) refuse it and nothing changes.
     */
    async submit(activityId: string, userId: string, raw: Record<string, unknown> & WriteMeta, now = new Date()): Promise<SubmitResult> {
      const { activity } = await access.forStudent(activityId, userId);
      const typed = typedActivity(activity);
      const replay = (row: ResponseRow, entry: SubmissionLogEntry): SubmitResult => ({
        response: presentResponse(row, typed, activityId, userId),
        score: entry.score,
        maxScore: entry.maxScore,
        items: entry.items,
        attempt: entry.attempt,
        late: entry.late,
      });
      // A retry of a stored submission: the first try may have died (a crash) between storing the
      // response and the graded hook, so the hook runs again — it is idempotent — as long as the
      // row is still exactly as that submission left it (no later draft to mistake for it).
      const completeGraded = async (row: ResponseRow, entry: SubmissionLogEntry): Promise<void> => {
        if (typed.type !== 'quiz' || !deps.quizGraded || !entry.items || row.updated_at !== entry.submittedAt || row.submitted_at !== entry.submittedAt) return;
        const answers = (JSON.parse(row.body).answers ?? []) as QuizAnswer[];
        await deps.quizGraded({ responseId: row.id, activity, userId, items: typed.content.items, answers, results: entry.items, submittedAt: entry.submittedAt });
      };
      const given = responsePart(raw);
      const input = Object.keys(given).length > 0 ? parseResponseBody(typed.type, given) : null;
      if (typed.type === 'quiz' && input) checkAnswerShapes(typed.content.items, input.answers as QuizAnswer[], true);

      for (let race = 0; race < MAX_RACES; race++) {
        const existing = await responses.findOne(activityId, userId);
        const prior = existing && raw.submissionId ? parseSubmissions(existing.submissions).find((s) => s.submissionId === raw.submissionId) : undefined;
        if (existing && prior) {
          await completeGraded(existing, prior);
          return replay(existing, prior);
        }
        ensureWritable(activity, now);
        const previous: Body = existing ? JSON.parse(existing.body) : {};
        const late = (existing?.late === 1) || isPastDue(activity, now);
        const attempt = (existing ? Number(existing.attempts) : 0) + 1;
        let body: Body;
        let graded: { score: number; maxScore: number; items: SubmissionLogEntry['items'] } | null = null;

        if (typed.type === 'quiz') {
          const allowed = typed.content.attemptsAllowed;
          if (allowed !== null && attempt > allowed) throw conflict('attempts_exhausted', `This quiz allows ${allowed} attempt${allowed === 1 ? '' : 's'}`);
          const draft = Array.isArray(previous.answers) ? (previous.answers as QuizAnswer[]) : null;
          if (!input && !draft) throw new ApiError(400, 'invalid_answers', 'No answers to submit', [{ path: 'body.answers', message: 'Required' }]);
          const answers = input ? (input.answers as QuizAnswer[]) : typed.content.items.map((_, i) => draft![i] ?? null);
          graded = gradeQuiz(typed.content, answers);
          body = { answers };
        } else {
          const draft = input ? applyDraft(typed, previous, input) : { body: previous, status: existing?.status ?? 'not_started' };
          checkSubmittable(typed, draft.body, draft.status);
          body = draft.body;
        }

        const stamp = now.toISOString();
        const entry: SubmissionLogEntry = {
          submissionId: raw.submissionId ?? null,
          attempt,
          submittedAt: stamp,
          late,
          score: graded?.score ?? null,
          maxScore: graded?.maxScore ?? null,
          items: graded?.items ?? null,
        };
        const changes = {
          body: JSON.stringify(body),
          status: 'done' as const,
          mode: 'async' as const,
          late: late ? 1 : 0,
          attempts: attempt,
          submitted_at: stamp,
          submissions: JSON.stringify([...parseSubmissions(existing?.submissions ?? '[]'), entry].slice(-50)),
          ...(graded ? { score: graded.score, max_score: graded.maxScore } : {}),
          updated_at: stamp,
        };
        // A first submission is one insert (not an empty row, then an update): one commit fewer,
        // which on SQLite is one disk sync fewer in a deadline storm. A racing creator makes it fail; go round again.
        const id = existing
          ? (await responses.updateIfRevision(existing.id, Number(existing.revision), changes)) ? existing.id : undefined
          : await responses.insertSubmitted({ activityId, userId, courseId: activity.course_id, ...changes });
        if (id) {
          if (graded && typed.type === 'quiz' && deps.quizGraded) {
            const answers = (body.answers ?? []) as QuizAnswer[];
            await deps.quizGraded({ responseId: id, activity, userId, items: typed.content.items, answers, results: graded.items ?? [], submittedAt: stamp });
          }
          return replay((await responses.findById(id))!, entry);
        }
      }
      throw conflict('busy', 'This response is being changed elsewhere; try again');
    },
  };
}
export type ResponsesService = ReturnType<typeof createResponsesService>;
