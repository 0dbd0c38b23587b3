import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../../shared/schemas/common.ts';
import { liveTexts } from '../live/live-texts.ts';

export type CalendarSession = {
  id: string;
  lessonId: string;
  lessonTitle: string;
  courseTitle: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  updatedAt: string;
};

export type CalendarDue = { activityId: string; title: string; lessonTitle: string; courseTitle: string; dueAt: string; updatedAt: string };

/** How long a pre-work due date shows in a calendar: a short slot ending at the due time. */
const DUE_SLOT_MINUTES = 15;

/**
 * The RFC 5545 feed. Times are UTC instants (calendar apps show them in the reader's zone);
 * UIDs are stable so an updated or cancelled session replaces its earlier copy (SEQUENCE).
 */
export function buildCalendar(input: { locale: Locale; appUrl: string; sessions: CalendarSession[]; due: CalendarDue[] }): string {
  const texts = liveTexts(input.locale);
  const calendar = ical({
    name: texts.calendarName,
    prodId: { company: 'Tandem', product: 'Tandem', language: input.locale.toUpperCase() },
    ttl: 60 * 60,
  });
  for (const s of input.sessions) {
    const start = new Date(s.startsAt);
    const roomUrl = `${input.appUrl}/lessons/${s.lessonId}/live`;
    const joinUrl = s.videoUrl ?? roomUrl;
    const description = [
      s.status === 'cancelled' ? texts.cancelled.toUpperCase() : null,
      `${texts.join}: ${joinUrl}`,
      s.videoUrl ? `${texts.room}: ${roomUrl}` : null,
      s.location ? `${texts.place}: ${s.location}` : null,
    ].filter(Boolean).join('\n');
    calendar.createEvent({
      id: `${s.id}@tandem`,
      start,
      end: new Date(start.getTime() + s.durationMinutes * 60_000),
      stamp: new Date(s.updatedAt),
      lastModified: new Date(s.updatedAt),
      sequence: s.sequence,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: texts.event(s.lessonTitle, s.courseTitle),
      description,
      location: s.location ?? s.videoUrl ?? null,
      url: joinUrl,
    });
  }
  for (const d of input.due) {
    const end = new Date(d.dueAt);
    calendar.createEvent({
      id: `${d.activityId}-due@tandem`,
      start: new Date(end.getTime() - DUE_SLOT_MINUTES * 60_000),
      end,
      stamp: new Date(d.updatedAt),
      summary: texts.due(d.title, d.courseTitle),
      description: `${texts.dueDescription(d.lessonTitle)}\n${input.appUrl}/activities/${d.activityId}`,
      url: `${input.appUrl}/activities/${d.activityId}`,
    });
  }
  return calendar.toString();
}
