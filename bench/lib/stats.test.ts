import { describe, expect, it } from 'vitest';
import { mergeReceipts, shards } from '../fanout/target.ts';
import { acrossRounds, monoMs, quantile, round, summarise } from './stats.ts';

describe('bench statistics', () => {
  it('takes nearest-rank quantiles without interpolation', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile(sorted, 1)).toBe(100);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises an unsorted sample without changing it', () => {
    const sample = [5, 1, 4, 2, 3];
    expect(summarise(sample)).toEqual({ n: 5, min: 1, median: 3, p99: 5, max: 5, mean: 3 });
    expect(sample).toEqual([5, 1, 4, 2, 3]);
  });

  it('reports min / median / max across rounds and keeps the rounds in order', () => {
    expect(acrossRounds([30, 10, 20, 50, 40])).toEqual({ min: 10, median: 30, max: 50, rounds: [30, 10, 20, 50, 40] });
  });

  it('rounds to the requested digits', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(1234.5, 0)).toBe(1235);
  });

  it('has a monotonic clock', () => {
    const a = monoMs();
    const b = monoMs();
    expect(b).toBeGreaterThanOrEqual(a);
  });

  it('merges receipts from client processes: the latest receipt and the sum of counts', () => {
    const merged = mergeReceipts([{ 1: { last: 10, received: 500 }, 2: { last: 30, received: 499 } }, { 1: { last: 12, received: 500 } }]);
    expect(merged.get(1)).toEqual({ last: 12, received: 1000 });
    expect(merged.get(2)).toEqual({ last: 30, received: 499 });
  });

  it('splits students across client processes', () => {
    expect(shards(1000)).toEqual([500, 500]);
    expect(shards(1200, 500)).toEqual([500, 500, 200]);
    expect(shards(0)).toEqual([]);
  });
});
