import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../shared/schemas/auth.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Icon } from '../components/Icon.tsx';
import { useSignOut } from '../features/auth/session.ts';
import { usePopover } from '../lib/use-popover.ts';

/** The account disclosure in the header: who is signed in, settings, sign out. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const { open, setOpen, rootRef, buttonRef, onBlur } = usePopover();
  const panelId = useId();
  const signOut = useSignOut();

  return (
    <div
      className="user-menu"
      ref={rootRef}
      onBlur={onBlur}
    >
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={user.name} />
        <span className="user-menu-name">{user.name}</span>
        <span className="visually-hidden">{t('nav.accountMenu')}</span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div className="user-menu-panel" id={panelId} hidden={!open}>
        <div className="user-menu-who">
          <span className="user-menu-who-name">{user.name}</span>
          <span className="user-menu-who-email">{user.email}</span>
        </div>
        <Link to="/work" className="user-menu-item user-menu-phone-only">
          <Icon name="check" size={18} />
          {t('work.nav')}
        </Link>
        <Link to="/courses" className="user-menu-item user-menu-phone-only">
          <Icon name="book" size={18} />
          {t('nav.courses')}
        </Link>
        <Link to="/join" className="user-menu-item user-menu-phone-only">
          <Icon name="enter" size={18} />
          {t('nav.join')}
        </Link>
        <Link to="/account" className="user-menu-item">
          <Icon name="settings" size={18} />
          {t('nav.account')}
        </Link>
        <button type="button" className="user-menu-item" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          <Icon name="logout" size={18} />
          {t('nav.signOut')}
        </button>
      </div>
    </div>
  );
}
