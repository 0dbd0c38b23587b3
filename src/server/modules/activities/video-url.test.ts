import { describe, expect, it } from 'vitest';
import { parseVideoUrl } from '../../../shared/video-url.ts';

describe('video URLs', () => {
  it('turns YouTube links into privacy-enhanced embeds', () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ', 'https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube.com/embed/dQw4w9WgXcQ']) {
      expect(parseVideoUrl(url)).toEqual({ provider: 'youtube', videoId: 'dQw4w9WgXcQ', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    }
    expect(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ?t=1m30s')?.embedUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90');
  });

  it('turns Vimeo links into do-not-track player embeds, keeping the unlisted hash', () => {
    expect(parseVideoUrl('https://vimeo.com/76979871')?.embedUrl).toBe('https://player.vimeo.com/video/76979871?dnt=1');
    expect(parseVideoUrl('https://vimeo.com/76979871/abc123def')?.embedUrl).toBe('https://player.vimeo.com/video/76979871?h=abc123def&dnt=1');
  });

  it('refuses other hosts and schemes', () => {
    expect(parseVideoUrl('https://evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(parseVideoUrl('javascript:alert(1)')).toBeNull();
    expect(parseVideoUrl('https://www.youtube.com/watch?v=<script>')).toBeNull();
  });
});
