import crypto from 'node:crypto';
import type { ProtocolError, Role, RoomView } from '../../shared/realtime/protocol.ts';
import { newId, nowIso } from '../lib/ids.ts';
import type { LiveRepository } from '../modules/live/live.repository.ts';
import { breakoutVideoBase } from '../modules/live/video-link.ts';
import { applyBatch, type BatchOutcome, type RoomCommand } from './room/reduce.ts';
import { initialRoomState, type Actor, type Outgoing, type RoomState } from './room/state.ts';
import { viewFor } from './room/views.ts';
import { VersionConflict, type RoomRepository } from './room-repository.ts';

/** `state`: the room after the command's batch — read it at once, the next batch may change it in place. */
export type RoomOutcome = { ok: true; state: RoomState; events: Outgoing[]; ended: boolean } | { ok: false; error: ProtocolError };

const MAX_ATTEMPTS = 8;
/** Jobs per batch: bounds one transaction's size and the wait of the last job in it. */
const MAX_BATCH = 250;
/** Rooms whose latest state this node keeps in memory. */
const KEPT_ROOMS = 20;
/** The longest a command waits for others to share its save. */
const MAX_GROUP_WAIT_MS = 50;

type Settled = { outcome: RoomOutcome } | { error: unknown };
type Job = { room: { lessonId: string; courseId: string }; actor: Actor; commands: RoomCommand[]; resolve: (outcome: RoomOutcome) => void; reject: (error: unknown) => void };
/** Students may stay this long past the scheduled end when the teacher does not end the session. */
const GRACE_AFTER_END_MS = 60 * 60_000;

