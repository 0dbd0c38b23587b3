import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { errorMessage } from '../../../i18n/error-message.ts';
import { learningErrorOverrides } from '../learning-errors.ts';
import type { SaveState } from './use-response-draft.ts';

/**
 * "Saving… / Saved / Offline — saved on this device". The visible line follows every save; the
 * live region speaks only when something needs attention or recovers, so typing is not narrated.
 */
export function SaveStatus({ state, error }: { state: SaveState; error?: unknown }) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const [wasTroubled, setWasTroubled] = useState(false);

  useEffect(() => {
    if (state === 'offline' || state === 'error') {
      setWasTroubled(true);
      setAnnounce(state === 'offline' ? t('activity.save.offline') : t('activity.save.error'));
    } else if (state === 'saved' && wasTroubled) {
      setWasTroubled(false);
      setAnnounce(t('activity.save.backOnline'));
    }
  }, [state, t, wasTroubled]);

  return (
    <div className={`save-status save-status-${state}`} data-testid="save-status" data-state={state}>
      <span aria-hidden="true" className="save-status-icon">
        {state === 'saving' ? <Spinner size={16} /> : state === 'saved' ? <Icon name="check" size={16} /> : state === 'idle' ? null : <Icon name="alert" size={16} />}
      </span>
      <span>
        {state === 'saving'
          ? t('activity.save.saving')
          : state === 'saved'
            ? t('activity.save.saved')
            : state === 'offline'
              ? t('activity.save.offline')
              : state === 'error'
                ? `${t('activity.save.error')} ${errorMessage(t, error, learningErrorOverrides(t))}`
                : state === 'conflict'
                  ? t('activity.save.conflict')
                  : t('activity.save.idle')}
      </span>
      <span className="visually-hidden" role="status">
        {announce}
      </span>
    </div>
  );
}
