import { LineIcon, type IconProps } from '../../components/Icon.tsx';

/** Icons only the live pages use, drawn like components/Icon.tsx (24px line, currentColor). */
const PATHS = {
  video: 'M3 7a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM16 10l5-3v10l-5-3',
  hand: 'M8 13V5.5a1.5 1.5 0 0 1 3 0V11M11 10V4.5a1.5 1.5 0 0 1 3 0V11M14 10.5V6a1.5 1.5 0 0 1 3 0v7.5a6.5 6.5 0 0 1-6.5 6.5h-.6a6 6 0 0 1-4.6-2.2L3.5 15a1.5 1.5 0 0 1 2.3-1.9L8 15.5',
  message: 'M4 5h16v11H8l-4 4z',
  pin: 'M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21zM12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5',
  calendar: 'M4 6h16v15H4zM4 10h16M8 3v4M16 3v4',
  play: 'M7 4.5v15l12-7.5z',
  stop: 'M6 6h12v12H6z',
  timer: 'M12 8v5l3 2M12 22a8 8 0 1 0 0-16 8 8 0 0 0 0 16M9 2h6',
  chart: 'M4 20V10M10 20V4M16 20v-7M2 20h20',
  thumbUp: 'M7 10v10H4V10zM7 10l4-7a2 2 0 0 1 2.5 2.3L13 9h5.5a2 2 0 0 1 2 2.4l-1.4 7A2 2 0 0 1 17.1 20H7',
  wifiOff: 'M2 2l20 20M8.5 16.4a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 4.3-2.4M19 12.9a10 10 0 0 0-2.1-1.6M1.4 9a15 15 0 0 1 4.4-2.8M10.7 5.1A15 15 0 0 1 22.6 9M12 20h.01',
  users: 'M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 10.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.6a3 3 0 0 1 0 5.8',
  mute: 'M4 5h16v11H8l-4 4zM3 3l18 18',
} as const;

export type LiveIconName = keyof typeof PATHS;

export function LiveIcon({ name, ...props }: IconProps & { name: LiveIconName }) {
  return <LineIcon d={PATHS[name]} {...props} />;
}
