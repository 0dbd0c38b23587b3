import type { QuestionView } from '../../../../shared/realtime/protocol.ts';

/** Most votes first, then unanswered before answered, then oldest: the queue a teacher works down. */
export function byVotes(questions: QuestionView[]): QuestionView[] {
  return [...questions].sort((a, b) => Number(a.answered) - Number(b.answered) || b.votes - a.votes || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
