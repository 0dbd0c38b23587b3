import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Activity } from '../../../shared/schemas/activities.ts';
import type { LiveSummary } from '../../../shared/schemas/live.ts';
import { Badge } from '../../components/Badge.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../account/use-format.ts';
import { useLessonHeading, useLiveSummary } from './live-api.ts';
import { liveRoomPath } from './live-keys.ts';
import { activityTypeLabel } from './room/activity-type.ts';
import { PollResults } from './room/PollResults.tsx';
import { useBackTo } from './room/RoomHeader.tsx';
import { useRouteExists } from './use-route-exists.ts';
import '../../styles/live.css';

/**
 * After the session. Teachers: attendance, poll results, questions asked and answered, and what
 * Tandem did for absent students. Students: the post-work, where catch-up copies of the live
 * activities appear for those who missed it.
 */
export function LiveSummaryPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const heading = useLessonHeading(lessonId);
  const teacher = heading.data?.role === 'teacher';
  const summary = useLiveSummary(lessonId, teacher);
  const back = useBackTo(lessonId, heading.data?.courseId);

  if (heading.isPending || (teacher && summary.isPending)) return <Loading />;
  if (heading.isError) return <PageError error={heading.error} onRetry={() => void heading.refetch()} />;
  if (teacher && summary.isError) return <PageError error={summary.error} onRetry={() => void summary.refetch()} />;

  return (
    <div className={teacher ? 'container summary-page' : 'container container-narrow summary-page'}>
      <BackLink to={back.to}>{t(back.label)}</BackLink>
      <div className="page-header">
        <div>
          <p className="room-kicker">{teacher ? t('live.summary.kicker') : t('live.summary.studentKicker')}</p>
          <PageTitle title={heading.data.title} />
        </div>
        {teacher ? (
          <Link to={`/lessons/${encodeURIComponent(lessonId)}/report`} className={buttonClass({ variant: 'secondary' })}>
            <span>{t('live.summary.report')}</span>
          </Link>
        ) : null}
      </div>
      {teacher ? (
        summary.data ? (
          <TeacherSummary summary={summary.data} />
        ) : (
          <EmptyState
            headingLevel={2}
            icon="clock"
            title={t('live.summary.notYetTitle')}
            actions={
              <Link to={liveRoomPath(lessonId)} className={buttonClass({ variant: 'primary' })}>
                <span>{t('live.panel.openRoom')}</span>
              </Link>
            }
          >
            <p>{t('live.summary.notYet')}</p>
          </EmptyState>
        )
      ) : (
        <StudentAfterClass lessonId={lessonId} post={heading.data.post} />
      )}
    </div>
  );
}

