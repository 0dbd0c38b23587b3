import { sleep } from '../lib/procs.ts';
import { acrossRounds, round, summarise } from '../lib/stats.ts';
import type { FanoutTarget } from './target.ts';

export type FanoutRound = { median: number; p99: number; max: number; lost: number; sent: number };

/**
 * One round: `messages` sends at `perSecond` (sequence numbers 0…messages−1), then, per message,
 * the time from the send to the LAST student's receipt. After the last send, receipts are awaited
 * until all have arrived, for at most `settleMs`; whatever has not arrived by then counts as lost.
 */
export async function fanoutRound(target: FanoutTarget, students: number, messages: number, perSecond: number, settleMs = 10_000): Promise<FanoutRound> {
  const sent = new Map<number, number>();
  const start = performance.now();
  for (let seq = 0; seq < messages; seq++) {
    sent.set(seq, await target.send(seq));
    // Paced against the round's start, so a slow send does not stretch the schedule.
    const wait = start + ((seq + 1) * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const deadline = performance.now() + settleMs;
  while (performance.now() < deadline && (await target.received()) < students * messages) await sleep(100);
  const receipts = await target.collect();
  const latencies: number[] = [];
  let lost = 0;
  for (const [seq, t0] of sent) {
    const r = receipts.get(seq);
    lost += Math.max(0, students - (r?.received ?? 0));
    if (r) latencies.push(r.last - t0);
  }
  const s = summarise(latencies);
  return { median: round(s.median), p99: round(s.p99), max: round(s.max), lost, sent: messages };
}

export type FanoutComparison = ReturnType<typeof summariseComparison>;

/**
 * Alternates the two (already set-up) sides round by round — A B, B A, A B… — so that machine
 * noise hits both alike. `afterRound` runs after each pair (memory samples, for instance).
 */
export async function compareFanout(
  baseline: FanoutTarget,
  subject: FanoutTarget,
  options: { students: number; messages: number; perSecond: number; rounds: number; afterRound?: (round: number) => Promise<void> },
) {
  // One warm-up round each, not counted (JIT, TCP buffers).
  await fanoutRound(baseline, options.students, 10, options.perSecond);
  await fanoutRound(subject, options.students, 10, options.perSecond);
  const rounds: { baseline: FanoutRound; subject: FanoutRound }[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const first = r % 2 === 0 ? baseline : subject;
    const second = first === baseline ? subject : baseline;
    const a = await fanoutRound(first, options.students, options.messages, options.perSecond);
    const b = await fanoutRound(second, options.students, options.messages, options.perSecond);
    rounds.push(first === baseline ? { baseline: a, subject: b } : { baseline: b, subject: a });
    await options.afterRound?.(r);
  }
  return summariseComparison(options, rounds);
}

function summariseComparison(options: { students: number; messages: number; perSecond: number; rounds: number }, rounds: { baseline: FanoutRound; subject: FanoutRound }[]) {
  const side = (pick: (r: { baseline: FanoutRound; subject: FanoutRound }) => FanoutRound) => ({
    median: acrossRounds(rounds.map((r) => pick(r).median)),
    p99: acrossRounds(rounds.map((r) => pick(r).p99)),
    max: acrossRounds(rounds.map((r) => pick(r).max)),
    lost: rounds.reduce((s, r) => s + pick(r).lost, 0),
    delivered: rounds.reduce((s, r) => s + pick(r).sent * options.students - pick(r).lost, 0),
  });
  return {
    students: options.students,
    messagesPerRound: options.messages,
    perSecond: options.perSecond,
    baseline: side((r) => r.baseline),
    subject: side((r) => r.subject),
    // Each round's ratio is taken between the two sides measured back to back.
    ratio: {
      median: acrossRounds(rounds.map((r) => round(r.subject.median / r.baseline.median))),
      p99: acrossRounds(rounds.map((r) => round(r.subject.p99 / r.baseline.p99))),
    },
  };
}
