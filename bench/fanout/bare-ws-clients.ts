import WebSocket from 'ws';
import { monoMs } from '../lib/stats.ts';

/** K bare WebSocket students; records, per message sequence number, each receipt time. */
const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const latest = new Map<number, { last: number; received: number }>();
let open = 0;
for (let i = 0; i < count; i++) {
  const socket = new WebSocket(url!);
  socket.on('open', () => {
    open += 1;
    if (open === count) process.send?.({ type: 'ready' });
  });
  socket.on('message', (data) => {
    const now = monoMs();
    const { seq } = JSON.parse(data.toString()) as { seq: number };
    const entry = latest.get(seq) ?? { last: 0, received: 0 };
    entry.last = Math.max(entry.last, now);
    entry.received += 1;
    latest.set(seq, entry);
  });
}
process.on('message', (m: any) => {
  if (m?.type === 'count') {
    let received = 0;
    for (const r of latest.values()) received += r.received;
    process.send?.({ type: 'count', received });
  }
  if (m?.type === 'collect') {
    process.send?.({ type: 'results', results: Object.fromEntries(latest) });
    latest.clear();
  }
});
