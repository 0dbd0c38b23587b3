import type { Out } from './out.ts';
import { questionView } from './views.ts';
import { RoomError, type RoomContext, type RoomQuestion, type RoomState } from './state.ts';

export function askQuestion(state: RoomState, text: string, ctx: RoomContext, out: Out): void {
  const question: RoomQuestion = {
    id: ctx.newId,
    text,
    source: 'live',
    authorId: ctx.actor.userId,
    authorName: ctx.actor.name,
    votes: [],
    answered: false,
    createdAt: ctx.now,
  };
  state.questions.push(question);
  out.effect({ type: 'question.insert', question });
  out.byRole((role) => ({ type: 'question.added', question: questionView(question, role) }));
}

function find(state: RoomState, questionId: string): RoomQuestion {
  const question = state.questions.find((q) => q.id === questionId);
  if (!question) throw new RoomError('unknown_question', 'No such question in this session');
  return question;
}

/** Toggles the caller's upvote. */
export function voteQuestion(state: RoomState, questionId: string, ctx: RoomContext, out: Out): void {
  const question = find(state, questionId);
  const userId = ctx.actor.userId;
  const on = !question.votes.includes(userId);
  question.votes = on ? [...question.votes, userId] : question.votes.filter((id) => id !== userId);
  out.effect({ type: 'question.vote', questionId, userId, on, at: ctx.now });
  out.byRole((role) => ({ type: 'question.updated', question: questionView(question, role) }));
  const voted = state.questions.filter((q) => q.votes.includes(userId)).map((q) => q.id).sort();
  out.users([userId], { type: 'me.changed', me: { votedQuestionIds: voted } });
}

export function markAnswered(state: RoomState, questionId: string, answered: boolean, ctx: RoomContext, out: Out): void {
  const question = find(state, questionId);
  if (question.answered === answered) return;
  question.answered = answered;
  out.effect({ type: 'question.answered', questionId, answered, at: ctx.now });
  out.byRole((role) => ({ type: 'question.updated', question: questionView(question, role) }));
}
