/** Query keys shared by the small join button (on My work) and the live pages, kept zod-free. */
export const liveSessionKey = (lessonId: string) => ['live', 'session', lessonId] as const;
/** Only the times the Join button needs (a lighter answer than the full session). */
export const liveWindowKey = (lessonId: string) => ['live', 'window', lessonId] as const;

export const livePath = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}/live`;

export const liveRoomPath = (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}/live`;
