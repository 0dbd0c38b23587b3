import { ClientCommand, type ClientCommandInput } from '../../../shared/realtime/protocol.ts';
import { reduce, type RoomCommand } from './reduce.ts';
import { initialRoomState, type Actor, type RoomResult, type RoomState, type RoomStep } from './state.ts';

/** Test helpers for the pure room: a small class and a clock that moves one second per command. */
export const teacher: Actor = { userId: 't1', name: 'Teacher', role: 'teacher' };
export const students: Actor[] = [
  { userId: 's1', name: 'Ada', role: 'student' },
  { userId: 's2', name: 'Ben', role: 'student' },
  { userId: 's3', name: 'Chloé', role: 'student' },
];

export const steps: RoomStep[] = [
  { activityId: 'a-page', type: 'page', title: 'Warm-up', poll: null },
  { activityId: 'a-poll', type: 'poll', title: 'Check-in', poll: { kind: 'poll', question: 'Ready?', choices: ['Yes', 'No', 'Unsure'], anonymous: false } },
  {
    activityId: 'a-quiz',
    type: 'quiz',
    title: 'Exit ticket',
    poll: {
      kind: 'quiz',
      anonymous: false,
      items: [
        { prompt: '2+2?', kind: 'single', choices: ['3', '4'], answer: 1 },
        { prompt: 'Primes?', kind: 'multiple', choices: ['2', '4', '5'], answer: [0, 2] },
        { prompt: 'Name it', kind: 'text', choices: [], answer: ['x'] },
      ],
    },
  },
  { activityId: 'a-anon', type: 'poll', title: 'Mood', poll: { kind: 'poll', question: 'How do you feel?', choices: ['🙂', '😐'], anonymous: true } },
];

export class RoomDriver {
  state: RoomState;
  clock = Date.parse('2026-11-25T08:00:00.000Z');
  ids = 0;
  last: RoomResult | undefined;

  constructor(state: RoomState = initialRoomState({ lessonId: 'L1', now: '2026-11-25T08:00:00.000Z', videoBase: 'https://meet.jit.si/tandem-L1', steps })) {
    this.state = state;
  }

  run(actor: Actor, command: RoomCommand): RoomResult {
    this.clock += 1000;
    this.ids += 1;
    const result = reduce(this.state, command, { actor, now: new Date(this.clock).toISOString(), newId: `id${this.ids}`, seed: this.ids });
    if (result.ok) this.state = result.state;
    this.last = result;
    return result;
  }

  /** A client command, parsed the way the gateway parses it (defaults applied). */
  send(actor: Actor, input: ClientCommandInput): RoomResult {
    return this.run(actor, ClientCommand.parse(input));
  }

  join(actor: Actor, socketId = `${actor.userId}-sock`): RoomResult {
    return this.run(actor, { type: 'member.join', socketId });
  }

  joinAll(): this {
    this.join(teacher);
    for (const s of students) this.join(s);
    return this;
  }
}
