import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../features/auth/session.ts';
import { UserMenu } from './UserMenu.tsx';
import { Wordmark } from './Wordmark.tsx';

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
              <NavLink to="/" end className="site-nav-link">
                {t('nav.courses')}
              </NavLink>
              <NavLink to="/join" className="site-nav-link">
                {t('nav.join')}
              </NavLink>
            </nav>
            <UserMenu user={user} />
          </>
        ) : null}
      </div>
    </header>
  );
}
