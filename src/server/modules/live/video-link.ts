import type { VideoProvider } from '../../../shared/schemas/live.ts';

/**
 * Recognises the video-conference service behind a link, and whether it can be embedded.
 * Only Jitsi rooms are embedded: the others refuse to be framed or need their own apps.
 */
export function recogniseVideoLink(url: string): { provider: VideoProvider; embedUrl: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { provider: 'other', embedUrl: null };
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  const is = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (is('meet.jit.si') || is('8x8.vc') || /(^|\.)jitsi\./.test(host)) {
    const room = path.replace(/^\/+|\/+$/g, '');
    return { provider: 'jitsi', embedUrl: room ? `${parsed.origin}/${room}` : null };
  }
  if (is('zoom.us') || is('zoom.com') || is('zoomgov.com')) return { provider: 'zoom', embedUrl: null };
  if (is('meet.google.com')) return { provider: 'meet', embedUrl: null };
  if (is('teams.microsoft.com') || is('teams.live.com')) return { provider: 'teams', embedUrl: null };
  if (/bigbluebutton|(^|\.)bbb\./.test(host) || /\/bigbluebutton\//.test(path) || /^\/(b|rooms)\/[\w-]+/.test(path) && /greenlight|scalelite|bbb/.test(host)) {
    return { provider: 'bigbluebutton', embedUrl: null };
  }
  return { provider: 'other', embedUrl: null };
}

/** Breakout rooms: Jitsi rooms named after the session, unguessable because lesson ids are. */
export function breakoutVideoBase(input: { lessonId: string; videoUrl: string | null; jitsiBaseUrl: string }): string {
  if (input.videoUrl) {
    const { provider, embedUrl } = recogniseVideoLink(input.videoUrl);
    if (provider === 'jitsi' && embedUrl) return embedUrl;
  }
  return `${input.jitsiBaseUrl.replace(/\/$/, '')}/tandem-${input.lessonId}`;
}
