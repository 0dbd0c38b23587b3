import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyWork, WorkItem } from '../../../shared/schemas/work.ts';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../account/use-format.ts';
import { ActivityIcon } from '../activities/ActivityIcon.tsx';
import { loadLocaleParts } from '../../i18n/i18n.ts';
import { roomPhase } from '../live/room-window.ts';
import { api } from '../../lib/api.ts';
import { CourseListLight, type LiveWindow } from '../../lib/light-schemas.ts';
import { useLiveWindows, useMyWork } from './work-api.ts';
import '../../styles/learning-base.css';
import '../../styles/work.css';

// Only while a live room is open: the button and the live strings stay out of the first download.
const LiveJoinButton = lazy(() => Promise.all([import('../live/LiveJoinButton.tsx'), loadLocaleParts(['live'])]).then(([m]) => ({ default: m.LiveJoinButton })));

type Group = 'overdue' | 'dueSoon' | 'later' | 'done';
const GROUPS: Group[] = ['overdue', 'dueSoon', 'later', 'done'];

function ItemRow({ item, live }: { item: WorkItem; live: LiveWindow | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = item.status === 'done';
  return (
    <li className={done ? 'work-item work-item-done' : 'work-item'}>
      <span className={`work-icon activity-type activity-type-${item.activity.type}`} aria-hidden="true">
        <ActivityIcon type={item.activity.type} />
      </span>
      <div className="work-main">
        <Link to={`/activities/${encodeURIComponent(item.activity.id)}`} className="work-title">
          {item.activity.title}
          <span className="visually-hidden"> ({t(`learning.types.${item.activity.type}`)})</span>
        </Link>
        <p className="work-where">
          {item.course.title} · {item.lesson.title} · <span className={`phase-word phase-word-${item.phase}`}>{t(`phases.${item.phase}`)}</span>
        </p>
        <ul className="work-facts">
          {item.dueAt ? (
            <li className={item.late && !done ? 'work-late' : undefined}>
              <Icon name="clock" size={16} />
              {t('work.due', { when: format.dateTime(item.dueAt) })}
            </li>
          ) : (
            <li>{t('work.noDue')}</li>
          )}
          {item.estimatedMinutes ? <li>{t('learning.meta.minutes', { count: item.estimatedMinutes })}</li> : null}
          {!item.activity.required ? <li>{t('learning.meta.optional')}</li> : null}
        </ul>
      </div>
      <div className="work-side">
        {done ? (
          <Badge tone="success">{t('learning.status.done')}</Badge>
        ) : item.status === 'in_progress' ? (
          <Badge tone="primary">{t('learning.status.in_progress')}</Badge>
        ) : null}
        {item.late ? <Badge tone="warning">{done ? t('learning.status.late') : t('work.overdueBadge')}</Badge> : null}
        {live && roomPhase(live) === 'open' ? (
          <Suspense fallback={null}>
            <LiveJoinButton lessonId={item.lesson.id} live={live} />
          </Suspense>
        ) : null}
      </div>
    </li>
  );
}

function WorkGroup({ group, items, lives }: { group: Group; items: WorkItem[]; lives: Map<string, LiveWindow | null> }) {
  const { t } = useTranslation();
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section className={`work-group work-group-${group}`} aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {t(`work.groups.${group}`)} <span className="section-count">{items.length}</span>
      </h2>
      <ul className="work-list">
        {items.map((item) => (
          <ItemRow key={item.activity.id} item={item} live={lives.get(item.lesson.id) ?? null} />
        ))}
      </ul>
    </section>
  );
}

function ProgressBar({ label, done, total, percent, to }: { label: string; done: number; total: number; percent: number; to: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="work-progress">
      <p className="work-progress-text" id={id}>
        <Link to={to}>{label}</Link>
        <span className="muted"> {t('learning.progress', { done, total })}</span>
      </p>
      <meter className="meter" min={0} max={100} value={percent} aria-labelledby={id} />
    </div>
  );
}

function ProgressPanel({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const id = useId();
  if (work.courses.length === 0) return null;
  return (
    <section className="card work-progress-card" aria-labelledby={id}>
      <h2 className="card-title" id={id}>
        {t('work.progressTitle')}
      </h2>
      <ul className="work-progress-list">
        {work.courses.map((course) => (
          <li key={course.courseId}>
            <ProgressBar label={course.title} to={`/courses/${encodeURIComponent(course.courseId)}`} {...course.progress} />
            <ul className="work-progress-lessons">
              {work.lessons
                .filter((lesson) => lesson.courseId === course.courseId)
                .map((lesson) => (
                  <li key={lesson.lessonId}>
                    <ProgressBar label={lesson.title} to={`/lessons/${encodeURIComponent(lesson.lessonId)}`} {...lesson.progress} />
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The student's home: everything to do across courses, most urgent first. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const query = useMyWork();
  const work = query.data;
  const all = work ? [...work.overdue, ...work.dueSoon, ...work.later, ...work.done] : [];
  const lessonIds = [...new Set(all.map((item) => item.lesson.id))];
  const lives = useLiveWindows(lessonIds);
  const toDo = work ? work.overdue.length + work.dueSoon.length + work.later.length : 0;
  // A teacher with no course to take is not told to "join with the code your teacher gave you". Same cache key as the course list.
  const courses = useQuery({ queryKey: ['courses', 'list'], queryFn: async () => (await api.get('/api/courses', CourseListLight)).courses });
  const teaches = courses.data?.some((course) => course.role === 'teacher') ?? false;

  return (
    <div className="container work-page">
      <div className="page-header">
        <div>
          <PageTitle title={t('work.title')} />
          <p className="page-lede">
            {work && toDo > 0
              ? work.remainingMinutes > 0
                ? t('work.ledeMinutes', { count: toDo, minutes: work.remainingMinutes })
                : t('work.lede', { count: toDo })
              : t('work.ledeEmpty')}
          </p>
        </div>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <PageError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {work ? (
        work.courses.length === 0 && all.length === 0 ? (
          teaches ? (
            <div className="card">
              <EmptyState
                icon="book"
                headingLevel={2}
                title={t('work.emptyTeacher.title')}
                actions={
                  <>
                    <ButtonLink to="/courses" variant="primary" icon="book">
                      {t('nav.courses')}
                    </ButtonLink>
                    <ButtonLink to="/join" icon="enter">
                      {t('courses.joinAction')}
                    </ButtonLink>
                  </>
                }
              >
                <p>{t('work.emptyTeacher.body')}</p>
              </EmptyState>
            </div>
          ) : (
            <div className="card">
              <EmptyState
                icon="book"
                headingLevel={2}
                title={t('work.empty.title')}
                actions={
                  <>
                    <ButtonLink to="/join" variant="primary" icon="enter">
                      {t('courses.joinAction')}
                    </ButtonLink>
                    <ButtonLink to="/courses" icon="book">
                      {t('nav.courses')}
                    </ButtonLink>
                  </>
                }
              >
                <p>{t('work.empty.body')}</p>
              </EmptyState>
            </div>
          )
        ) : (
          <div className="work-layout">
            <div className="work-groups">
              {toDo === 0 ? (
                <div className="card">
                  <EmptyState icon="check" headingLevel={2} title={t('work.caughtUp.title')}>
                    <p>{t('work.caughtUp.body')}</p>
                  </EmptyState>
                </div>
              ) : null}
              {GROUPS.map((group) => (
                <WorkGroup key={group} group={group} items={work[group]} lives={lives} />
              ))}
            </div>
            <ProgressPanel work={work} />
          </div>
        )
      ) : null}
    </div>
  );
}
