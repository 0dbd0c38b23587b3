import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { applyMessage } from '../../../../shared/realtime/apply-event.ts';
import {
  LIVE_NAMESPACE,
  PROTOCOL_VERSION,
  type ClientCommandInput,
  type ClientToServerEvents,
  type CommandAck,
  type EventMessage,
  type JoinAck,
  type ProtocolError,
  type RoomView,
  type ServerToClientEvents,
} from '../../../../shared/realtime/protocol.ts';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** connecting: first attempt; connected: joined; reconnecting: lost, socket.io is retrying. */
export type Connection = 'connecting' | 'connected' | 'reconnecting';

export type LiveRoom = {
  view: RoomView | null;
  connection: Connection;
  /** Why the join was refused (room not open yet, ended, cancelled…); null while fine. */
  refused: ProtocolError | null;
  send: (command: ClientCommandInput) => Promise<CommandAck>;
  /** Asks to join again (e.g. when the room was not open yet and now should be). */
  retry: () => void;
};

const ACK_TIMEOUT_MS = 8000;

/**
 * The live room over Socket.IO, as src/server/realtime/CONTEXT.md describes: join with the
 * protocol version, keep the snapshot from the ack, hold events that arrive meanwhile and fold
 * them with `applyMessage`, and join again after every reconnect (the server sends it all back).
 */
export function useLiveRoom(lessonId: string): LiveRoom {
  const [view, setView] = useState<RoomView | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [refused, setRefused] = useState<ProtocolError | null>(null);
  const socketRef = useRef<LiveSocket | null>(null);
  const joinRef = useRef<() => void>(() => {});

  useEffect(() => {
    const socket: LiveSocket = io(LIVE_NAMESPACE, { transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 8000 });
    socketRef.current = socket;
    let current: RoomView | null = null;
    let pending: EventMessage[] | null = null;
    let disposed = false;

    const show = (next: RoomView | null) => {
      current = next;
      if (!disposed) setView(next);
    };

    let joinRetries = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const join = () => {
      clearTimeout(retryTimer);
      pending = [];
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('join', { lessonId, protocol: PROTOCOL_VERSION })
        .then((ack: JoinAck) => {
          if (disposed) return;
          const held = pending ?? [];
          pending = null;
          if (!ack.ok) {
            setRefused(ack.error);
            return;
          }
          joinRetries = 0;
          let next = ack.state;
          for (const message of held) next = applyMessage(next, message);
          setRefused(null);
          setConnection('connected');
          show(next);
        })
        .catch(() => {
          // No answer in time. Disconnected: the reconnect joins again. Still connected (a busy
          // server, thousands joining at once): nothing else would retry, so ask again, later
          // each time, up to every 5 s.
          pending = null;
          if (disposed || !socket.connected) return;
          setConnection('reconnecting');
          joinRetries += 1;
          const delay = Math.min(5000, 500 * 2 ** (joinRetries - 1));
          retryTimer = setTimeout(() => {
            if (!disposed && socket.connected) join();
          }, delay);
        });
    };
    joinRef.current = join;

    socket.on('connect', join);
    socket.on('disconnect', (reason) => {
      if (disposed) return;
      setConnection('reconnecting');
      // socket.io retries by itself except when the server hung up on purpose (e.g. a restart).
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (disposed) return;
      // A refused handshake (signed out) will not fix itself by retrying.
      if (error.message === 'unauthenticated') {
        socket.disconnect();
        setRefused({ code: 'unauthenticated', message: error.message });
      } else setConnection(current ? 'reconnecting' : 'connecting');
    });
    socket.on('state', (next) => show(next));
    socket.on('event', (message) => {
      if (pending) pending.push(message);
      else if (current) show(applyMessage(current, message));
    });

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.close();
      socketRef.current = null;
    };
  }, [lessonId]);

  const send = useCallback(async (command: ClientCommandInput): Promise<CommandAck> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: { code: 'not_joined', message: 'Not connected' } };
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'No answer from the server' } };
    }
  }, []);

  const retry = useCallback(() => {
    if (socketRef.current?.connected) joinRef.current();
    else socketRef.current?.connect();
  }, []);

  return { view, connection, refused, send, retry };
}
