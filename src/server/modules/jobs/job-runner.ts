import crypto from 'node:crypto';
import type { JobRow, JobsRepository } from './jobs.repository.ts';

export type JobHandler = (payload: unknown, job: JobRow) => Promise<void>;

export type JobRunnerOptions = {
  jobs: JobsRepository;
  handlers: Record<string, JobHandler>;
  /** Distinguishes this node's claims from another's. */
  nodeId?: string;
  /** How long a claim holds; a node that dies mid-job frees it when this runs out. */
  leaseMs?: number;
  batch?: number;
  log?: (message: string, error?: unknown) => void;
  now?: () => Date;
};

const MAX_ATTEMPTS = 5;

/**
 * Runs due jobs exactly once across any number of nodes: each job is claimed with an atomic
 * conditional UPDATE before it runs. Jobs are at-least-once if a node dies mid-run (the lease
 * expires and another node retries), so handlers are written to be idempotent.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { jobs, handlers } = options;
  const nodeId = options.nodeId ?? `node-${crypto.randomBytes(6).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runOne(job: JobRow): Promise<boolean> {
    const at = now();
    if (!(await jobs.claim(job.id, nodeId, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString()))) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), job);
      await jobs.complete(job.id, nodeId, now().toISOString());
    } catch (error) {
      options.log?.(`job ${job.kind} ${job.id} failed`, error);
      const attempts = Number(job.attempts) + 1;
      // Give up after a few tries: mark done so it stops, keeping the error for inspection.
      if (attempts >= MAX_ATTEMPTS) await jobs.complete(job.id, nodeId, now().toISOString());
      const retryAt = new Date(now().getTime() + 2 ** attempts * 30_000).toISOString();
      await jobs.fail(job.id, nodeId, error instanceof Error ? error.message : String(error), retryAt);
    }
    return true;
  }

  /** Runs every job due now; returns how many this node ran. */
  async function runDue(): Promise<number> {
    let ran = 0;
    for (const job of await jobs.dueCandidates(now().toISOString(), options.batch ?? 20)) {
      if (await runOne(job)) ran += 1;
    }
    return ran;
  }

  return {
    nodeId,
    runDue,
    /** Runs one job now if it is free (used right after enqueuing urgent work). */
    async runNow(dedupeKey: string): Promise<boolean> {
      const job = await jobs.findByKey(dedupeKey);
      return job && !job.done_at ? runOne(job) : false;
    },
    start(intervalMs: number): void {
      if (timer) return;
      const tick = () => {
        running ??= runDue()
          .catch((error) => {
            options.log?.('job poller failed', error);
            return 0;
          })
          .finally(() => {
            running = undefined;
          });
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    /** Stops polling and waits for the jobs in flight. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
