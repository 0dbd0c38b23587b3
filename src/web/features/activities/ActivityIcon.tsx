import type { ActivityType } from '../../../shared/schemas/activities.ts';

/** One line icon per activity type, drawn like components/Icon.tsx (24px, currentColor). */
const PATHS: Record<ActivityType, string> = {
  page: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  video: 'M4 5h16v14H4zM10 9v6l5-3z',
  quiz: 'M4 4h16v16H4zM8 12.5l2.5 2.5L16 9.5',
  poll: 'M5 20V11M12 20V5M19 20v-6M3 20h18',
  question_box: 'M4 5h16v11H9l-5 4zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5M12 14.5v.01',
  reflection: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  discussion: 'M3 5h12v8H7l-4 3zM9 16v1h8l4 3V9h-4',
  checklist: 'M4 6l1.5 1.5L8 5M4 12l1.5 1.5L8 11M4 18l1.5 1.5L8 17M11 6h9M11 12h9M11 18h9',
  link: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
};

export function ActivityIcon({ type, size = 20 }: { type: ActivityType; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[type]} />
    </svg>
  );
}
