import { useTranslation } from 'react-i18next';
import type { VideoProvider } from '../../../shared/schemas/live.ts';
import { LiveIcon } from './LiveIcon.tsx';
import { providerLabel } from './video-provider.ts';

type Place = { location?: string | null | undefined; videoUrl?: string | null | undefined; provider?: VideoProvider | null | undefined };

/** Where the session happens: a room, a video conference (with its service named), or both. */
export function LivePlace({ place }: { place: Place }) {
  const { t } = useTranslation();
  if (!place.location && !place.videoUrl) return null;
  return (
    <ul className="live-place">
      {place.location ? (
        <li>
          <LiveIcon name="pin" size={18} />
          <span>
            <span className="visually-hidden">{t('live.place.room')}: </span>
            {place.location}
          </span>
        </li>
      ) : null}
      {place.videoUrl ? (
        <li>
          <LiveIcon name="video" size={18} />
          <a href={place.videoUrl} target="_blank" rel="noopener noreferrer" className="live-video-link">
            {t('live.place.openVideo', { provider: providerLabel(t, place.provider) })}
            <span className="visually-hidden"> {t('live.place.newTab')}</span>
          </a>
        </li>
      ) : null}
    </ul>
  );
}
