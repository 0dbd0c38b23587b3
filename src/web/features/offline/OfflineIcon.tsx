import { LineIcon, type IconProps } from '../../components/Icon.tsx';

/** Line icons of the offline feature, drawn like components/Icon.tsx (24px grid, currentColor). */
const PATHS = {
  cloud: 'M7 18a4.5 4.5 0 0 1-.6-8.96A6 6 0 0 1 18 9.5a4.25 4.25 0 0 1-.5 8.5z',
  cloudOff: 'M3 3l18 18M8.5 6.3A6 6 0 0 1 18 9.5a4.25 4.25 0 0 1 2.3 7.2M16.5 18H7a4.5 4.5 0 0 1-1.3-8.8',
  sync: 'M20 12a8 8 0 0 1-13.7 5.6M4 12a8 8 0 0 1 13.7-5.6M17.5 3v3.6h-3.6M6.5 21v-3.6h3.6',
  download: 'M12 4v11M7 10.5l5 5 5-5M5 20h14',
  deviceCheck: 'M7 3h10a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM9.5 12l2 2 3.5-3.5',
  live: 'M12 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4M8.5 8.5a5 5 0 0 0 0 7M15.5 8.5a5 5 0 0 1 0 7M5.6 5.6a9 9 0 0 0 0 12.8M18.4 5.6a9 9 0 0 1 0 12.8',
} as const;

export type OfflineIconName = keyof typeof PATHS;

export function OfflineIcon({ name, ...props }: IconProps & { name: OfflineIconName }) {
  return <LineIcon d={PATHS[name]} {...props} />;
}
