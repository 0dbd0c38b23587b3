import type { Activity, ActivityType } from '../../../shared/schemas/activities.ts';

/** One activity type's variant of the Activity union. */
export type ActivityOf<K extends ActivityType> = Extract<Activity, { type: K }>;

/** Reads an index list from a stored response body (anything else counts as none). */
export function indices(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => Number.isInteger(item)) : [];
}

export const activityPagePath = (activityId: string) => `/activities/${encodeURIComponent(activityId)}`;
export const lessonPagePath = (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}`;
