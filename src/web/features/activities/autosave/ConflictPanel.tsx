import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { useFormat } from '../../account/use-format.ts';
import type { Conflict } from './use-response-draft.ts';

/**
 * The same response changed on another device: both versions side by side, and the student
 * picks. Nothing is dropped until they do.
 */
export function ConflictPanel<T>({ conflict, render, onKeepMine, onTakeTheirs }: { conflict: Conflict<T>; render: (value: T) => ReactNode; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  return (
    <section className="conflict" role="alert" aria-labelledby={titleId}>
      <h3 id={titleId} className="conflict-title">
        {t('activity.conflict.title')}
      </h3>
      <p>{t('activity.conflict.body')}</p>
      <div className="conflict-versions">
        <div className="conflict-version">
          <h4>{t('activity.conflict.mine')}</h4>
          <div className="conflict-body" data-testid="conflict-mine">
            {render(conflict.mine)}
          </div>
          <Button variant="primary" onClick={onKeepMine}>
            {t('activity.conflict.keepMine')}
          </Button>
        </div>
        <div className="conflict-version">
          <h4>{conflict.theirs.updatedAt ? t('activity.conflict.theirsAt', { when: format.dateTime(conflict.theirs.updatedAt) }) : t('activity.conflict.theirs')}</h4>
          <div className="conflict-body" data-testid="conflict-theirs">
            {render(conflict.theirsValue)}
          </div>
          <Button onClick={onTakeTheirs}>{t('activity.conflict.takeTheirs')}</Button>
        </div>
      </div>
    </section>
  );
}
