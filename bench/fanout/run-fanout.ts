import { sleep } from '../lib/procs.ts';
import { acrossRounds, round, summarise } from '../lib/stats.ts';
import type { FanoutTarget } from './target.ts';

export type FanoutRound = { median: number; p99: number; max: number; lost: number };

/** One round: `messages` sends at `perSecond`, then the time to the LAST student's receipt for each. */
export async function fanoutRound(target: FanoutTarget, students: number, messages: number, perSecond: number, seqBase: number): Promise<FanoutRound> {
  const sent = new Map<number, number>();
  for (let i = 0; i < messages; i++) {
    const seq = seqBase + i;
    sent.set(seq, await target.send(seq));
    await sleep(1000 / perSecond);
  }
  await sleep(1500);
  const receipts = await target.collect();
  const latencies: number[] = [];
  let lost = 0;
  for (const [seq, t0] of sent) {
    const r = receipts.get(seq);
    lost += students - (r?.received ?? 0);
    if (r) latencies.push(r.last - t0);
  }
  const s = summarise(latencies);
  return { median: round(s.median), p99: round(s.p99), max: round(s.max), lost };
}

/** Alternates the two sides round by round so that machine noise hits both alike. */
export async function compareFanout(baseline: FanoutTarget, subject: FanoutTarget, options: { students: number; messages: number; perSecond: number; rounds: number }) {
  await baseline.setup(options.students);
  await subject.setup(options.students);
  const rounds: { baseline: FanoutRound; subject: FanoutRound }[] = [];
  try {
    // One warm-up round each, not counted (JIT, TCP buffers).
    await fanoutRound(baseline, options.students, 10, options.perSecond, 1_000_000);
    await fanoutRound(subject, options.students, 10, options.perSecond, 1_000_000);
    for (let r = 0; r < options.rounds; r++) {
      const first = r % 2 === 0 ? baseline : subject;
      const second = first === baseline ? subject : baseline;
      const a = await fanoutRound(first, options.students, options.messages, options.perSecond, r * 1000);
      const b = await fanoutRound(second, options.students, options.messages, options.perSecond, r * 1000 + 500);
      rounds.push(first === baseline ? { baseline: a, subject: b } : { baseline: b, subject: a });
    }
    const rss = { baseline: await baseline.serverRss(), subject: await subject.serverRss() };
    return {
      students: options.students,
      baseline: { median: acrossRounds(rounds.map((r) => r.baseline.median)), p99: acrossRounds(rounds.map((r) => r.baseline.p99)), lost: rounds.reduce((s, r) => s + r.baseline.lost, 0) },
      subject: { median: acrossRounds(rounds.map((r) => r.subject.median)), p99: acrossRounds(rounds.map((r) => r.subject.p99)), lost: rounds.reduce((s, r) => s + r.subject.lost, 0) },
      ratio: {
        median: acrossRounds(rounds.map((r) => round(r.subject.median / r.baseline.median))),
        p99: acrossRounds(rounds.map((r) => round(r.subject.p99 / r.baseline.p99))),
      },
      rss,
    };
  } finally {
    await subject.teardown();
    await baseline.teardown();
  }
}
