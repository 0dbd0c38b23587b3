import { useTranslation } from 'react-i18next';
import { LiveIcon } from '../LiveIcon.tsx';
import type { Connection } from './use-live-room.ts';

/** Connected or reconnecting, in words and an icon (never colour alone); changes are announced. */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  return (
    <p className={`connection connection-${connection}`} role="status">
      {connection === 'connected' ? <span className="connection-dot" aria-hidden="true" /> : <LiveIcon name="wifiOff" size={16} />}
      <span>{t(`live.connection.${connection}`)}</span>
    </p>
  );
}
