import { VideoProvider, type LiveSession } from '../../../shared/schemas/live.ts';
import type { LiveSessionRow } from './live.repository.ts';
import { recogniseVideoLink } from './video-link.ts';

/** `frameable`: whether the page may frame this URL (the CSP's frame-src); others are links only. */
export function presentLiveSession(row: LiveSessionRow, roomOpensMinutes: number, frameable: (url: string) => boolean = () => true): LiveSession {
  const start = Date.parse(row.starts_at);
  const duration = Number(row.duration_minutes);
  const recognised = row.video_url ? recogniseVideoLink(row.video_url).embedUrl : null;
  const embedUrl = recognised && frameable(recognised) ? recognised : null;
  return {
    id: row.id,
    lessonId: row.lesson_id,
    courseId: row.course_id,
    startsAt: row.starts_at,
    endsAt: new Date(start + duration * 60_000).toISOString(),
    durationMinutes: duration,
    timeZone: row.time_zone,
    location: row.location,
    videoUrl: row.video_url,
    provider: VideoProvider.safeParse(row.provider).data ?? null,
    embedUrl,
    status: row.status,
    sequence: Number(row.sequence),
    seriesId: row.series_id,
    roomOpensAt: new Date(start - roomOpensMinutes * 60_000).toISOString(),
  };
}
