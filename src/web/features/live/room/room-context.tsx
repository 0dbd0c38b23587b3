import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCommandInput, RoomView } from '../../../../shared/realtime/protocol.ts';
import type { LiveSession } from '../../../../shared/schemas/live.ts';
import { useToast } from '../../../components/Toasts.tsx';
import type { LiveRoom } from './use-live-room.ts';

type Room = {
  lessonId: string;
  view: RoomView;
  session: LiveSession | null;
  /** Sends a command; a refusal is shown as a toast in the user's language. Resolves to success. */
  act: (command: ClientCommandInput) => Promise<boolean>;
  connected: boolean;
};

const RoomContext = createContext<Room | null>(null);

export function RoomProvider({ lessonId, room, view, session, children }: { lessonId: string; room: LiveRoom; view: RoomView; session: LiveSession | null; children: ReactNode }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { send } = room;
  const act = useCallback(
    async (command: ClientCommandInput) => {
      const ack = await send(command);
      if (!ack.ok) toast(t(`live.errors.${ack.error.code}`), 'error');
      return ack.ok;
    },
    [send, t, toast],
  );
  const connected = room.connection === 'connected';
  const value = useMemo(() => ({ lessonId, view, session, act, connected }), [lessonId, view, session, act, connected]);
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom needs a RoomProvider');
  return room;
}
