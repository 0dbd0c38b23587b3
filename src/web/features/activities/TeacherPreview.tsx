import { useTranslation } from 'react-i18next';
import type { Activity, QuizItemView } from '../../../shared/schemas/activities.ts';
import { Alert } from '../../components/Alert.tsx';
import { Icon } from '../../components/Icon.tsx';
import { TagChips } from './doing/PageTask.tsx';
import { PageHtml } from './PageHtml.tsx';

function answerText(item: QuizItemView): string {
  const answer = item.answer;
  if (answer === undefined) return '';
  if (typeof answer === 'number') return item.choices?.[answer] ?? '';
  if (Array.isArray(answer)) return answer.map((a) => (typeof a === 'number' ? (item.choices?.[a] ?? '') : a)).join(' · ');
  return answer.tolerance ? `${answer.value} ± ${answer.tolerance}` : String(answer.value);
}

function PagePreview({ activity }: { activity: Extract<Activity, { type: 'page' }> }) {
  return (
    <>
      <TagChips tags={activity.content.tags} />
      <PageHtml content={activity.content} readOnly />
    </>
  );
}

/** What students will see, for the teacher: read-only, with quiz answers shown. */
export function TeacherPreview({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  switch (activity.type) {
    case 'page':
      return <PagePreview activity={activity} />;
    case 'video': {
      const { embedUrl, provider } = activity.content;
      if (!embedUrl) return <Alert tone="error">{t('activity.video.missing')}</Alert>;
      return (
        <div className="video-frame">
          {provider === 'file' ? <video src={embedUrl} controls preload="metadata" playsInline /> : <iframe src={embedUrl} title={activity.title} allow="encrypted-media; picture-in-picture; fullscreen" allowFullScreen />}
        </div>
      );
    }
    case 'quiz':
      return (
        <ol className="preview-list">
          {activity.content.items.map((item) => (
            <li key={item.id}>
              <p className="quiz-prompt">{item.prompt}</p>
              {item.choices ? (
                <ul className="plain-list">
                  {item.choices.map((choice, index) => (
                    <li key={index}>{choice}</li>
                  ))}
                </ul>
              ) : null}
              <p className="quiz-verdict quiz-verdict-right">
                <Icon name="check" size={18} />
                {t('activity.quiz.rightAnswer', { answer: answerText(item) })}
              </p>
            </li>
          ))}
        </ol>
      );
    case 'poll':
      return (
        <>
          <p className="task-prompt">{activity.content.question}</p>
          <ul className="plain-list">
            {activity.content.choices.map((choice, index) => (
              <li key={index}>{choice}</li>
            ))}
          </ul>
        </>
      );
    case 'reflection':
      return <p className="task-prompt">{activity.content.prompt}</p>;
    case 'checklist':
      return (
        <ul className="plain-list">
          {activity.content.items.map((item, index) => (
            <li key={index}>☐ {item}</li>
          ))}
        </ul>
      );
    case 'link':
      return (
        <>
          {activity.content.description ? <p className="pre-wrap">{activity.content.description}</p> : null}
          <p className="link-url">{activity.content.url}</p>
        </>
      );
    case 'question_box':
    case 'discussion':
      return null;
  }
}
