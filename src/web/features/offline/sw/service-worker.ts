/**
 * Tandem's service worker (built by vite-plugin-pwa, injectManifest strategy: vite.config.ts).
 *
 * - The app shell (every hashed script, style, icon and index.html) is precached, and every
 *   client route is answered with index.html, so the app opens with no connection at all.
 * - Answers from /api are never stored by default. Only what a student saved for offline
 *   (offline-cache.ts puts it in OFFLINE_CACHE) is answered from there when the network fails,
 *   and refreshed whenever the network answers.
 * - Signing out, or any 401, deletes everything saved for offline: a shared family computer
 *   keeps no one's pre-work after they leave.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isOfflineApiPath, isSignOutPath, isUploadPath, OFFLINE_CACHE, SW_MESSAGES } from '../offline-constants.ts';

// The DOM library types `self` as a Window; these are the few worker shapes used here.
type ExtendableEventLike = Event & { waitUntil(promise: Promise<unknown>): void };
type WorkerClient = { postMessage(message: unknown): void };
type WorkerScope = {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { matchAll(options?: { includeUncontrolled?: boolean }): Promise<readonly WorkerClient[]> };
};
const worker = globalThis as unknown as WorkerScope;

/** Past this, a slow network loses to the saved copy (the fetch still refreshes it in the background). */
const NETWORK_TIMEOUT_MS = 6000;

cleanupOutdatedCaches();
// Written out as `self.__WB_MANIFEST`: the build replaces exactly that with the list of files.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST);
// The first install takes over the open tabs at once (there is no older version to wait for);
// later versions wait until the student chooses to reload (register.ts).
clientsClaim();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/socket\.io\//],
  }),
);

async function purgeOffline(): Promise<void> {
  await caches.delete(OFFLINE_CACHE);
  const clients = await worker.clients.matchAll({ includeUncontrolled: true });
  for (const client of clients) client.postMessage({ type: SW_MESSAGES.purged });
}

function withTimeout(request: Request, ms: number): { response: Promise<Response>; timedOut: Promise<'timeout'> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const response = fetch(request).finally(() => clearTimeout(timer));
  return { response, timedOut };
}

/**
 * A saved API answer: the network's when it comes (and the saved copy is refreshed), the saved
 * one when the network fails, is slow, or the server is down. Not saved: straight through.
 */
async function apiHandler({ request, event }: { request: Request; event: ExtendableEventLike }): Promise<Response> {
  const cache = await caches.open(OFFLINE_CACHE);
  const saved = await cache.match(request, { ignoreVary: true });
  if (!saved) {
    const response = await fetch(request);
    if (response.status === 401) event.waitUntil(purgeOffline());
    return response;
  }
  const { response, timedOut } = withTimeout(request, NETWORK_TIMEOUT_MS);
  const refresh = response.then(async (fresh) => {
    // 404 is an answer worth keeping (e.g. "no live session"); 401 means the session is over.
    if (fresh.status === 200 || fresh.status === 404) await cache.put(request, fresh.clone());
    else if (fresh.status === 401) await purgeOffline();
    return fresh;
  });
  event.waitUntil(refresh.catch(() => undefined));
  try {
    const winner = await Promise.race([refresh, timedOut]);
    if (winner === 'timeout' || winner.status >= 500) return saved;
    return winner;
  } catch {
    return saved;
  }
}

/** Uploaded images and videos never change under their id: the saved copy first, with Range for videos. */
async function uploadHandler({ request }: { request: Request }): Promise<Response> {
  const cache = await caches.open(OFFLINE_CACHE);
  const saved = await cache.match(request.url, { ignoreVary: true });
  if (!saved) return fetch(request);
  return request.headers.has('range') ? createPartialResponse(request, saved) : saved;
}

async function signOutHandler({ request, event }: { request: Request; event: ExtendableEventLike }): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) event.waitUntil(purgeOffline());
  return response;
}

const sameOrigin = (url: URL) => url.origin === location.origin;

registerRoute(({ url }) => sameOrigin(url) && isUploadPath(url.pathname), uploadHandler, 'GET');
registerRoute(({ url }) => sameOrigin(url) && url.pathname.startsWith('/api/') && isOfflineApiPath(url.pathname), apiHandler, 'GET');
registerRoute(({ url }) => sameOrigin(url) && isSignOutPath(url.pathname), signOutHandler, 'POST');

worker.addEventListener('message', (event: MessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === SW_MESSAGES.skipWaiting) void worker.skipWaiting();
});
