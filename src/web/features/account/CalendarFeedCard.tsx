import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { useCalendarUrl, useResetCalendarUrl } from '../live/live-api.ts';
import '../../styles/live.css';

/**
 * The private calendar feed (ICS) of the user's live sessions: copy it into Google Calendar,
 * Outlook or Apple Calendar; reset it if it leaked (the old link stops working at once).
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const url = useCalendarUrl();
  const reset = useResetCalendarUrl();
  const [confirm, setConfirm] = useState(false);
  const webcal = url.data?.replace(/^https?:/, 'webcal:');

  return (
    <Card className="calendar-card" title={t('live.calendar.title')} description={t('live.calendar.lede')}>
      {url.isPending ? (
        <Loading />
      ) : url.isError ? (
        <Alert tone="error">{errorMessage(t, url.error)}</Alert>
      ) : (
        <div className="form">
          <TextField
            label={t('live.calendar.urlLabel')}
            value={url.data}
            readOnly
            className="field-link"
            hint={t('live.calendar.private')}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="button-row">
            <CopyButton text={url.data} label={t('live.calendar.copy')} copiedMessage={t('live.calendar.copied')} variant="primary" />
            {webcal ? (
              <a className="btn btn-secondary" href={webcal}>
                <span>{t('live.calendar.openApp')}</span>
              </a>
            ) : null}
          </div>
          <details className="calendar-help">
            <summary>{t('live.calendar.howTo')}</summary>
            <dl className="calendar-steps">
              <dt>Google Calendar</dt>
              <dd>{t('live.calendar.google')}</dd>
              <dt>Outlook</dt>
              <dd>{t('live.calendar.outlook')}</dd>
              <dt>Apple Calendar</dt>
              <dd>{t('live.calendar.apple')}</dd>
            </dl>
            <p className="muted">{t('live.calendar.refresh')}</p>
          </details>
          <div className="danger-zone">
            <div>
              <h3 className="danger-zone-title">{t('live.calendar.resetTitle')}</h3>
              <p className="muted">{t('live.calendar.resetBody')}</p>
            </div>
            <Button icon="refresh" onClick={() => setConfirm(true)}>
              {t('live.calendar.reset')}
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirm}
        tone="danger"
        title={t('live.calendar.resetConfirmTitle')}
        confirmLabel={t('live.calendar.reset')}
        busy={reset.isPending}
        onCancel={() => setConfirm(false)}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirm(false);
              toast(t('live.calendar.resetDone'));
            },
            onError: (error) => toast(errorMessage(t, error), 'error'),
          })
        }
      >
        <p>{t('live.calendar.resetBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
