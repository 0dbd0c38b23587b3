import { idb } from './idb.ts';
import { SW_MESSAGES } from './offline-constants.ts';

/** Tells whoever shows the lessons saved for offline (the panel, a lesson's button) that the list changed. */
const listeners = new Set<() => void>();
let version = 0;

export function notifySavedChanged(): void {
  version += 1;
  for (const listener of listeners) listener();
}

export const savedChanges = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  version: () => version,
};

// After a sign-out (or a 401) the service worker emptied the cache: the list of saved lessons follows.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && 'type' in data && data.type === SW_MESSAGES.purged) {
      void idb.clear('saved').then(notifySavedChanged, () => undefined);
    }
  });
}
