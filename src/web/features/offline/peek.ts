import { idb } from './idb.ts';

/** How many writes of this account wait in the queue, read without loading the queue itself. */
export async function waitingWrites(userId: string): Promise<number> {
  const all = await idb.all('queue');
  return all.filter((entry) => typeof entry === 'object' && entry !== null && 'userId' in entry && entry.userId === userId).length;
}
