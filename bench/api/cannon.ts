import autocannon from 'autocannon';

/** autocannon in its own process, driven over IPC: {url, headers, connections, seconds} → a summary. */
process.on('message', (m: { type: string; url: string; headers: Record<string, string>; connections: number; seconds: number }) => {
  if (m.type !== 'run') return;
  autocannon({ url: m.url, headers: m.headers, connections: m.connections, duration: m.seconds, pipelining: 1 }, (error, result) => {
    if (error) {
      process.send?.({ type: 'done', error: String(error) });
      return;
    }
    process.send?.({
      type: 'done',
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      latency: { median: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    });
  });
});
