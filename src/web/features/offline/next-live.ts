import { roomPhase } from '../live/room-window.ts';
import type { LiveWindow } from '../../lib/light-schemas.ts';

export type NextLive = { lessonId: string; title: string; startsAt: string; now: boolean };

/** The live session a student goes to next: one whose room is open now, else the soonest to come. */
export function nextLive(lessons: { lessonId: string; title: string }[], windows: Map<string, LiveWindow | null>, now = Date.now()): NextLive | null {
  let best: NextLive | null = null;
  for (const lesson of lessons) {
    const live = windows.get(lesson.lessonId);
    if (!live) continue;
    const phase = roomPhase(live, now);
    if (phase === 'open') return { lessonId: lesson.lessonId, title: lesson.title, startsAt: live.startsAt, now: true };
    if (phase === 'upcoming' && (!best || live.startsAt < best.startsAt)) best = { lessonId: lesson.lessonId, title: lesson.title, startsAt: live.startsAt, now: false };
  }
  return best;
}
