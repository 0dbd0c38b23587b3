import { z } from 'zod';
import { Id, Instant } from './common.ts';

/** Questions students bring to class (question_box) — the same rows feed the live Q&A. */
export const AskQuestionBody = z.object({ text: z.string().trim().min(1).max(2000) });
export type AskQuestionBody = z.input<typeof AskQuestionBody>;

export const Question = z.object({
  id: Id,
  lessonId: Id,
  activityId: Id.nullable(),
  text: z.string(),
  votes: z.int(),
  votedByMe: z.boolean(),
  /** The caller asked it (shown so they can delete it; classmates never learn who asked). */
  mine: z.boolean(),
  answered: z.boolean(),
  source: z.enum(['prework', 'live']),
  createdAt: Instant,
  /** Teachers only. */
  askedBy: z.object({ userId: Id, name: z.string() }).optional(),
});
export type Question = z.infer<typeof Question>;

export const QuestionEnvelope = z.object({ question: Question });
/** Most votes first, then oldest first. */
export const QuestionList = z.object({ questions: z.array(Question) });
export const QuestionParams = z.object({ questionId: Id });
export const VoteResult = z.object({ question: Question, voted: z.boolean() });
export const UpdateQuestionBody = z.object({ answered: z.boolean() });
