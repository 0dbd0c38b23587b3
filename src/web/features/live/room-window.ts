/**
 * When students may be in the room. The server (src/server/realtime/CONTEXT.md) lets them in from
 * `roomOpensAt` until the teacher ends the session, or one hour after the scheduled end; the
 * client mirrors that to decide when to show a Join button. The room itself has the last word.
 */
export const ROOM_STAYS_OPEN_MINUTES = 60;

export type RoomTimes = { status: string; roomOpensAt: string; endsAt: string };

export type RoomPhase = 'cancelled' | 'upcoming' | 'open' | 'over';

export function roomPhase(live: RoomTimes, now: number = Date.now()): RoomPhase {
  if (live.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(live.roomOpensAt)) return 'upcoming';
  if (now >= Date.parse(live.endsAt) + ROOM_STAYS_OPEN_MINUTES * 60_000) return 'over';
  return 'open';
}

/** Milliseconds until the phase can next change (for one timer instead of polling), or null. */
export function nextChangeIn(live: RoomTimes, now: number = Date.now()): number | null {
  const phase = roomPhase(live, now);
  if (phase === 'upcoming') return Date.parse(live.roomOpensAt) - now;
  if (phase === 'open') return Date.parse(live.endsAt) + ROOM_STAYS_OPEN_MINUTES * 60_000 - now;
  return null;
}
