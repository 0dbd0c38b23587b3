import { io, type Socket } from 'socket.io-client';
import { applyMessage } from '../../shared/realtime/apply-event.ts';
import {
  LIVE_NAMESPACE,
  PROTOCOL_VERSION,
  type ClientCommandInput,
  type ClientToServerEvents,
  type CommandAck,
  type EventMessage,
  type JoinAck,
  type RoomView,
  type ServerToClientEvents,
} from '../../shared/realtime/protocol.ts';

/**
 * A live-room client for tests, behaving like the web client should: it keeps the view from
 * the join ack, folds events into it, and re-joins by itself after every reconnect.
 */
export class LiveTestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  view: RoomView | undefined;
  readonly events: EventMessage[] = [];
  lessonId: string | undefined;
  /** Successful joins so far (a reconnect adds one). */
  joins = 0;
  private pending: EventMessage[] | undefined;
  private waiters: (() => void)[] = [];

  constructor(baseUrl: string, cookie: string | undefined, options: { origin?: string } = {}) {
    this.socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      extraHeaders: { ...(cookie ? { cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      autoConnect: false,
    });
    this.socket.on('event', (message) => {
      this.events.push(message);
      if (this.pending) this.pending.push(message);
      else if (this.view) this.view = applyMessage(this.view, message);
      this.notify();
    });
    this.socket.on('state', (view) => {
      this.view = view;
      this.notify();
    });
    this.socket.io.on('reconnect', () => {
      if (this.lessonId) void this.rejoin(this.lessonId);
    });
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (err) => reject(err));
      this.socket.connect();
    });
  }

  async join(lessonId: string, protocol = PROTOCOL_VERSION): Promise<JoinAck> {
    this.pending = [];
    const ack: JoinAck = await this.socket.timeout(5000).emitWithAck('join', { lessonId, protocol });
    const held = this.pending;
    this.pending = undefined;
    if (ack.ok) {
      this.lessonId = lessonId;
      let view = ack.state;
      for (const message of held) view = applyMessage(view, message);
      this.view = view;
      this.joins += 1;
      this.notify();
    }
    return ack;
  }

  /**
   * After a reconnect: join again until it works. A server that just restarted answers everyone
   * re-joining at once; an ack that does not come in time is no reason to stay out of the room.
   */
  private async rejoin(lessonId: string): Promise<void> {
    for (let attempt = 0; attempt < 10 && this.socket.active; attempt++) {
      try {
        if ((await this.join(lessonId)).ok) return;
      } catch {
        // no ack in time: ask again
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }

  send(command: ClientCommandInput): Promise<CommandAck> {
    return this.socket.timeout(5000).emitWithAck('command', command);
  }

  /** Resolves when the view satisfies the predicate (or fails after the timeout). */
  async until(predicate: (view: RoomView) => boolean, timeoutMs = 5000): Promise<RoomView> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.view && predicate(this.view))) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; view: ${JSON.stringify(this.view)?.slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.view;
  }

  close(): void {
    this.socket.close();
  }
}
