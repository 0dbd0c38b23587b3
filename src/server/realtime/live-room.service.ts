import crypto from 'node:crypto';
import type { ProtocolError, Role, RoomView } from '../../shared/realtime/protocol.ts';
import { newId, nowIso } from '../lib/ids.ts';
import type { LiveRepository } from '../modules/live/live.repository.ts';
import { breakoutVideoBase } from '../modules/live/video-link.ts';
import { reduce, type RoomCommand } from './room/reduce.ts';
import { initialRoomState, type Actor, type Effect, type Outgoing, type RoomState } from './room/state.ts';
import { viewFor } from './room/views.ts';
import { VersionConflict, type RoomRepository } from './room-repository.ts';

export type RoomOutcome = { ok: true; state: RoomState; events: Outgoing[]; ended: boolean } | { ok: false; error: ProtocolError };

const MAX_ATTEMPTS = 8;
/** Students may stay this long past the scheduled end when the teacher does not end the session. */
const GRACE_AFTER_END_MS = 60 * 60_000;

/**
 * Runs room commands against the stored room: load, reduce (pure), save with effects, retry
 * when another node wrote first. Knows nothing of sockets: the gateway broadcasts the events.
 */
export function createLiveRoomService(deps: {
  rooms: RoomRepository;
  live: LiveRepository;
  roomOpensMinutes: number;
  jitsiBaseUrl: string;
  now?: () => Date;
}) {
  const { rooms, live } = deps;
  const clock = deps.now ?? (() => new Date());
  // One command at a time per room on this node: fewer version conflicts, same result.
  const queues = new Map<string, Promise<unknown>>();

  function serialised<T>(lessonId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(lessonId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(lessonId, settled);
    void settled.then(() => {
      if (queues.get(lessonId) === settled) queues.delete(lessonId);
    });
    return next;
  }

  async function ensureRoom(lessonId: string): Promise<RoomState> {
    const existing = await rooms.load(lessonId);
    if (existing) return existing;
    const session = await live.findByLesson(lessonId);
    const state = initialRoomState({
      lessonId,
      now: clock().toISOString(),
      videoBase: breakoutVideoBase({ lessonId, videoUrl: session?.video_url ?? null, jitsiBaseUrl: deps.jitsiBaseUrl }),
    });
    await rooms.create(lessonId, session?.id ?? null, state, nowIso());
    return (await rooms.load(lessonId)) ?? state;
  }

  async function run(room: { lessonId: string; courseId: string }, commands: RoomCommand[], actor: Actor): Promise<RoomOutcome> {
    return serialised(room.lessonId, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const before = await ensureRoom(room.lessonId);
        let state = before;
        const events: Outgoing[] = [];
        const effects: Effect[] = [];
        for (const command of commands) {
          const now = clock().toISOString();
          const result = reduce(state, command, { actor, now, newId: newId(), seed: crypto.randomInt(2 ** 31) });
          if (!result.ok) return result;
          state = result.state;
          events.push(...result.events);
          effects.push(...result.effects);
        }
        if (state.version === before.version) return { ok: true, state, events, ended: false };
        try {
          await rooms.save(room, before.version, state, effects, nowIso());
          return { ok: true, state, events, ended: effects.some((e) => e.type === 'session.ended') };
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
        }
      }
      return { ok: false, error: { code: 'conflict', message: 'The room is very busy; try again' } };
    });
  }

  return {
    /**
     * Who may enter: members only (others get not_found); teachers at any time; students from
     * roomOpensAt until the session ends (or an hour past its scheduled end).
     */
    async access(lessonId: string, userId: string): Promise<{ ok: true; courseId: string; role: Role } | { ok: false; error: ProtocolError }> {
      const lesson = await rooms.lesson(lessonId);
      const membership = lesson ? await rooms.membership(lesson.course_id, userId) : undefined;
      if (!lesson || !membership) return { ok: false, error: { code: 'not_found', message: 'No such lesson' } };
      if (membership.role === 'teacher') return { ok: true, courseId: lesson.course_id, role: 'teacher' };
      const session = await live.findByLesson(lessonId);
      if (!session) return { ok: false, error: { code: 'room_not_open', message: 'This lesson has no live session' } };
      if (session.status === 'cancelled') return { ok: false, error: { code: 'session_cancelled', message: 'This live session was cancelled' } };
      const start = Date.parse(session.starts_at);
      const now = clock().getTime();
      if (now < start - deps.roomOpensMinutes * 60_000) {
        return { ok: false, error: { code: 'room_not_open', message: `The room opens ${deps.roomOpensMinutes} minutes before the session` } };
      }
      const over = now > start + Number(session.duration_minutes) * 60_000 + GRACE_AFTER_END_MS;
      if (over || (await rooms.load(lessonId))?.status === 'ended') return { ok: false, error: { code: 'session_ended', message: 'This live session has ended' } };
      return { ok: true, courseId: lesson.course_id, role: 'student' };
    },

    /**
     * Enters the room: refreshes the run-sheet and the questions from the database, forgets
     * sockets no node knows any more, and marks this one present.
     */
    async join(room: { lessonId: string; courseId: string }, actor: Actor, socketId: string, liveSocketIds: string[] | undefined): Promise<RoomOutcome> {
      const [steps, questions] = await Promise.all([rooms.steps(room.lessonId), rooms.questions(room.lessonId)]);
      const commands: RoomCommand[] = [
        { type: 'steps.sync', steps },
        { type: 'questions.sync', questions },
        ...(liveSocketIds ? [{ type: 'presence.sync' as const, socketIds: [...liveSocketIds, socketId] }] : []),
        { type: 'member.join', socketId },
      ];
      return run(room, commands, actor);
    },

    leave(room: { lessonId: string; courseId: string }, actor: Actor, socketId: string): Promise<RoomOutcome> {
      return run(room, [{ type: 'member.leave', socketId }], actor);
    },

    command(room: { lessonId: string; courseId: string }, actor: Actor, command: RoomCommand): Promise<RoomOutcome> {
      return run(room, [command], actor);
    },

    view(state: RoomState, viewer: { userId: string; role: Role }): RoomView {
      return viewFor(state, viewer);
    },

    load: (lessonId: string) => rooms.load(lessonId),
  };
}
export type LiveRoomService = ReturnType<typeof createLiveRoomService>;
