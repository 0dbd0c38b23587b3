import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.ts';
import { sleep } from './procs.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export type TandemServer = {
  url: string;
  pid: number;
  /** Resident set size of the server process, in bytes (from /proc). */
  rss(): number;
  stop(): Promise<void>;
};

/**
 * The real server as a child process (`node bin/tandem.ts serve --no-demo`), listening on
 * 127.0.0.1 only. With BENCH_PROFILE=<dir> it runs under `node --cpu-prof` and writes its
 * profile there when stopped.
 */
export async function startTandem(env: { DATABASE_URL: string; REDIS_URL?: string }, name = 'tandem', cwd = root): Promise<TandemServer> {
  const port = await freePort();
  const profileDir = process.env.BENCH_PROFILE;
  const args = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`] : []), 'bin/tandem.ts', 'serve', '--no-demo'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    // Its own process group: a signal meant for a server's group (a test harness cleaning up
    // servers) must not reach the bench driver. The driver stops it on exit (below).
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DEMO: '0',
      JOBS_POLLER: '0',
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    },
  });
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /api/health within 30 s`);
    }
    await sleep(100);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rss() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        console.warn(`  ! ${name} did not stop within 20 s; killed (no profile)`);
        child.kill('SIGKILL');
      }, 20_000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}
