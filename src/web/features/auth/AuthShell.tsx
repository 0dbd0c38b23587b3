import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

/** Sign-in and sign-up: the form, and beside it on wide screens what Tandem is about. */
export function AuthShell({ title, lede, children, footer }: { title: string; lede?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth container">
      <div className="auth-panel">
        <PageTitle title={title} />
        {lede ? <div className="auth-lede">{lede}</div> : null}
        {children}
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </div>
      <aside className="auth-intro" aria-labelledby="auth-intro-title">
        <h2 className="auth-intro-title" id="auth-intro-title">
          {t('auth.intro.title')}
        </h2>
        <ol className="loop">
          <li className="loop-step loop-pre">
            <span className="loop-name">{t('phases.pre')}</span>
            <span className="loop-text">{t('auth.intro.pre')}</span>
          </li>
          <li className="loop-step loop-live">
            <span className="loop-name">{t('phases.live')}</span>
            <span className="loop-text">{t('auth.intro.live')}</span>
          </li>
          <li className="loop-step loop-post">
            <span className="loop-name">{t('phases.post')}</span>
            <span className="loop-text">{t('auth.intro.post')}</span>
          </li>
        </ol>
      </aside>
    </div>
  );
}
