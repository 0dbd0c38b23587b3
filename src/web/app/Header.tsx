import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../features/auth/session.ts';
import { ConnectionStatus } from '../features/offline/lazy.tsx';
import { UserMenu } from './UserMenu.tsx';
import { Wordmark } from './Wordmark.tsx';

// Signed in only, so the sign-in page never downloads it.
const NotificationBell = lazy(() => import('../features/notifications/NotificationBell.tsx').then((m) => ({ default: m.NotificationBell })));

export function Header() {
  const { t } = useTranslation();
  const { data: user } = useMe();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Wordmark />
        {user ? (
          <>
            <nav className="site-nav" aria-label={t('nav.main')}>
              <NavLink to="/work" className="site-nav-link">
                {t('work.nav')}
              </NavLink>
              <NavLink to="/courses" className="site-nav-link">
                {t('nav.courses')}
              </NavLink>
              <NavLink to="/join" className="site-nav-link">
                {t('nav.join')}
              </NavLink>
            </nav>
            <ConnectionStatus userId={user.id} />
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <UserMenu user={user} />
          </>
        ) : null}
      </div>
    </header>
  );
}
