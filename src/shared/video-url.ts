/**
 * Turns a YouTube or Vimeo page URL into its privacy-enhanced embed URL
 * (youtube-nocookie.com, player.vimeo.com with dnt=1). Shared so the editor can preview it.
 * Returns null for anything else.
 */
export type VideoEmbed = { provider: 'youtube' | 'vimeo'; videoId: string; embedUrl: string };

const YOUTUBE_ID = /^[\w-]{6,20}$/;

export function parseVideoUrl(raw: string): VideoEmbed | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const parts = url.pathname.split('/').filter(Boolean);

  let youtubeId: string | undefined;
  if (host === 'youtu.be') youtubeId = parts[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'music.youtube.com') {
    if (parts[0] === 'watch') youtubeId = url.searchParams.get('v') ?? undefined;
    else if (parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live' || parts[0] === 'v') youtubeId = parts[1];
  }
  if (youtubeId !== undefined) {
    if (!YOUTUBE_ID.test(youtubeId)) return null;
    const start = youtubeStart(url);
    const query = start ? `?start=${start}` : '';
    return { provider: 'youtube', videoId: youtubeId, embedUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}${query}` };
  }

  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = parts.find((p) => /^\d{3,12}$/.test(p));
    if (!id) return null;
    // Unlisted videos carry a privacy hash after the id (vimeo.com/123/abcdef or ?h=abcdef).
    const after = parts[parts.indexOf(id) + 1];
    const hash = url.searchParams.get('h') ?? (after && /^[0-9a-f]{6,20}$/i.test(after) ? after : undefined);
    const query = new URLSearchParams({ ...(hash ? { h: hash } : {}), dnt: '1' });
    return { provider: 'vimeo', videoId: id, embedUrl: `https://player.vimeo.com/video/${id}?${query.toString()}` };
  }
  return null;
}

function youtubeStart(url: URL): number | undefined {
  const t = url.searchParams.get('t') ?? url.searchParams.get('start');
  if (!t) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t);
  if (!match) return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}
