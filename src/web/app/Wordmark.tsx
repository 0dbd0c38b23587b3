import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The Tandem mark: two overlapping rings, the async and the sync halves of one course. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="8.5" className="logo-ring-a" />
      <circle cx="20" cy="16" r="8.5" className="logo-ring-b" />
    </svg>
  );
}

export function Wordmark() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="wordmark" aria-label={t('nav.home')}>
      <Logo />
      <span className="wordmark-text">{t('app.name')}</span>
    </Link>
  );
}
