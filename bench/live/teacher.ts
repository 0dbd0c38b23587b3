import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, PROTOCOL_VERSION, type ClientCommandInput, type ClientToServerEvents, type CommandAck, type EventMessage, type JoinAck, type ServerToClientEvents } from '../../src/shared/realtime/protocol.ts';
import { monoMs } from '../lib/stats.ts';

/** The teacher's socket, in the bench driver (a process apart from the server). */
export class BenchTeacher {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Every `poll.results` with its monotonic receipt time. */
  results: { t: number; pollId: string; total: number }[] = [];
  opened = new Map<string, string>();
  refusals: Record<string, number> = {};

  constructor(url: string, token: string) {
    this.socket = io(`${url}${LIVE_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: `tandem_session=${token}` } });
    this.socket.on('event', (message: EventMessage) => {
      if (message.type === 'poll.results') this.results.push({ t: monoMs(), pollId: message.pollId, total: message.results.total });
      else if (message.type === 'poll.opened') this.opened.set(message.poll.activityId, message.poll.id);
    });
  }

  async join(lessonId: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    const ack: JoinAck = await this.socket.timeout(30_000).emitWithAck('join', { lessonId, protocol: PROTOCOL_VERSION });
    if (!ack.ok) throw new Error(`teacher join refused: ${ack.error.code}`);
  }

  /** Sends without waiting; a refusal is counted (a fan-out round must not silently send nothing). */
  fire(command: ClientCommandInput): void {
    this.socket
      .timeout(30_000)
      .emitWithAck('command', command)
      .then((ack: CommandAck) => {
        if (!ack.ok) this.refusals[ack.error.code] = (this.refusals[ack.error.code] ?? 0) + 1;
      })
      .catch(() => {
        this.refusals.timeout = (this.refusals.timeout ?? 0) + 1;
      });
  }

  async send(command: ClientCommandInput): Promise<CommandAck> {
    return this.socket.timeout(30_000).emitWithAck('command', command);
  }

  close(): void {
    this.socket.close();
  }
}
