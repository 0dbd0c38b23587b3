import { describe, expect, it } from 'vitest';
import { runQuizDeadline } from './quiz-deadline.ts';

/**
 * Issue 8, "load held", short version: by default 200 students submit a quiz within 3 seconds to
 * one server process on SQLite. The benchmark suite runs the long one (1,000 within a minute)
 * with the same code: LOAD_STUDENTS=1000 LOAD_WINDOW_MS=60000 npx vitest run src/server/load
 * (or runQuizDeadline from quiz-deadline.ts), and reports the latency percentiles.
 */
const students = Number(process.env.LOAD_STUDENTS ?? 200);
const windowMs = Number(process.env.LOAD_WINDOW_MS ?? 3000);

describe('a quiz deadline under load, on one node with SQLite', () => {
  it(`takes ${students} submissions within ${windowMs / 1000} s: none lost, none duplicated, every score right`, { timeout: windowMs + 60_000 + students * 100 }, async () => {
    const result = await runQuizDeadline({ students, windowMs });
    console.log(
      `quiz deadline: ${result.students} students, ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s; ` +
        `first submit p50 ${result.latency.p50.toFixed(0)} ms, p95 ${result.latency.p95.toFixed(0)} ms, p99 ${result.latency.p99.toFixed(0)} ms, max ${result.latency.max.toFixed(0)} ms`,
    );
    expect(result.failures).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.wrong).toEqual([]);
    expect(result.requests).toBeGreaterThan(students);
  });
});
