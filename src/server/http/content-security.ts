import type { IncomingMessage } from 'node:http';

/**
 * The Content-Security-Policy, in one place with what it must allow. No inline script, no eval,
 * no plugin; frames only from the video players and the video-conference service the app embeds
 * (the live-session presenter embeds a Jitsi room only when its origin is listed here).
 * Images and media come from Tandem itself: a Markdown image on another site is not loaded, so a
 * post in a class discussion cannot make classmates' browsers call a stranger's server.
 */

/** Privacy-enhanced YouTube and Vimeo players (src/shared/video-url.ts) and the public Jitsi services. */
const EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://meet.jit.si', 'https://8x8.vc'];

export function frameOrigins(jitsiBaseUrl: string): string[] {
  const own = new URL(jitsiBaseUrl).origin;
  return EMBED_ORIGINS.includes(own) ? EMBED_ORIGINS : [...EMBED_ORIGINS, own];
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;

/**
 * The WebSocket origin of this very request (Socket.IO): `'self'` covers it in current browsers,
 * older Safari needs it spelled out. The Host header is checked so it cannot inject a directive.
 */
function ownWebSocket(publicUrl: string | undefined) {
  return (req: IncomingMessage): string => {
    if (publicUrl) return new URL(publicUrl).origin.replace(/^http/, 'ws');
    const host = req.headers.host ?? '';
    if (!HOST.test(host)) return "'self'";
    const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https' || 'encrypted' in req.socket ? 'wss' : 'ws';
    return `${proto}://${host}`;
  };
}

export function contentSecurityDirectives(config: { jitsiBaseUrl: string; publicUrl: string | undefined }) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // React sets style attributes (progress bars, chart sizes); no style element is inline.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ownWebSocket(config.publicUrl)],
    frameSrc: ["'self'", ...frameOrigins(config.jitsiBaseUrl)],
    frameAncestors: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    // Not upgrading: a school may run Tandem on plain http inside its network.
    upgradeInsecureRequests: null,
  };
}
