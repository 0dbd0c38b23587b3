import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { LivePlace } from '../LivePlace.tsx';
import { useRoom } from './room-context.tsx';

/**
 * Where the class meets: the room, the video-conference link, and for Jitsi an embed that is
 * loaded only on request (a video call on a phone costs data and battery).
 */
export function VideoCard({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { session } = useRoom();
  const [embedded, setEmbedded] = useState(false);
  if (!session || (!session.location && !session.videoUrl)) return null;
  return (
    <div id={id} className="room-anchor">
      <Card
        className="room-card video-card"
        title={
          <span className="title-with-icon">
            <LiveIcon name="video" size={20} />
            {t('live.video.title')}
          </span>
        }
      >
        <LivePlace place={session} />
        {session.embedUrl ? (
          embedded ? (
            <>
              <div className="video-embed">
                <iframe src={session.embedUrl} title={t('live.video.embedTitle')} allow="camera; microphone; fullscreen; display-capture; autoplay" />
              </div>
              <Button onClick={() => setEmbedded(false)}>{t('live.video.hide')}</Button>
            </>
          ) : (
            <Button onClick={() => setEmbedded(true)}>
              <LiveIcon name="video" size={18} />
              {t('live.video.show')}
            </Button>
          )
        ) : null}
      </Card>
    </div>
  );
}
