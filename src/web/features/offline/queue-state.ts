/**
 * What the write queue holds, as the header shows it: a tiny store of its own, so the header
 * knows without loading the queue (queue.ts publishes here; peek() reads IndexedDB directly).
 */
import type { QueueEntry } from './queue.ts';

export type QueueSnapshot = { online: boolean; syncing: boolean; pending: number; entries: QueueEntry[] };

const listeners = new Set<() => void>();
let snapshot: QueueSnapshot = { online: typeof navigator === 'undefined' ? true : navigator.onLine, syncing: false, pending: 0, entries: [] };

export const queueState = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): QueueSnapshot => snapshot,
  set(next: QueueSnapshot): void {
    snapshot = next;
    for (const listener of listeners) listener();
  },
  /** Something needs the full indicator: changes waiting, a conflict, a refusal. */
  busy: (): boolean => snapshot.entries.length > 0,
};
