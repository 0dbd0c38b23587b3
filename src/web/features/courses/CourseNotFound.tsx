import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

/** A course the viewer may not see looks the same as one that does not exist (the API says 404 for both). */
export function CourseNotFound() {
  const { t } = useTranslation();
  return (
    <div className="container container-narrow">
      <PageTitle title={t('course.notFoundTitle')} className="visually-hidden" />
      <div className="card">
        <EmptyState
          icon="book"
          headingLevel={2}
          title={t('course.notFoundTitle')}
          actions={
            <ButtonLink to="/" variant="primary">
              {t('course.backToCourses')}
            </ButtonLink>
          }
        >
          <p>{t('course.notFoundBody')}</p>
        </EmptyState>
      </div>
    </div>
  );
}
