import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';

/** A page whose data could not load: say why, in words, and offer to try again. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="container container-narrow page-error">
      <Alert
        tone="error"
        title={t('errors.pageTitle')}
        action={
          onRetry ? (
            <Button variant="secondary" icon="refresh" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      >
        {errorMessage(t, error)}
      </Alert>
    </div>
  );
}
