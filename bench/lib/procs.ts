import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A child process running one of the bench scripts, spoken to over Node's IPC channel. Clients
 * always run in processes separate from the server they measure.
 */
export type Child = {
  process: ChildProcess;
  send(message: unknown): void;
  next<T = any>(type: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
};

export function startChild(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Child {
  const child = fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=4096'] });
  const queue: any[] = [];
  const waiters: { type: string; resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  child.on('message', (message: any) => {
    const index = waiters.findIndex((w) => w.type === message?.type);
    if (index >= 0) {
      const [waiter] = waiters.splice(index, 1);
      clearTimeout(waiter!.timer);
      waiter!.resolve(message);
    } else queue.push(message);
  });
  child.on('exit', (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`${script} exited (${code}) while waiting for ${w.type}`));
  });
  return {
    process: child,
    send: (message) => child.send(message as any),
    next(type, timeoutMs = 120_000) {
      const index = queue.findIndex((m) => m?.type === type);
      if (index >= 0) return Promise.resolve(queue.splice(index, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type} from ${script}`)), timeoutMs);
        waiters.push({ type, resolve, reject, timer });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
