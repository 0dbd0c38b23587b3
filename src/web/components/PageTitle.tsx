import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageShown = false;

/**
 * The page's h1. It names the browser tab and, after a client-side navigation, takes focus so a
 * screen reader announces the new page (a full page load does this by itself).
 */
export function PageTitle({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (firstPageShown) ref.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className={['page-title', className ?? ''].filter(Boolean).join(' ')}>
      {children ?? title}
    </h1>
  );
}
