import type { Namespace, Server, Socket } from 'socket.io';
import {
  ClientCommand,
  JoinMessage,
  LIVE_NAMESPACE,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandAck,
  type JoinAck,
  type ProtocolError,
  type Role,
  type ServerToClientEvents,
} from '../../shared/realtime/protocol.ts';
import { SESSION_COOKIE } from '../http/session-cookie.ts';
import { findNul } from '../lib/text.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { UserRow } from '../modules/users/users.repository.ts';
import type { LiveRoomService, RoomOutcome } from './live-room.service.ts';
import type { Actor, Audience, Outgoing } from './room/state.ts';

/** Only what the gateway needs: it stays in memory per socket, and fetchSockets sends it to every node. */
type SocketData = { user: Pick<UserRow, 'id' | 'name'>; token: string };
type Joined = { lessonId: string; courseId: string; role: Role; actor: Actor };
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO rooms: one per audience, so each broadcast is serialised once. */
export const roomNames = {
  all: (lessonId: string) => `lesson:${lessonId}`,
  role: (lessonId: string, role: Role) => `lesson:${lessonId}:${role}s`,
  user: (lessonId: string, userId: string) => `lesson:${lessonId}:user:${userId}`,
};

const error = (code: ProtocolError['code'], message: string): { ok: false; error: ProtocolError } => ({ ok: false, error: { code, message } });

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A command budget per socket: bursts are fine, floods are refused. */
function rateLimiter(perSecond: number, burst: number) {
  let tokens = burst;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * The `/live` namespace: authenticates the handshake with the session cookie, checks membership
 * and role on join, validates every message, runs it through the room service and broadcasts
 * the resulting events. Nothing here decides what a command does.
 */
export function attachLiveGateway(io: Server, deps: { auth: AuthService; rooms: LiveRoomService; onEnded: (lessonId: string) => void; log: (message: string, err?: unknown) => void }) {
  const { auth, rooms } = deps;
  const nsp: LiveNamespace = io.of(LIVE_NAMESPACE);
  let closing = false;
  // Joins, commands and departures under way: a closing server waits for them (idle), so their
  // broadcasts go out before the Redis adapter is gone (a publish on a closed client would reject).
  let busy = 0;
  const tracked =
    <A extends unknown[]>(handler: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      busy += 1;
      try {
        await handler(...args);
      } finally {
        busy -= 1;
      }
    };

  nsp.use(async (socket, next) => {
    try {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      const user = token && token.length <= 128 ? await auth.userForToken(token) : undefined;
      if (!token || !user) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated' } }));
      socket.data.user = { id: user.id, name: user.name };
      socket.data.token = token;
      next();
    } catch (err) {
      deps.log('live handshake failed', err);
      next(new Error('internal'));
    }
  });

  function broadcast(lessonId: string, outgoing: Outgoing[], version: number): void {
    for (const { audience, event } of outgoing) nsp.to(target(lessonId, audience)).emit('event', { ...event, version });
  }

  function target(lessonId: string, audience: Audience): string | string[] {
    switch (audience.to) {
      case 'all':
        return roomNames.all(lessonId);
      case 'teachers':
        return roomNames.role(lessonId, 'teacher');
      case 'students':
        return roomNames.role(lessonId, 'student');
      case 'users':
        return audience.userIds.map((id) => roomNames.user(lessonId, id));
    }
  }

  function settle(lessonId: string, outcome: RoomOutcome): void {
    if (!outcome.ok) return;
    broadcast(lessonId, outcome.events, outcome.state.version);
    if (outcome.ended) deps.onEnded(lessonId);
  }

  async function leaveRoom(socket: LiveSocket, joined: Joined): Promise<void> {
    await Promise.all([roomNames.all(joined.lessonId), roomNames.role(joined.lessonId, joined.role), roomNames.user(joined.lessonId, joined.actor.userId)].map((r) => socket.leave(r)));
    settle(joined.lessonId, await rooms.leave(joined, joined.actor, socket.id));
  }

  nsp.on('connection', (socket: LiveSocket) => {
    // The upgrade request (headers, parser, buffers) is no longer needed once the handshake is
    // read: let it go, as Socket.IO's memory guide advises, rather than keep it per student.
    (socket.conn as { request: unknown }).request = null;
    const user = socket.data.user;
    let joined: Joined | undefined;
    const allow = rateLimiter(10, 40);

    socket.on('join', tracked(async (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (answer: JoinAck) => void) : () => undefined;
      try {
        const message = findNul(raw) === undefined ? JoinMessage.safeParse(raw) : JoinMessage.safeParse(null);
        if (!message.success) return reply(error('invalid_message', message.error.issues.map((i) => i.message).join('; ')));
        if (message.data.protocol !== PROTOCOL_VERSION) return reply(error('protocol_mismatch', `The server speaks protocol ${PROTOCOL_VERSION}; reload the page`));
        // Signed out since the socket opened: no more rooms on this connection.
        if (!(await auth.userForToken(socket.data.token))) return reply(error('unauthenticated', 'Sign in again'));
        const { lessonId } = message.data;
        const access = await rooms.access(lessonId, user.id);
        if (!access.ok) return reply(access);
        if (joined && joined.lessonId !== lessonId) await leaveRoom(socket, joined);
        const next: Joined = { lessonId, courseId: access.courseId, role: access.role, actor: { userId: user.id, name: user.name, role: access.role } };
        const names = [roomNames.all(lessonId), roomNames.role(lessonId, access.role), roomNames.user(lessonId, user.id)];
        // Join the broadcast rooms first: events from here on carry versions above the state we send.
        await Promise.all(names.map((r) => socket.join(r)));
        // Sockets alive on any node; if a node does not answer, skip the clean-up rather than fail.
        // The room's own list is read first: a socket joining after it is not judged by this list.
        // Both are costly (the whole room; every node's sockets): only for someone already counted
        // present, i.e. reconnecting after a crash or restart, when stale sockets can exist.
        const stale = await rooms.isPresent(lessonId, user.id);
        const listed = stale ? await rooms.listedSockets(lessonId) : undefined;
        const live = stale
          ? await nsp
              .in(roomNames.all(lessonId))
              .fetchSockets()
              .then((list) => list.map((s) => s.id))
              .catch(() => undefined)
          : undefined;
        const outcome = await rooms.join(next, next.actor, socket.id, live, listed);
        if (!outcome.ok) {
          await Promise.all(names.map((r) => socket.leave(r)));
          return reply(outcome);
        }
        joined = next;
        settle(lessonId, outcome);
        reply({ ok: true, state: rooms.view(outcome.state, { userId: user.id, role: access.role }) });
      } catch (err) {
        deps.log('live join failed', err);
        reply(error('internal', 'Something went wrong on our side'));
      }
    }));

    socket.on('command', tracked(async (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (answer: CommandAck) => void) : () => undefined;
      try {
        if (!allow()) return reply(error('rate_limited', 'Slow down a little'));
        // PostgreSQL stores no NUL character: refused here like any other invalid message.
        if (findNul(raw) !== undefined) return reply(error('invalid_message', 'Text may not contain NUL characters'));
        const parsed = ClientCommand.safeParse(raw);
        if (!parsed.success) return reply(error('invalid_message', parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')));
        if (!joined) return reply(error('not_joined', 'Join a room first'));
        const outcome = await rooms.command(joined, joined.actor, parsed.data);
        if (!outcome.ok) return reply(outcome);
        settle(joined.lessonId, outcome);
        reply({ ok: true });
      } catch (err) {
        deps.log('live command failed', err);
        reply(error('internal', 'Something went wrong on our side'));
      }
    }));

    socket.on('disconnect', () => {
      // A server shutting down is not the student leaving: their presence is reconciled on the next join.
      if (!joined || closing) return;
      const was = joined;
      joined = undefined;
      void tracked(async () => {
        await rooms.leave(was, was.actor, socket.id).then((outcome) => settle(was.lessonId, outcome)).catch((err) => deps.log('live leave failed', err));
      })();
    });
  });

  return {
    namespace: nsp,
    /** From now on disconnects are the server's doing, not people leaving. */
    markClosing(): void {
      closing = true;
    },
    /** Resolves once the work under way is done (or after `timeoutMs`). */
    async idle(timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (busy > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
