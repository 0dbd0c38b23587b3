import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** "3 of 5 done" with a bar; the words carry the meaning, the bar is a glance. */
export function LessonProgressMeter({ done, total, label }: { done: number; total: number; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const percent = total === 0 ? 0 : Math.round((100 * done) / total);
  return (
    <div className="progress-line">
      <span id={id} className="progress-text">
        {label ? <span className="progress-label">{label} </span> : null}
        {t('learning.progress', { done, total })}
      </span>
      <meter className="meter" min={0} max={100} value={percent} aria-labelledby={id} />
    </div>
  );
}
