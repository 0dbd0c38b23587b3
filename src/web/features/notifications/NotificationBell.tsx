import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../shared/schemas/notifications.ts';
import { Button } from '../../components/Button.tsx';
import { usePopover } from '../../lib/use-popover.ts';
import { useFormat } from '../account/use-format.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications-api.ts';
import '../../styles/notifications.css';

function BellIcon() {
  return (
    <svg className="icon" width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** The header's bell: unread count, the latest notifications, mark as read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const { open, setOpen, rootRef, buttonRef, onBlur } = usePopover();
  const panelId = useId();
  const unread = query.data?.unreadCount ?? 0;
  const notifications = query.data?.notifications ?? [];

  // Announce new arrivals once (politely), not the count on every page.
  const seen = useRef<number | null>(null);
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (query.data === undefined) return;
    if (seen.current !== null && unread > seen.current) setAnnounce(t('notifications.arrived', { count: unread }));
    seen.current = unread;
  }, [query.data, unread, t]);

  function openNotification(notification: Notification) {
    if (!notification.read) markRead.mutate(notification.id);
    setOpen(false);
    if (notification.link?.startsWith('/')) void navigate(notification.link);
  }

  return (
    <div
      className="notification-bell"
      ref={rootRef}
      onBlur={onBlur}
    >
      <button ref={buttonRef} type="button" className="bell-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        <BellIcon />
        <span className="visually-hidden">{t('notifications.label', { count: unread })}</span>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status">
        {announce}
      </span>
      <div className="bell-panel" id={panelId} hidden={!open}>
        <div className="bell-panel-header">
          <h2 className="bell-title">{t('notifications.title')}</h2>
          {unread > 0 ? (
            <Button variant="ghost" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              {t('notifications.markAll')}
            </Button>
          ) : null}
        </div>
        {notifications.length === 0 ? (
          <p className="bell-empty muted">{t('notifications.empty')}</p>
        ) : (
          <ul className="bell-list">
            {notifications.slice(0, 30).map((notification) => (
              <li key={notification.id}>
                <button type="button" className={notification.read ? 'bell-item' : 'bell-item bell-item-unread'} onClick={() => openNotification(notification)}>
                  {notification.read ? null : <span className="visually-hidden">{t('notifications.unread')}: </span>}
                  <span className="bell-item-title">{notification.title}</span>
                  <span className="bell-item-text">{notification.text}</span>
                  <span className="bell-item-time">{format.dateTime(notification.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
