/**
 * Top-level keys of the locale files that load with the pages using them instead of at
 * start-up: the first download (sign-in, My work) stays within its 150 KB budget however many
 * strings the rest of the app gains. Everything else ("core") loads before the first paint.
 * Add a key here only together with the pages that must load it (app/routes.tsx).
 */
export const LAZY_LOCALE_PARTS = ['learning', 'lesson', 'activity', 'editor', 'progress', 'live', 'offline', 'readiness', 'report'] as const;
export type LocalePart = (typeof LAZY_LOCALE_PARTS)[number];

export function isLazyPart(key: string): key is LocalePart {
  return (LAZY_LOCALE_PARTS as readonly string[]).includes(key);
}
