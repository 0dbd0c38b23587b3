import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessageView } from '../../../../shared/realtime/protocol.ts';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { useFormat } from '../../account/use-format.ts';
import { LiveIcon } from '../LiveIcon.tsx';
import { useRoom } from './room-context.tsx';

/**
 * The room chat, or a breakout group's. Messages are not a live region (a busy chat would drown
 * everything else a screen reader says); the list keeps its latest message in view.
 */
export function ChatCard({ id, scope = 'room', messages, title }: { id?: string; scope?: 'room' | 'group'; messages: ChatMessageView[]; title?: string }) {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const format = useFormat();
  const teacher = view.me.role === 'teacher';
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const muted = !teacher && scope === 'room' && (view.chatMuted || view.me.muted);
  const mutedUsers = new Set(view.mutedUserIds);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    if (await act({ type: 'chat.send', text, scope })) setText('');
    setBusy(false);
  }

  return (
    <div id={id} className="room-anchor">
      <Card
        className="room-card chat-card"
        headingLevel={scope === 'group' ? 3 : 2}
        title={
          <span className="title-with-icon">
            <LiveIcon name="message" size={20} />
            {title ?? t('live.chat.title')}
          </span>
        }
        actions={
          teacher && scope === 'room' ? (
            <Button variant="ghost" onClick={() => void act({ type: view.chatMuted ? 'chat.unmute' : 'chat.mute' })}>
              <LiveIcon name={view.chatMuted ? 'message' : 'mute'} size={18} />
              {view.chatMuted ? t('live.chat.unmuteAll') : t('live.chat.muteAll')}
            </Button>
          ) : null
        }
      >
        {teacher && scope === 'room' && view.chatMuted ? <p className="muted">{t('live.chat.mutedForStudents')}</p> : null}
        {messages.length === 0 ? (
          <p className="muted room-empty">{t('live.chat.none')}</p>
        ) : (
          <ol className="chat-list" ref={listRef} tabIndex={0} aria-label={title ?? t('live.chat.title')}>
            {messages.map((message) => {
              const isMutedUser = mutedUsers.has(message.userId);
              const canMute = teacher && scope === 'room' && message.userId !== view.me.userId && !view.present.some((m) => m.userId === message.userId && m.role === 'teacher');
              return (
                <li key={message.id} className={message.userId === view.me.userId ? 'chat-message chat-message-mine' : 'chat-message'}>
                  <p className="chat-meta">
                    <span className="chat-author">{message.userId === view.me.userId ? t('live.chat.you') : message.name}</span>
                    <span className="muted"> · {format.timeIn(format.timeZone, message.at)}</span>
                  </p>
                  <p className="chat-text">{message.text}</p>
                  {canMute ? (
                    <button
                      type="button"
                      className="chat-mute"
                      onClick={() => void act({ type: isMutedUser ? 'chat.unmute' : 'chat.mute', userId: message.userId })}
                    >
                      {isMutedUser ? t('live.chat.unmuteUser', { name: message.name }) : t('live.chat.muteUser', { name: message.name })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        {view.status === 'open' ? (
          muted ? (
            <p className="muted chat-muted-note">{view.me.muted ? t('live.chat.youAreMuted') : t('live.chat.mutedNote')}</p>
          ) : (
            <form className="inline-ask" onSubmit={(event) => void send(event)}>
              <label htmlFor={inputId} className="visually-hidden">
                {t('live.chat.messageLabel')}
              </label>
              <div className="inline-ask-row">
                <input
                  id={inputId}
                  className="input"
                  value={text}
                  maxLength={2000}
                  placeholder={scope === 'group' ? t('live.chat.placeholderGroup') : t('live.chat.placeholder')}
                  onChange={(event) => setText(event.target.value)}
                  autoComplete="off"
                />
                <Button type="submit" busy={busy} disabled={!text.trim()}>
                  {t('live.chat.send')}
                </Button>
              </div>
            </form>
          )
        ) : null}
      </Card>
    </div>
  );
}
