import { SW_MESSAGES } from './offline-constants.ts';

/**
 * Registers the service worker (sw/service-worker.ts) once the page has loaded and settled, so
 * the precache downloads never compete with the first page. A new version waits until the
 * student reloads (`applyUpdate`, offered in the header's offline panel): reloading under
 * someone in the middle of a reflection is never done for them.
 */
let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker | null): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).then(
      (registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            // Installed while another version controls the page: an update is ready.
            if (installing.state === 'installed' && navigator.serviceWorker.controller) setWaiting(installing);
          });
        });
      },
      () => undefined,
    );
  };
  const later = () => setTimeout(register, 1500);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

export const serviceWorkerUpdate = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  available(): boolean {
    return waiting !== null;
  },
  /** Lets the new version take over, then reloads onto it. */
  apply(): void {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: SW_MESSAGES.skipWaiting });
  },
};
