import { describe, expect, it } from 'vitest';
import { nextLive } from './next-live.ts';

const at = (iso: string) => Date.parse(iso);
const window = (startsAt: string, status: 'scheduled' | 'cancelled' = 'scheduled') => ({
  status,
  startsAt,
  roomOpensAt: new Date(at(startsAt) - 10 * 60_000).toISOString(),
  endsAt: new Date(at(startsAt) + 60 * 60_000).toISOString(),
});
const lessons = [
  { lessonId: 'a', title: 'A' },
  { lessonId: 'b', title: 'B' },
  { lessonId: 'c', title: 'C' },
];

describe('nextLive', () => {
  it('is the room open now, before any later one', () => {
    const windows = new Map([
      ['a', window('2026-11-26T10:00:00Z')],
      ['b', window('2026-11-25T09:55:00Z')],
      ['c', null],
    ]);
    expect(nextLive(lessons, windows, at('2026-11-25T10:00:00Z'))).toMatchObject({ lessonId: 'b', now: true });
  });

  it('else the soonest to come, skipping cancelled and finished ones', () => {
    const windows = new Map([
      ['a', window('2026-11-28T10:00:00Z')],
      ['b', window('2026-11-26T10:00:00Z', 'cancelled')],
      ['c', window('2026-11-27T10:00:00Z')],
    ]);
    expect(nextLive(lessons, windows, at('2026-11-25T10:00:00Z'))).toMatchObject({ lessonId: 'c', now: false });
    expect(nextLive(lessons, new Map([['a', window('2026-11-20T10:00:00Z')]]), at('2026-11-25T10:00:00Z'))).toBeNull();
  });
});
