import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { useMe } from '../features/auth/session.ts';
import { PhoneNav } from '../features/offline/lazy.tsx';
import { Header } from './Header.tsx';

/** The frame of every page: skip link, header, and the main landmark the skip link targets. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: user } = useMe();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="site-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      {user ? <PhoneNav /> : null}
      <ScrollRestoration />
    </>
  );
}
