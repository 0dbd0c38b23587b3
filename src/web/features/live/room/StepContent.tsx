import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActivityEnvelope, type Activity } from '../../../../shared/schemas/activities.ts';
import { Loading } from '../../../components/Loading.tsx';
import { errorMessage } from '../../../i18n/error-message.ts';
import { api } from '../../../lib/api.ts';
import { ServerHtml } from '../../activities/ServerHtml.tsx';
import { demoteHeadings } from './step-html.ts';

export function useActivity(activityId: string | undefined) {
  return useQuery({
    queryKey: ['live', 'activity', activityId],
    queryFn: async () => (await api.get(`/api/activities/${encodeURIComponent(activityId ?? '')}`, ActivityEnvelope)).activity,
    enabled: Boolean(activityId),
    staleTime: 60_000,
  });
}

/** What a run-sheet step shows: the page, the video, the prompt… (polls are answered in their own card). */
export function StepContent({ activityId, headingLevel }: { activityId: string; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const query = useActivity(activityId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <p className="muted">{errorMessage(t, query.error)}</p>;
  return <ActivityBody activity={query.data} headingLevel={headingLevel} />;
}

function ActivityBody({ activity, headingLevel }: { activity: Activity; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  switch (activity.type) {
    case 'page':
      return <ServerHtml className="step-prose" html={demoteHeadings(activity.content.html, headingLevel)} />;
    case 'video':
      return activity.content.embedUrl ? (
        <div className="step-video">
          <iframe src={activity.content.embedUrl} title={activity.title} allow="fullscreen; picture-in-picture" loading="lazy" />
        </div>
      ) : (
        <p className="muted">{t('live.step.videoMissing')}</p>
      );
    case 'poll':
      return <p className="step-prompt">{activity.content.question}</p>;
    case 'quiz':
      return <p className="muted">{t('live.step.quiz', { count: activity.content.items.length })}</p>;
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return <p className="step-prompt">{activity.content.prompt}</p>;
    case 'checklist':
      return (
        <ul className="step-list">
          {activity.content.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'link':
      return (
        <p>
          {activity.content.description ? <span className="step-prompt">{activity.content.description} </span> : null}
          <a href={activity.content.url} target="_blank" rel="noopener noreferrer">
            {activity.content.url}
            <span className="visually-hidden"> {t('live.place.newTab')}</span>
          </a>
        </p>
      );
  }
}
