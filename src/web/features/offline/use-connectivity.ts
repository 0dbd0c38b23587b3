import { useEffect, useSyncExternalStore } from 'react';
import { savedChanges } from './saved-changes.ts';
import { offlineQueue } from './queue.ts';
import { queueState, type QueueSnapshot } from './queue-state.ts';
import { serviceWorkerUpdate } from './register.ts';
import { useOnline } from './use-online.ts';

export type Connectivity = QueueSnapshot & { conflicts: number; failed: number; updateReady: boolean };

/** Online or not, what the write queue holds, and whether a new version of the app waits. */
export function useConnectivity(): Connectivity {
  const online = useOnline();
  const queue = useSyncExternalStore(queueState.subscribe, queueState.get, queueState.get);
  const updateReady = useSyncExternalStore(serviceWorkerUpdate.subscribe, serviceWorkerUpdate.available, () => false);
  useEffect(() => {
    void offlineQueue.refresh();
  }, [online]);
  return {
    ...queue,
    online,
    conflicts: queue.entries.filter((entry) => entry.state === 'conflict').length,
    failed: queue.entries.filter((entry) => entry.state === 'failed').length,
    updateReady,
  };
}

/** Re-renders when the list of lessons saved for offline changes. */
export function useSavedVersion(): number {
  return useSyncExternalStore(savedChanges.subscribe, savedChanges.version, savedChanges.version);
}
