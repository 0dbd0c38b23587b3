// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; max: number; total: number };
  export type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number };
  export default function autocannon(
    options: { url: string; headers?: Record<string, string>; connections?: number; duration?: number; pipelining?: number },
    done: (error: Error | null, result: Result) => void,
  ): unknown;
}