function TeacherSummary({ summary }: { summary: LiveSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const students = summary.attendance.filter((a) => a.role === 'student');
  const present = students.filter((a) => a.present);
  const absent = students.filter((a) => !a.present);
  const answered = summary.questions.filter((q) => q.answered).length;
  const minutes = Math.max(0, Math.round((Date.parse(summary.endedAt) - Date.parse(summary.startedAt)) / 60_000));

  return (
    <div className="stack">
      <p className="muted">{t('live.summary.when', { start: format.dateTime(summary.startedAt), end: format.timeIn(format.timeZone, summary.endedAt), count: minutes })}</p>
      <ul className="summary-stats">
        <li>
          <span className="summary-stat-value">
            {present.length}/{students.length}
          </span>
          <span className="summary-stat-label">{t('live.summary.statPresent')}</span>
        </li>
        <li>
          <span className="summary-stat-value">{summary.polls.length}</span>
          <span className="summary-stat-label">{t('live.summary.statPolls', { count: summary.polls.length })}</span>
        </li>
        <li>
          <span className="summary-stat-value">
            {answered}/{summary.questions.length}
          </span>
          <span className="summary-stat-label">{t('live.summary.statQuestions')}</span>
        </li>
      </ul>

      <div className="summary-layout">
        <Card title={t('live.attendance.title')} className="summary-attendance">
          <div className="table-scroll">
            <table className="live-table">
              <thead>
                <tr>
                  <th scope="col">{t('live.summary.name')}</th>
                  <th scope="col">{t('live.summary.status')}</th>
                  <th scope="col">{t('live.summary.joined')}</th>
                  <th scope="col" className="num">
                    {t('live.summary.minutes')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {students.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">{row.name}</th>
                    <td>{row.present ? <Badge tone="success">{t('live.summary.present')}</Badge> : <Badge tone="warning">{t('live.summary.absent')}</Badge>}</td>
                    <td>{row.firstJoinedAt ? format.timeIn(format.timeZone, row.firstJoinedAt) : '—'}</td>
                    <td className="num">{Math.round(row.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <Card title={t('live.summary.catchUpTitle')} className="summary-catchup">
          {absent.length === 0 ? (
            <p className="muted">{t('live.summary.everyone')}</p>
          ) : (
            <>
              <p>{t('live.summary.catchUpBody', { count: absent.length, activities: summary.catchUp.activityIds.length })}</p>
              <ul className="plain-list">
                {absent.map((a) => (
                  <li key={a.userId}>{a.name}</li>
                ))}
              </ul>
            </>
          )}
          {summary.discussionActivityId ? <p className="muted">{t('live.summary.discussion')}</p> : null}
        </Card>
      </div>

      <Card title={t('live.summary.pollsTitle')}>
        {summary.polls.length === 0 ? (
          <p className="muted">{t('live.summary.noPolls')}</p>
        ) : (
          <div className="summary-polls">
            {summary.polls.map((poll) => (
              <section key={poll.pollId} className="summary-poll" aria-label={poll.question}>
                <h3 className="summary-poll-question">
                  {poll.question} {poll.anonymous ? <Badge>{t('live.poll.anonymous')}</Badge> : null}
                </h3>
                <p className="muted">{t('live.summary.pollTotal', { count: poll.total })}</p>
                <PollResults poll={poll} chart={false} />
              </section>
            ))}
          </div>
        )}
      </Card>

      <Card title={t('live.questions.title')} description={t('live.summary.questionsLede', { count: summary.questions.length, answered })}>
        {summary.questions.length === 0 ? (
          <p className="muted">{t('live.questions.none')}</p>
        ) : (
          <ol className="question-list">
            {[...summary.questions]
              .sort((a, b) => b.votes - a.votes)
              .map((q) => (
                <li key={q.id} className={q.answered ? 'question question-answered' : 'question'}>
                  <div className="question-body">
                    <p className="question-text">{q.text}</p>
                    <p className="question-meta">
                      {q.source === 'prework' ? <Badge tone="primary">{t('live.questions.prework')}</Badge> : null}
                      {q.answered ? <Badge tone="success">{t('live.questions.answered')}</Badge> : <Badge tone="warning">{t('live.summary.unanswered')}</Badge>}
                      <span className="muted">{t('live.summary.votes', { count: q.votes })}</span>
                    </p>
                  </div>
                </li>
              ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

/** Students: the post-work of the lesson; for those who missed the session it holds the catch-up copies. */
function StudentAfterClass({ lessonId, post }: { lessonId: string; post: Activity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lessonPath = `/lessons/${encodeURIComponent(lessonId)}`;
  const hasLessonPage = useRouteExists(lessonPath);
  const hasActivityPage = useRouteExists(`/activities/x`);
  return (
    <Card title={t('live.summary.afterTitle')} description={t('live.summary.afterLede')}>
      {post.length === 0 ? (
        <p className="muted">{t('live.summary.noPost')}</p>
      ) : (
        <ul className="after-list">
          {post.map((activity) => (
            <li key={activity.id} className="after-item">
              <div>
                <p className="after-title">
                  {hasActivityPage ? <Link to={`/activities/${encodeURIComponent(activity.id)}`}>{activity.title}</Link> : activity.title}
                </p>
                <p className="muted">
                  {activityTypeLabel(t, activity.type)}
                  {activity.estimatedMinutes ? ` · ${t('live.summary.estimated', { count: activity.estimatedMinutes })}` : ''}
                  {activity.dueAt ? ` · ${t('live.summary.due', { date: format.dateTime(activity.dueAt) })}` : ''}
                </p>
              </div>
              {activity.myResponse?.status === 'done' ? <Badge tone="success">{t('live.summary.done')}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {hasLessonPage ? (
        <p>
          <Link to={lessonPath} className={buttonClass({ variant: 'primary' })}>
            <span>{t('live.summary.toLesson')}</span>
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
