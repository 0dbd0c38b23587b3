import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RoomView } from '../../../shared/realtime/protocol.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLessonHeading, useLiveSession } from './live-api.ts';
import { announcementsFor } from './room/announcements.ts';
import { AnnouncerProvider, useAnnounce } from './room/Announcer.tsx';
import { groupName } from './room/group-name.ts';
import { RoomProvider } from './room/room-context.tsx';
import { RoomRefused } from './room/RoomRefused.tsx';
import { StudentRoom } from './room/StudentRoom.tsx';
import { TeacherRoom } from './room/TeacherRoom.tsx';
import { useLiveRoom } from './room/use-live-room.ts';
import '../../styles/live.css';

/** Speaks the few changes that matter (see announcements.ts), politely. */
function RoomAnnouncements({ view }: { view: RoomView }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef<RoomView | null>(null);
  useEffect(() => {
    for (const a of announcementsFor(previous.current, view)) {
      const values = a.key === 'groupAssigned' ? { name: groupName(t, String(a.values?.name ?? '')) } : (a.values ?? {});
      announce(t(`live.announce.${a.key}`, values));
    }
    previous.current = view;
  }, [view, announce, t]);
  return null;
}

export function LiveRoomPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const room = useLiveRoom(lessonId);
  const session = useLiveSession(lessonId);
  const heading = useLessonHeading(lessonId);

  if (room.refused) return <RoomRefused lessonId={lessonId} error={room.refused} session={session.data ?? null} heading={heading.data} onRetry={room.retry} />;
  if (!room.view) return <Loading label={room.connection === 'reconnecting' ? t('live.connection.reconnecting') : t('live.room.joining')} />;

  const view = room.view;
  return (
    <AnnouncerProvider>
      <RoomAnnouncements view={view} />
      <RoomProvider lessonId={lessonId} room={room} view={view} session={session.data ?? null}>
        {view.me.role === 'teacher' ? (
          <TeacherRoom title={heading.data?.title ?? ''} courseId={heading.data?.courseId} connection={room.connection} />
        ) : (
          <StudentRoom title={heading.data?.title ?? ''} courseId={heading.data?.courseId} connection={room.connection} />
        )}
      </RoomProvider>
    </AnnouncerProvider>
  );
}
