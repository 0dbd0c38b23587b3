/**
 * Names shared by the page and the service worker (sw/service-worker.ts). Bump a version when
 * the shape of what is stored changes: the old store is then dropped, never misread.
 */

/** Cache Storage: API answers and files a student saved for offline ("Make available offline"). */
export const OFFLINE_CACHE = 'tandem-offline-v1';

/** IndexedDB database holding the write queue and the list of lessons saved for offline. */
export const OFFLINE_DB = 'tandem-offline';

/** Messages between the page and the service worker. */
export const SW_MESSAGES = {
  /** page → worker: a new version is waiting; take over now (the page reloads). */
  skipWaiting: 'tandem:skip-waiting',
  /** worker → pages: the session ended (sign-out, or a 401): everything saved for offline is gone. */
  purged: 'tandem:offline-purged',
} as const;

/** Paths whose answers may be kept for offline, once a student asked for them. Everything else under /api never is. */
export function isOfflineApiPath(pathname: string): boolean {
  return (
    pathname === '/api/me' ||
    pathname === '/api/me/work' ||
    /^\/api\/lessons\/[^/]+$/.test(pathname) ||
    /^\/api\/lessons\/[^/]+\/live$/.test(pathname) ||
    /^\/api\/courses\/[^/]+$/.test(pathname) ||
    /^\/api\/activities\/[^/]+$/.test(pathname) ||
    /^\/api\/activities\/[^/]+\/(questions|posts)$/.test(pathname)
  );
}

export function isUploadPath(pathname: string): boolean {
  return /^\/api\/uploads\/[^/]+\/[^/]+$/.test(pathname);
}

/** Signing out (here or everywhere) forgets what was saved on the device for that account. */
export function isSignOutPath(pathname: string): boolean {
  return pathname === '/api/auth/logout' || pathname === '/api/auth/logout-everywhere';
}
