import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';

/**
 * Last resort for a page that crashed while rendering. A failed chunk download after a deploy
 * lands here too; reloading fetches the new build.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="site-main">
      <div className="container container-narrow page-error">
        <Alert
          tone="error"
          title={t('errors.crashTitle')}
          action={
            <Button variant="secondary" icon="refresh" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
          }
        >
          {t('errors.crashBody')}
        </Alert>
      </div>
    </main>
  );
}
