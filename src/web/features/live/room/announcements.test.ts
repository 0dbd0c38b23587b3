import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../../../shared/realtime/protocol.ts';
import { announcementsFor } from './announcements.ts';
import { byVotes } from './questions-order.ts';

function room(patch: Partial<RoomView> = {}, me: Partial<RoomView['me']> = {}): RoomView {
  return {
    protocol: 1,
    lessonId: 'l1',
    version: 1,
    status: 'open',
    endedAt: null,
    steps: [
      { activityId: 'a1', type: 'page', title: 'Warm-up', pollable: false },
      { activityId: 'a2', type: 'poll', title: 'Check-in', pollable: true },
    ],
    pace: 'teacher',
    step: 0,
    progress: [],
    present: [],
    poll: null,
    questions: [],
    hands: [],
    groups: null,
    chat: [],
    chatMuted: false,
    mutedUserIds: [],
    timer: null,
    ...patch,
    me: { userId: 's1', role: 'student', step: 0, pollAnswer: null, votedQuestionIds: [], hand: null, groupId: null, muted: false, ...me },
  };
}

const poll = {
  id: 'p1', activityId: 'a2', itemIndex: null, kind: 'poll' as const, question: 'Ready?', choices: ['Yes', 'No'], multiple: false, anonymous: false,
  status: 'open' as const, revealed: false, openedAt: '2026-01-01T00:00:00Z', closedAt: null, results: null, correct: null, responses: null,
};

describe('live room announcements', () => {
  it('announces nothing on the first view (the page itself says where we are)', () => {
    expect(announcementsFor(null, room())).toEqual([]);
  });

  it('announces a new step with its title and place', () => {
    expect(announcementsFor(room(), room({ step: 1 }, { step: 1 }))).toEqual([{ key: 'step', values: { title: 'Check-in', number: 2, total: 2 } }]);
  });

  it('announces a poll opening once, then its reveal', () => {
    const opened = room({ poll });
    expect(announcementsFor(room(), opened)).toEqual([{ key: 'pollOpened', values: { question: 'Ready?' } }]);
    // Results coming in are not announced: they change many times a second.
    expect(announcementsFor(opened, room({ poll: { ...poll, results: { counts: [1, 0], total: 1 } } }))).toEqual([]);
    expect(announcementsFor(opened, room({ poll: { ...poll, revealed: true } }))).toEqual([{ key: 'pollRevealed' }]);
  });

  it('tells a student their hand was taken, and their group', () => {
    const hand = { id: 'h1', raisedAt: '2026-01-01T00:00:00Z', helping: false, userId: null, name: null, note: null };
    const up = room({ hands: [hand] }, { hand: { id: 'h1', note: '', raisedAt: hand.raisedAt } });
    const taken = room({ hands: [{ ...hand, helping: true }] }, { hand: { id: 'h1', note: '', raisedAt: hand.raisedAt } });
    expect(announcementsFor(up, taken)).toEqual([{ key: 'handTaken' }]);

    const groups = { task: '', assignedAt: '2026-01-01T00:00:00Z', endsAt: null, broadcasts: [], groups: [{ id: 'g1', name: 'Group 1', members: [], task: '', videoUrl: 'https://x', chat: [] }] };
    expect(announcementsFor(room(), room({ groups }, { groupId: 'g1' }))).toEqual([{ key: 'groupAssigned', values: { name: 'Group 1' } }]);
    expect(announcementsFor(room({ groups }, { groupId: 'g1' }), room())).toEqual([{ key: 'groupsEnded' }]);
  });

  it('does not announce chat, votes or people arriving', () => {
    const chat = [{ id: 'c1', userId: 'x', name: 'X', text: 'hi', at: '2026-01-01T00:00:00Z', groupId: null }];
    expect(announcementsFor(room(), room({ chat, present: [{ userId: 'x', name: 'X', role: 'student' }] }))).toEqual([]);
  });

  it('tells the teacher when more students wait for help, and says only "ended" at the end', () => {
    const teacher = { userId: 't1', role: 'teacher' as const };
    const hand = { id: 'h1', raisedAt: '2026-01-01T00:00:00Z', helping: false, userId: 's1', name: 'Sam', note: null };
    expect(announcementsFor(room({}, teacher), room({ hands: [hand] }, teacher))).toEqual([{ key: 'handsWaiting', values: { count: 1 } }]);
    expect(announcementsFor(room(), room({ status: 'ended', step: 1 }, { step: 1 }))).toEqual([{ key: 'ended' }]);
  });
});

describe('question order', () => {
  it('puts open questions first, most votes first, then oldest', () => {
    const q = (id: string, votes: number, answered: boolean, createdAt: string) => ({ id, text: id, source: 'live' as const, votes, answered, createdAt, authorName: null });
    const sorted = byVotes([q('a', 1, false, '1'), q('b', 5, true, '2'), q('c', 3, false, '3'), q('d', 3, false, '0')]);
    expect(sorted.map((x) => x.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
