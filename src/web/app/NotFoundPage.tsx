import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageTitle } from '../components/PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="container container-narrow">
      <PageTitle title={t('notFound.title')} className="visually-hidden" />
      <EmptyState
        icon="info"
        headingLevel={2}
        title={t('notFound.title')}
        actions={
          <ButtonLink to="/" variant="primary">
            {t('notFound.home')}
          </ButtonLink>
        }
      >
        <p>{t('notFound.body')}</p>
      </EmptyState>
    </div>
  );
}
