import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, PROTOCOL_VERSION, type ClientToServerEvents, type EventMessage, type JoinAck, type CommandAck, type ServerToClientEvents } from '../../src/shared/realtime/protocol.ts';
import { sleep } from '../lib/procs.ts';
import { monoMs, round, summarise } from '../lib/stats.ts';

/**
 * K Tandem students in one process: real socket.io-client connections to /live, each with its
 * own session cookie and its own connection (forceNew). Records, per quiz item opened
 * (`poll.opened` with itemIndex = the sequence number), when the last of them received it.
 * Driven over IPC by the bench; every wait is bounded.
 */
type Student = { socket: Socket<ServerToClientEvents, ClientToServerEvents>; joined: boolean };

const students: Student[] = [];
const connectMs: number[] = [];
const joinMs: number[] = [];
const receipts = new Map<number, { last: number; received: number }>();
let sample: string | undefined;
let disconnects = 0;
let otherEvents = 0;

function onEvent(message: EventMessage): void {
  if (message.type !== 'poll.opened') {
    otherEvents += 1;
    return;
  }
  const now = monoMs();
  const seq = message.poll.itemIndex;
  if (seq === null) return;
  sample ??= JSON.stringify(message);
  const entry = receipts.get(seq) ?? { last: 0, received: 0 };
  entry.last = Math.max(entry.last, now);
  entry.received += 1;
  receipts.set(seq, entry);
}

async function connectOne(url: string, lessonId: string, token: string): Promise<Student> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    extraHeaders: { cookie: `tandem_session=${token}` },
  });
  const student: Student = { socket, joined: false };
  socket.on('event', onEvent);
  socket.on('disconnect', () => {
    if (student.joined) disconnects += 1;
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  const t1 = performance.now();
  const ack: JoinAck = await socket.timeout(60_000).emitWithAck('join', { lessonId, protocol: PROTOCOL_VERSION });
  connectMs.push(t1 - t0);
  joinMs.push(performance.now() - t1);
  if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
  student.joined = true;
  return student;
}

async function init(url: string, lessonId: string, tokens: string[], concurrency: number): Promise<{ joined: number; failed: number; errors: string[] }> {
  let next = 0;
  let failed = 0;
  const errors: string[] = [];
  async function worker(): Promise<void> {
    while (next < tokens.length) {
      const token = tokens[next++]!;
      try {
        students.push(await connectOne(url, lessonId, token));
      } catch (error) {
        failed += 1;
        if (errors.length < 5) errors.push(String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker));
  return { joined: students.length, failed, errors };
}

/** Every student answers poll `pollId` once, at a random instant within `spreadMs`. */
async function answer(pollId: string, spreadMs: number, choices: number): Promise<object> {
  let firstSent = Number.POSITIVE_INFINITY;
  let lastSent = 0;
  let ok = 0;
  const refused: Record<string, number> = {};
  await Promise.all(
    students.map(async (student, i) => {
      await sleep(Math.random() * spreadMs);
      const t = monoMs();
      firstSent = Math.min(firstSent, t);
      lastSent = Math.max(lastSent, t);
      try {
        const ack: CommandAck = await student.socket.timeout(30_000).emitWithAck('command', { type: 'poll.answer', pollId, choice: i % choices });
        if (ack.ok) ok += 1;
        else refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
      } catch {
        refused.timeout = (refused.timeout ?? 0) + 1;
      }
    }),
  );
  return { firstSent, lastSent, ok, refused };
}

process.on('message', (m: { type: string; [key: string]: unknown }) => {
  void (async () => {
    switch (m.type) {
      case 'init': {
        const t0 = Date.now();
        const result = await init(String(m.url), String(m.lessonId), m.tokens as string[], Number(m.concurrency ?? 20));
        const ms = (values: number[]) => {
          const sum = summarise(values);
          return { median: round(sum.median), p99: round(sum.p99), max: round(sum.max) };
        };
        process.send?.({ type: 'ready', ...result, seconds: (Date.now() - t0) / 1000, connectMs: ms(connectMs), joinMs: ms(joinMs) });
        return;
      }
      case 'collect':
        process.send?.({ type: 'results', results: Object.fromEntries(receipts), connected: students.filter((s) => s.socket.connected).length, disconnects, otherEvents });
        receipts.clear();
        return;
      case 'count': {
        let received = 0;
        for (const r of receipts.values()) received += r.received;
        process.send?.({ type: 'count', received });
        return;
      }
      case 'sample':
        process.send?.({ type: 'sample', sample });
        return;
      case 'answer':
        process.send?.({ type: 'answered', ...(await answer(String(m.pollId), Number(m.spreadMs), Number(m.choices))) });
        return;
      case 'close':
        for (const s of students) s.socket.close();
        process.send?.({ type: 'closed' });
        return;
    }
  })().catch((error: unknown) => {
    console.error('tandem-clients:', error);
    process.exit(1);
  });
});
