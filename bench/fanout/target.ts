/** One side of a fan-out comparison: N students listening, one teacher sending. */
export type Receipts = Map<number, { last: number; received: number }>;

export type FanoutTarget = {
  name: string;
  /** Connects the teacher and `students` listeners (in client processes). */
  setup(students: number): Promise<void>;
  /** Sends message `seq`; returns the monotonic time just before the send. */
  send(seq: number): Promise<number>;
  /** Receipts since the last collect, merged over every client process. */
  collect(): Promise<Receipts>;
  /** How many receipts since the last collect, over every client process (without clearing them). */
  received(): Promise<number>;
  /** Server RSS in bytes (for memory per student). */
  serverRss(): Promise<number>;
  teardown(): Promise<void>;
};

export function mergeReceipts(parts: Record<string, { last: number; received: number }>[]): Receipts {
  const merged: Receipts = new Map();
  for (const part of parts) {
    for (const [seq, r] of Object.entries(part)) {
      const key = Number(seq);
      const entry = merged.get(key) ?? { last: 0, received: 0 };
      entry.last = Math.max(entry.last, r.last);
      entry.received += r.received;
      merged.set(key, entry);
    }
  }
  return merged;
}

/** Splits N students across a few client processes (2 cores: keep them few and busy). */
export function shards(students: number, perProcess = 500): number[] {
  const out: number[] = [];
  for (let left = students; left > 0; left -= perProcess) out.push(Math.min(perProcess, left));
  return out;
}

/** The total of the `count` answers of some client processes. */
export async function countReceived(clients: { send(message: unknown): void; next<T>(type: string, timeoutMs?: number): Promise<T> }[]): Promise<number> {
  for (const c of clients) c.send({ type: 'count' });
  const counts = await Promise.all(clients.map((c) => c.next<{ received: number }>('count')));
  return counts.reduce((sum, c) => sum + c.received, 0);
}
