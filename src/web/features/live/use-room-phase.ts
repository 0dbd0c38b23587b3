import { useEffect, useState } from 'react';
import { nextChangeIn, roomPhase, type RoomPhase, type RoomTimes } from './room-window.ts';

/** The room phase, re-evaluated exactly when it changes (the Join button appears on time). */
export function useRoomPhase(live: RoomTimes | null | undefined): RoomPhase | null {
  const [tick, setTick] = useState(0);
  const status = live?.status;
  const opensAt = live?.roomOpensAt;
  const endsAt = live?.endsAt;
  useEffect(() => {
    if (status === undefined || opensAt === undefined || endsAt === undefined) return;
    const wait = nextChangeIn({ status, roomOpensAt: opensAt, endsAt });
    if (wait === null) return;
    // setTimeout cannot wait longer than ~24.8 days; it re-checks then.
    const timer = window.setTimeout(() => setTick((n) => n + 1), Math.min(wait + 250, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [status, opensAt, endsAt, tick]);
  return live ? roomPhase(live) : null;
}
