/** Longest wait between two tries, when the browser says it is online but the download failed. */
const RETRY_MS = 15_000;

/**
 * Loads a piece of the app that is not needed to use the page (the full connection indicator,
 * the offline agent…), trying again when the connection returns instead of failing: offline,
 * before the service worker has saved it, its download fails, and a failed lazy component would
 * take the whole page down with it. Meanwhile the caller's Suspense fallback stays on screen.
 */
export function whenLoaded<T>(load: () => Promise<T>): Promise<T> {
  return load().catch(
    () =>
      new Promise<T>((resolve) => {
        const again = () => {
          window.removeEventListener('online', again);
          clearTimeout(timer);
          resolve(whenLoaded(load));
        };
        window.addEventListener('online', again);
        const timer = setTimeout(again, navigator.onLine ? RETRY_MS : 2 ** 31 - 1);
      }),
  );
}
