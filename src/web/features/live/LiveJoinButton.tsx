import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveSession } from '../../../shared/schemas/live.ts';
import { Link } from 'react-router';
import { buttonClass } from '../../components/Button.tsx';
import { api } from '../../lib/api.ts';
import { LiveWindowEnvelope } from '../../lib/light-schemas.ts';
import { LiveIcon } from './LiveIcon.tsx';
import { livePath, liveRoomPath, liveWindowKey } from './live-keys.ts';
import { useRoomPhase } from './use-room-phase.ts';

/**
 * "Join live session", shown only while the room is open for students; nothing otherwise.
 * Pass `live` when the page already has the session, to skip the request.
 */
export function LiveJoinButton({ lessonId, live }: { lessonId: string; live?: Pick<LiveSession, 'status' | 'roomOpensAt' | 'endsAt'> | null }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: liveWindowKey(lessonId),
    // Checked without zod: My work keeps a tight first-download budget.
    queryFn: async () => (await api.getOrNull(livePath(lessonId), LiveWindowEnvelope, 404))?.live ?? null,
    enabled: live === undefined,
    staleTime: 5 * 60_000,
  });
  const session = live === undefined ? query.data : live;
  const phase = useRoomPhase(session);
  if (phase !== 'open') return null;
  return (
    <Link to={liveRoomPath(lessonId)} className={buttonClass({ variant: 'primary' }, 'live-join-button')}>
      <LiveIcon name="video" size={18} />
      <span>{t('live.join.action')}</span>
    </Link>
  );
}
