import { describe, expect, it } from 'vitest';
import { nextChangeIn, roomPhase } from './room-window.ts';

const live = { status: 'scheduled', roomOpensAt: '2026-11-25T17:50:00Z', endsAt: '2026-11-25T19:00:00Z' };
const at = (iso: string) => Date.parse(iso);

describe('room window', () => {
  it('opens at roomOpensAt and stays open an hour after the scheduled end', () => {
    expect(roomPhase(live, at('2026-11-25T17:49:59Z'))).toBe('upcoming');
    expect(roomPhase(live, at('2026-11-25T17:50:00Z'))).toBe('open');
    expect(roomPhase(live, at('2026-11-25T19:59:59Z'))).toBe('open');
    expect(roomPhase(live, at('2026-11-25T20:00:00Z'))).toBe('over');
  });

  it('never opens a cancelled session', () => {
    expect(roomPhase({ ...live, status: 'cancelled' }, at('2026-11-25T18:00:00Z'))).toBe('cancelled');
    expect(nextChangeIn({ ...live, status: 'cancelled' }, at('2026-11-25T18:00:00Z'))).toBeNull();
  });

  it('says when to look again', () => {
    expect(nextChangeIn(live, at('2026-11-25T17:40:00Z'))).toBe(10 * 60_000);
    expect(nextChangeIn(live, at('2026-11-25T19:30:00Z'))).toBe(30 * 60_000);
    expect(nextChangeIn(live, at('2026-11-25T21:00:00Z'))).toBeNull();
  });
});
