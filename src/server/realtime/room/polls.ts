import type { ClientCommand } from '../../../shared/realtime/protocol.ts';
import type { Out } from './out.ts';
import { pollResponses, pollView } from './views.ts';
import { countAnswers, RoomError, summarisePoll, type RoomContext, type RoomPoll, type RoomState } from './state.ts';

const CHOICE_KINDS = new Set(['single', 'multiple']);

/** The right choices of a quiz item, as indices; null when the key is not a choice key. */
function correctChoices(kind: string, answer: unknown): number[] | null {
  if (kind === 'single' && typeof answer === 'number') return [answer];
  if (kind === 'multiple' && Array.isArray(answer) && answer.every((a) => typeof a === 'number')) return [...answer].sort((a, b) => a - b);
  return null;
}

function archive(state: RoomState, poll: RoomPoll): void {
  state.pollHistory = [...state.pollHistory.filter((p) => p.pollId !== poll.id), summarisePoll(poll)];
}

export function openPoll(state: RoomState, command: Extract<ClientCommand, { type: 'poll.open' }>, ctx: RoomContext, out: Out): void {
  const step = state.steps.find((s) => s.activityId === command.activityId);
  if (!step?.poll) throw new RoomError('unknown_activity', 'This is not a live poll or quiz of the lesson');
  const source = step.poll;
  let poll: RoomPoll;
  const base = { id: ctx.newId, activityId: step.activityId, anonymous: source.anonymous, status: 'open' as const, revealed: false, openedAt: ctx.now, closedAt: null, answers: {} };
  if (source.kind === 'poll') {
    if (command.itemIndex !== undefined && command.itemIndex !== 0) throw new RoomError('invalid_choice', 'A poll has a single question');
    poll = { ...base, itemIndex: null, kind: 'poll', question: source.question, choices: source.choices, multiple: false, correct: null, itemCount: 1 };
  } else {
    const itemIndex = command.itemIndex ?? 0;
    const item = source.items[itemIndex];
    if (!item || !CHOICE_KINDS.has(item.kind)) throw new RoomError('invalid_choice', 'Only single- or multiple-choice quiz items run live');
    poll = {
      ...base,
      itemIndex,
      kind: 'quiz',
      question: item.prompt,
      choices: item.choices,
      multiple: item.kind === 'multiple',
      correct: correctChoices(item.kind, item.answer),
      itemCount: source.items.length,
    };
  }
  const previous = state.poll;
  if (previous && previous.status === 'open') archive(state, { ...previous, status: 'closed', closedAt: ctx.now });
  state.poll = poll;
  out.byRole((role) => ({ type: 'poll.opened', poll: pollView(state, poll, role) }));
}

export function answerPoll(state: RoomState, command: Extract<ClientCommand, { type: 'poll.answer' }>, ctx: RoomContext, out: Out): void {
  const poll = state.poll;
  if (!poll || poll.id !== command.pollId || poll.status !== 'open') throw new RoomError('no_open_poll', 'This poll is not open');
  const choice = [...new Set(Array.isArray(command.choice) ? command.choice : [command.choice])].sort((a, b) => a - b);
  if (choice.some((c) => c >= poll.choices.length)) throw new RoomError('invalid_choice', `Choose between 0 and ${poll.choices.length - 1}`);
  if (!poll.multiple && choice.length !== 1) throw new RoomError('invalid_choice', 'Choose one answer');
  const userId = ctx.actor.userId;
  poll.answers[userId] = choice;
  out.effect({ type: 'response.live', activityId: poll.activityId, userId, kind: poll.kind, itemIndex: poll.itemIndex, itemCount: poll.itemCount, choice, multiple: poll.multiple });
  out.users([userId], { type: 'me.changed', me: { pollAnswer: { pollId: poll.id, choice } } });
  // Whole values, built when sent: a batch of answers sends the final counts once (out.ts).
  out.latest({ to: 'teachers' }, `poll.results:${poll.id}:teachers`, () => ({ type: 'poll.results', pollId: poll.id, results: countAnswers(poll), responses: pollResponses(state, poll, 'teacher') }));
  if (poll.revealed) out.latest({ to: 'students' }, `poll.results:${poll.id}:students`, () => ({ type: 'poll.results', pollId: poll.id, results: countAnswers(poll), responses: null }));
}

export function revealPoll(state: RoomState, out: Out): void {
  const poll = state.poll;
  if (!poll) throw new RoomError('no_open_poll', 'No poll to reveal');
  if (poll.revealed) return;
  poll.revealed = true;
  out.byRole((role) => ({ type: 'poll.revealed', poll: pollView(state, poll, role) }));
}

export function closePoll(state: RoomState, ctx: RoomContext, out: Out): void {
  const poll = state.poll;
  if (!poll || poll.status !== 'open') throw new RoomError('no_open_poll', 'No poll is open');
  poll.status = 'closed';
  poll.closedAt = ctx.now;
  archive(state, poll);
  out.byRole((role) => ({ type: 'poll.closed', poll: pollView(state, poll, role) }));
}
