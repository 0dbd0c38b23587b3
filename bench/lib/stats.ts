/** Small, exact statistics over a sample (no interpolation surprises). */
export type Summary = { n: number; min: number; median: number; p99: number; max: number; mean: number };

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { n: sorted.length, min: sorted[0] ?? Number.NaN, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, mean };
}

/** min / median / max of a per-round figure across rounds. */
export function acrossRounds(values: number[]): { min: number; median: number; max: number; rounds: number[] } {
  const s = summarise(values);
  return { min: s.min, median: s.median, max: s.max, rounds: values };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Monotonic milliseconds, comparable across processes on one Linux machine (CLOCK_MONOTONIC). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
