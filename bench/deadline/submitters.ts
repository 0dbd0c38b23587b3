import http from 'node:http';

/**
 * Students submitting a quiz just before its deadline, open-loop: each submission leaves at its
 * scheduled instant whatever the server's pace (a slow server must not slow the arrivals down).
 * A submission that fails on the network is retried once with the same submissionId, as the
 * web client does: the server must count it once.
 */
type Plan = { url: string; origin: string; activityId: string; tokens: string[]; spreadMs: number; answers: number[] };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

async function run(plan: Plan) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let retries = 0;
  const start = performance.now();
  await Promise.all(
    plan.tokens.map(async (token, i) => {
      const at = (i / plan.tokens.length) * plan.spreadMs;
      const wait = start + at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const body = JSON.stringify({ answers: plan.answers.map((a, k) => ((i + k) % 3 === 0 ? (a + 1) % 3 : a)), submissionId: `bench-${i}-${token.slice(0, 12)}` });
      const headers = { cookie: `tandem_session=${token}`, origin: plan.origin };
      const t0 = performance.now();
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const res = await post(`${plan.url}/api/activities/${plan.activityId}/submit`, headers, body);
          latencies.push(performance.now() - t0);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          return;
        } catch {
          retries += 1;
        }
      }
      statuses.network = (statuses.network ?? 0) + 1;
    }),
  );
  return { latencies, statuses, retries, seconds: (performance.now() - start) / 1000 };
}

process.on('message', (m: { type: string } & Plan) => {
  if (m.type !== 'run') return;
  run(m).then(
    (result) => process.send?.({ type: 'done', ...result }),
    (error: unknown) => process.send?.({ type: 'done', error: String(error) }),
  );
});
