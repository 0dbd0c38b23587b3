import { OFFLINE_DB } from './offline-constants.ts';

/**
 * A very small promise wrapper over IndexedDB for the two stores the offline feature keeps:
 * `queue` (writes waiting for the network, in order: auto-increment keys) and `saved`
 * (lessons saved for offline). IndexedDB, not localStorage: it survives larger data, is
 * shared with the service worker, and is transactional.
 */

export type StoreName = 'queue' | 'saved' | 'revisions';

const VERSION = 1;
let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(OFFLINE_DB, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains('saved')) db.createObjectStore('saved', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('revisions')) db.createObjectStore('revisions', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: step aside, the next call reopens.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('IndexedDB unavailable'));
    };
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

async function store(name: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  const db = await open();
  return db.transaction(name, mode).objectStore(name);
}

export const idb = {
  /** Unknown on purpose: what was stored may come from an older version; callers check it. */
  async all(name: StoreName): Promise<unknown[]> {
    // Auto-increment keys come back in order: the queue's order is the order of the writes.
    return done((await store(name, 'readonly')).getAll());
  },
  async get(name: StoreName, key: IDBValidKey): Promise<unknown> {
    return done((await store(name, 'readonly')).get(key));
  },
  /** Adds or replaces; returns the key (the new sequence number for the queue). */
  async put<T>(name: StoreName, value: T): Promise<IDBValidKey> {
    return done((await store(name, 'readwrite')).put(value));
  },
  async delete(name: StoreName, key: IDBValidKey): Promise<void> {
    await done((await store(name, 'readwrite')).delete(key));
  },
  async clear(name: StoreName): Promise<void> {
    await done((await store(name, 'readwrite')).clear());
  },
  /** For tests: forget the open connection (fake-indexeddb is reset between them). */
  reset(): void {
    opening = null;
  },
};