/**
 * Runs room commands against the stored room: load, apply, save with effects, retry when another
 * node wrote first — for a whole batch of queued commands at once. Knows nothing of sockets: the
 * gateway broadcasts the events (each outcome carries its own job's events and the batch's state).
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
  // Commands of one room run one batch at a time on this node: fewer version conflicts, and a
  // burst (1,000 answers, 1,000 joins) costs a few loads, saves and commits instead of 1,000.
  const queues = new Map<string, Job[]>();
  // When each room last finished saving, and how long that took (for the group-commit window).
  const lastSave = new Map<string, { end: number; ms: number }>();

  // The room as this node last saved it, reused while the stored version has not moved (no
  // other node wrote since): a batch then skips reading and parsing the whole room. Taken out
  // while a batch works on it, put back once saved; a few rooms at most.
  const saved = new Map<string, RoomState>();

  async function latestRoom(lessonId: string): Promise<RoomState> {
    const kept = saved.get(lessonId);
    saved.delete(lessonId);
    if (kept && (await rooms.version(lessonId)) === kept.version) return kept;
    return ensureRoom(lessonId);
  }

  function keep(state: RoomState): void {
    saved.set(state.lessonId, state);
    if (saved.size > KEPT_ROOMS) saved.delete(saved.keys().next().value!);
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

  function run(room: { lessonId: string; courseId: string }, commands: RoomCommand[], actor: Actor): Promise<RoomOutcome> {
    return new Promise((resolve, reject) => {
      const queue = queues.get(room.lessonId);
      const job: Job = { room, actor, commands, resolve, reject };
      if (queue) return void queue.push(job);
      queues.set(room.lessonId, [job]);
      void drain(room.lessonId);
    });
  }

  /** Runs whatever has queued up for the room, batch after batch, until nothing is left. */
  async function drain(lessonId: string): Promise<void> {
    const queue = queues.get(lessonId)!;
    while (queue.length > 0) {
      // Let the sockets' pending messages in first, so that they join this batch: a synchronous
      // database (SQLite) never yields to the event loop on its own. Right after a save, wait as
      // long as that save took (group commit): under a burst — thousands joining — the server
      // then spends at most half its time saving, and each save covers many commands, instead
      // of saving (and syncing the disk) once per command while the others queue up unseen.
      const last = lastSave.get(lessonId);
      const wait = last ? Math.min(last.end + last.ms - performance.now(), MAX_GROUP_WAIT_MS) : 0;
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      const batch = queue.splice(0, MAX_BATCH);
      const settled = await runBatch(batch).catch((error: unknown) => batch.map((): Settled => ({ error })));
      batch.forEach((job, i) => {
        const s = settled[i]!;
        if ('outcome' in s) job.resolve(s.outcome);
        else job.reject(s.error);
      });
    }
    queues.delete(lessonId);
  }

  /**
   * Load → apply every job in place → save the state and all effects in one transaction (one
   * commit) → retry the whole batch if another node wrote first. A job that throws unexpectedly
   * is taken out (it gets the error) and the others run again from a fresh load.
   */
  async function runBatch(batch: Job[]): Promise<Settled[]> {
    const settled: Settled[] = batch.map(() => ({ outcome: { ok: false, error: { code: 'conflict', message: 'The room is very busy; try again' } } }));
    const room = batch[0]!.room;
    let pending = [...batch.keys()];
    let conflicts = 0;
    while (pending.length > 0 && conflicts < MAX_ATTEMPTS) {
      const state = await latestRoom(room.lessonId);
      const before = state.version;
      const jobs = pending.map((i) => batch[i]!);
      let results: BatchOutcome[];
      try {
        results = applyBatch(state, jobs, context);
      } catch (error) {
        const culprit = (await firstFailing(jobs)) ?? 0;
        settled[pending[culprit]!] = { error };
        pending = pending.filter((_, k) => k !== culprit);
        continue;
      }
      try {
        const start = performance.now();
        if (state.version !== before) await rooms.save(room, before, state, results.flatMap((r) => (r.ok ? r.effects : [])), nowIso());
        const end = performance.now();
        lastSave.set(room.lessonId, { end, ms: end - start });
        if (lastSave.size > KEPT_ROOMS) lastSave.delete(lastSave.keys().next().value!);
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        conflicts += 1;
        continue;
      }
      keep(state);
      pending.forEach((i, k) => {
        const r = results[k]!;
        settled[i] = { outcome: r.ok ? { ok: true, state, events: r.events, ended: r.effects.some((e) => e.type === 'session.ended') } : r };
      });
      pending = [];
    }
    return settled;
  }

  function context(actor: Actor) {
    return { actor, now: clock().toISOString(), newId: newId(), seed: crypto.randomInt(2 ** 31) };
  }

  /** Which job throws when run alone, on a copy of the room (the rare path of a bug). */
  async function firstFailing(jobs: Job[]): Promise<number | undefined> {
    const state = await ensureRoom(jobs[0]!.room.lessonId);
    const index = jobs.findIndex((job) => {
      try {
        applyBatch(structuredClone(state), [job], context);
        return false;
      } catch {
        return true;
      }
    });
    return index < 0 ? undefined : index;
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
      if (over || (await rooms.status(lessonId)) === 'ended') return { ok: false, error: { code: 'session_ended', message: 'This live session has ended' } };
      return { ok: true, courseId: lesson.course_id, role: 'student' };
    },

    /**
     * Enters the room: refreshes the run-sheet and the questions from the database, forgets
     * sockets no node knows any more, and marks this one present. `listed`: the sockets the room
     * listed before `liveSocketIds` was fetched (listedSockets); only those may be forgotten.
     */
    async join(room: { lessonId: string; courseId: string }, actor: Actor, socketId: string, liveSocketIds: string[] | undefined, listed?: string[]): Promise<RoomOutcome> {
      const [steps, questions] = await Promise.all([rooms.steps(room.lessonId), rooms.questions(room.lessonId)]);
      // member.join first: the only one that can be refused, so a refusal leaves the room as it was.
      const commands: RoomCommand[] = [
        { type: 'member.join', socketId },
        { type: 'steps.sync', steps },
        { type: 'questions.sync', questions },
        ...(liveSocketIds ? [{ type: 'presence.sync' as const, socketIds: [...liveSocketIds, socketId], listed }] : []),
      ];
      return run(room, commands, actor);
    },

    /**
     * Whether the room counts this user present already (an open attendance row). Only then can
     * it hold sockets of theirs that no node knows any more — they are reconnecting after a crash
     * or a restart — so only then is the cluster-wide presence clean-up worth its cost.
     */
    isPresent: (lessonId: string, userId: string) => rooms.attending(lessonId, userId),

    /** Every socket the stored room counts as present, on any node. */
    async listedSockets(lessonId: string): Promise<string[]> {
      const state = await rooms.load(lessonId);
      return state ? Object.values(state.present).flatMap((p) => p.sockets) : [];
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
