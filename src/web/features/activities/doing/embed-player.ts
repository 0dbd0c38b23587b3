/**
 * Just enough of the YouTube and Vimeo embed postMessage protocols to follow the playing time,
 * without loading either site's script (the page's CSP allows only our own scripts).
 */
type Provider = 'youtube' | 'vimeo';
export type PlayerUpdate = { seconds: number; duration: number | null; final: boolean };

/** The embed URL asking the player to report its time, starting where the student left off. */
export function embedWithTracking(provider: Provider, embedUrl: string, startAt: number): string {
  const url = new URL(embedUrl);
  if (provider === 'youtube') {
    url.searchParams.set('enablejsapi', '1');
    url.searchParams.set('origin', window.location.origin);
    if (startAt > 0) url.searchParams.set('start', String(Math.floor(startAt)));
    return url.toString();
  }
  url.searchParams.set('api', '1');
  return startAt > 0 ? `${url.toString()}#t=${Math.floor(startAt)}s` : url.toString();
}

export function startListening(provider: Provider, frame: HTMLIFrameElement): void {
  const target = frame.contentWindow;
  if (!target) return;
  if (provider === 'youtube') {
    target.postMessage(JSON.stringify({ event: 'listening', id: 1, channel: 'widget' }), 'https://www.youtube-nocookie.com');
  } else {
    for (const value of ['timeupdate', 'pause', 'ended']) target.postMessage(JSON.stringify({ method: 'addEventListener', value }), 'https://player.vimeo.com');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asObject(data: unknown): Record<string, unknown> | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return isRecord(value) ? value : null;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A time update from the player, or null for any other message. */
export function readPlayerMessage(provider: Provider, data: unknown): PlayerUpdate | null {
  const message = asObject(data);
  if (!message) return null;
  if (provider === 'youtube') {
    const info = asObject(message.info);
    const seconds = num(info?.currentTime);
    if (message.event !== 'infoDelivery' || seconds === null) return null;
    // playerState 0 = ended, 2 = paused: save at once.
    const state = num(info?.playerState);
    return { seconds, duration: num(info?.duration), final: state === 0 || state === 2 };
  }
  const payload = asObject(message.data);
  const seconds = num(payload?.seconds);
  if (seconds === null || (message.event !== 'timeupdate' && message.event !== 'pause' && message.event !== 'ended')) return null;
  return { seconds, duration: num(payload?.duration), final: message.event !== 'timeupdate' };
}
