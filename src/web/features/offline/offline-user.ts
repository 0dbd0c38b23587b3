/**
 * Who is signed in, for the write queue: every queued write belongs to one account and is only
 * ever sent with that account's session (a shared computer never sends one student's answers
 * as another's). The header sets it (OfflineStatus.tsx); the queue waits briefly if it is not
 * known yet.
 */
let current: string | null = null;
let waiters: Array<(id: string | null) => void> = [];

export function setOfflineUser(userId: string | null): void {
  if (current === userId) return;
  current = userId;
  if (userId) {
    for (const wake of waiters) wake(userId);
    waiters = [];
  }
}

export function offlineUser(): string | null {
  return current;
}

/** The signed-in account, waiting up to `ms` for the header to say who it is. */
export function whenOfflineUser(ms = 3000): Promise<string | null> {
  if (current) return Promise.resolve(current);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiters = waiters.filter((wake) => wake !== done);
      resolve(current);
    }, ms);
    const done = (id: string | null) => {
      clearTimeout(timer);
      resolve(id);
    };
    waiters.push(done);
  });
}
