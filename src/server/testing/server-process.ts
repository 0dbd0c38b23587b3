import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

/** A TCP port free on 127.0.0.1 right now (the OS picks it), so parallel test files never clash. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
// A test worker that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type ServerProcess = {
  url: string;
  port: number;
  pid: number;
  /** What the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash or a lost machine. */
  crash(): Promise<void>;
  /** SIGTERM: the graceful stop of a deploy. Resolves with the exit code. */
  stop(): Promise<number | null>;
};

export type ServerEnv = { DATABASE_URL: string; REDIS_URL?: string | undefined } & Record<string, string | undefined>;

/**
 * The real server as an OS process: `node bin/tandem.ts serve --no-demo` on 127.0.0.1, ready when
 * GET /api/health answers 200. Only the variables given here (and PATH/HOME) reach it, so a
 * developer's own DATABASE_URL or REDIS_URL never leaks in.
 */
export async function startServer(env: ServerEnv, options: { port?: number; name?: string; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const name = options.name ?? 'tandem';
  const child = spawn(process.execPath, ['bin/tandem.ts', 'serve', '--no-demo'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? os.tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      TANDEM_DEMO: '0',
      JOBS_POLLER: '0',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: path.join(os.tmpdir(), 'tandem-no-web'),
      // Node's compile cache (type-stripped sources included) halves the start of every later process.
      NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'tandem-test-compile-cache'),
      UPLOADS_DIR: path.join(os.tmpdir(), `tandem-uploads-${port}`),
      ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
    },
  });
  running.add(child);
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    return code as number | null;
  });
  const url = `http://127.0.0.1:${port}`;

  // Generous: a busy 2-core CI machine running other test files can take a while to start one.
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited while starting:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /api/health in time:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  let stopping: Promise<number | null> | undefined;
  return {
    url,
    port,
    pid: child.pid!,
    output: () => log,
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop() {
      // One SIGTERM only (a second one would end the process before its graceful stop is done).
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      })();
      return stopping;
    },
  };
}

/**
 * A fresh PostgreSQL schema for server processes, as a DATABASE_URL whose connection options set
 * the search_path. Named like the in-process test schemas (t_<12 hex>), so the global teardown
 * drops it (dropping one while another worker introspects the catalog breaks that worker).
 */
export async function freshPostgresUrl(baseUrl: string): Promise<{ url: string; schema: string }> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

/**
 * An HTTP client for a server process (real sockets, fetch): keeps the session cookie and sends
 * the Origin a browser on that node would send, so CSRF protection sees a same-origin write.
 */
export class HttpClient {
  baseUrl: string;
  cookie: string | undefined;
  user: { id: string; email: string; name: string } | undefined;

  constructor(baseUrl: string, cookie?: string) {
    this.baseUrl = baseUrl;
    this.cookie = cookie;
  }

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') headers.origin = this.baseUrl;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
    if (session) this.cookie = session.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  put(url: string, body: unknown = {}) {
    return this.request('PUT', url, body);
  }

  /** Same user, another node: the session lives in the shared database. */
  on(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl, this.cookie);
    other.user = this.user;
    return other;
  }
}

let counter = 0;
export async function signUpOver(baseUrl: string, name: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}.${crypto.randomBytes(4).toString('hex')}@example.org`;
  const res = await client.post('/api/auth/signup', { email, password: 'correct horse battery', name });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.user = res.body.user;
  return client;
}
