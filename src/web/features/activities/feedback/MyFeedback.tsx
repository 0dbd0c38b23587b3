import { useTranslation } from 'react-i18next';
import type { ActivityResponse } from '../../../../shared/schemas/activities.ts';
import { useFormat } from '../../account/use-format.ts';

/** The teacher's feedback on the student's own work, as the teacher wrote it (plain text). */
export function MyFeedback({ response }: { response: ActivityResponse | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!response?.feedback) return null;
  return (
    <section className="my-feedback" aria-labelledby="my-feedback-title" id="feedback">
      <h2 className="my-feedback-title" id="my-feedback-title">
        {t('activity.feedback.title')}
      </h2>
      {response.feedbackAt ? <p className="muted my-feedback-when">{format.dateTime(response.feedbackAt)}</p> : null}
      {response.score !== null && response.maxScore !== null ? <p className="my-feedback-score">{t('activity.feedback.score', { score: response.score, max: response.maxScore })}</p> : null}
      <p className="pre-wrap" data-testid="my-feedback">
        {response.feedback}
      </p>
    </section>
  );
}
