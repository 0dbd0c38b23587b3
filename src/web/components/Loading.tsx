import { useTranslation } from 'react-i18next';
import { Spinner } from './Spinner.tsx';

/** The placeholder for a page or panel whose data is on its way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner size={24} />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
