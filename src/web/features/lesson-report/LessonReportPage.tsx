import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LessonReport, LessonReportStudent } from '../../../shared/schemas/lesson-report.ts';
import { Badge } from '../../components/Badge.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../account/use-format.ts';
import { reportCsvHref, useLessonReport } from './report-api.ts';
import type { ReportBar } from './ReportChart.tsx';
import './lesson-report.css';

const ReportChart = lazy(() => import('./ReportChart.tsx'));

/** Teacher, after class: the three phases side by side, for the class and for each student. */
export function LessonReportPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const report = useLessonReport(lessonId);
  if (report.isPending) return <Loading />;
  if (report.isError) return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  return (
    <div className="container report-page">
      <BackLink to={`/lessons/${encodeURIComponent(lessonId)}`}>{t('report.back')}</BackLink>
      <div className="page-header">
        <div>
          <p className="report-kicker">{t('report.kicker')}</p>
          <PageTitle title={data.title} />
          <When data={data} />
        </div>
        {data.students.length > 0 ? (
          <a href={reportCsvHref(lessonId)} download className={buttonClass({ variant: 'secondary' })} data-testid="report-csv">
            <Icon name="archive" size={18} />
            <span>{t('report.csv')}</span>
          </a>
        ) : null}
      </div>
      {data.students.length === 0 ? (
        <EmptyState headingLevel={2} icon="users" title={t('report.emptyTitle')}>
          <p>{t('report.empty')}</p>
        </EmptyState>
      ) : (
        <>
          <Totals data={data} />
          <Students data={data} />
        </>
      )}
    </div>
  );
}

function When({ data }: { data: LessonReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return <p className="muted">{data.liveStartsAt ? t('report.liveAt', { when: format.dateTime(data.liveStartsAt) }) : t('report.noLive')}</p>;
}

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((100 * n) / of));

function Totals({ data }: { data: LessonReport }) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const s = data.totals;
  // With nothing to do in a phase everyone is "complete": say there is nothing instead.
  const empty: Record<string, string | undefined> = {
    preworkComplete: data.students.some((st) => st.pre.required > 0) ? undefined : t('report.totals.noPrework'),
    postworkComplete: data.students.some((st) => st.post.assigned > 0) ? undefined : t('report.totals.noPostwork'),
  };
  const figures: (ReportBar & { key: string; hint: string })[] = [
    { key: 'preworkComplete', label: t('report.totals.preworkComplete'), hint: t('report.totals.preworkHint'), count: s.preworkComplete, tone: 'pre' },
    { key: 'attended', label: t('report.totals.attended'), hint: t('report.totals.attendedHint'), count: s.attended, tone: 'live' },
    { key: 'participated', label: t('report.totals.participated'), hint: t('report.totals.participatedHint'), count: s.participated, tone: 'live' },
    { key: 'postworkComplete', label: t('report.totals.postworkComplete'), hint: t('report.totals.postworkHint'), count: s.postworkComplete, tone: 'post' },
  ];
  return (
    <section className="report-totals" aria-labelledby={`${tableId}-title`}>
      <h2 className="visually-hidden" id={`${tableId}-title`}>
        {t('report.totals.title')}
      </h2>
      <ul className="report-stats" data-testid="report-stats">
        <li data-figure="students">
          <span className="report-stat-value">{s.students}</span>
          <span className="report-stat-label">{t('report.totals.students', { count: s.students })}</span>
        </li>
        {figures.map((f) =>
          empty[f.key] ? (
            <li key={f.key} data-figure={f.key} className={`report-stat-${f.tone}`}>
              <span className="report-stat-value">—</span>
              <span className="report-stat-label">{empty[f.key]}</span>
            </li>
          ) : (
            <li key={f.key} data-figure={f.key} className={`report-stat-${f.tone}`}>
              <span className="report-stat-value">
                {f.count}
                <span className="report-stat-of">/{s.students}</span>
              </span>
              <span className="report-stat-label">{f.label}</span>
              <span className="report-stat-meter" aria-hidden="true">
                <span style={{ width: `${percent(f.count, s.students)}%` }} />
              </span>
            </li>
          ),
        )}
      </ul>
      <Card
        title={t('report.totals.chartTitle')}
        description={t('report.totals.chartLede')}
        actions={
          <button type="button" className="report-toggle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
            {showTable ? t('report.totals.hideTable') : t('report.totals.showTable')}
          </button>
        }
      >
        <Suspense fallback={<div className="report-chart" aria-hidden="true" />}>
          <ReportChart bars={figures} students={s.students} />
        </Suspense>
        <div id={tableId} hidden={!showTable}>
          <table className="report-table report-totals-table" data-testid="report-totals">
            <caption className="visually-hidden">{t('report.totals.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.totals.measure')}</th>
                <th scope="col" className="num">
                  {t('report.totals.count')}
                </th>
                <th scope="col" className="num">
                  {t('report.totals.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.key} data-figure={f.key}>
                  <th scope="row">
                    {f.label}
                    <span className="report-sub">{f.hint}</span>
                  </th>
                  <td className="num">{t('report.ofStudents', { n: f.count, total: s.students })}</td>
                  <td className="num">{t('report.percent', { percent: percent(f.count, s.students) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </section>
  );
}

type SortKey = 'name' | 'pre' | 'attended' | 'polls' | 'questions' | 'hands' | 'post';
const ratio = (done: number, of: number) => (of === 0 ? 1 : done / of);
const SORTS: Record<Exclude<SortKey, 'name'>, (s: LessonReportStudent) => number> = {
  pre: (s) => ratio(s.pre.done, s.pre.required),
  attended: (s) => s.minutesPresent + (s.attended ? 0.5 : 0),
  polls: (s) => s.live.pollAnswers,
  questions: (s) => s.live.questions,
  hands: (s) => s.live.hands,
  post: (s) => ratio(s.post.done, s.post.assigned),
};

function Progress({ done, of, testId }: { done: number; of: number; testId: string }) {
  const { t } = useTranslation();
  if (of === 0) return <span className="muted">{t('report.none')}</span>;
  const tone = done >= of ? 'success' : done > 0 ? 'warning' : 'neutral';
  return (
    <span className={`report-progress report-progress-${tone}`} data-testid={testId}>
      {done >= of ? <Icon name="check" size={16} /> : null}
      {t('report.ofStudents', { n: done, total: of })}
    </span>
  );
}

function Students({ data }: { data: LessonReport }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const captionId = useId();
  const rows = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true });
    const byName = (a: LessonReportStudent, b: LessonReportStudent) => collator.compare(a.name, b.name);
    const sorted = [...data.students];
    if (sort.key === 'name') sorted.sort((a, b) => sort.dir * byName(a, b));
    else {
      const value = SORTS[sort.key];
      sorted.sort((a, b) => sort.dir * (value(a) - value(b)) || byName(a, b));
    }
    return sorted;
  }, [data.students, sort, i18n.language]);

  const header = (key: SortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
        <button
          type="button"
          className="report-sort"
          onClick={() => setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: key === 'name' ? 1 : -1 }))}
        >
          <span>{label}</span>
          <Icon name="chevronDown" size={14} className={active ? (sort.dir === 1 ? 'report-sort-icon report-sort-up' : 'report-sort-icon') : 'report-sort-icon report-sort-idle'} />
        </button>
      </th>
    );
  };

  return (
    <Card title={t('report.students.title')} description={`${t('report.students.caption', { count: data.students.length })} ${t('report.students.lede')}`}>
      <div className="report-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="report-table report-students" data-testid="report-students">
          <caption id={captionId} className="visually-hidden">
            {t('report.students.caption', { count: data.students.length })}
          </caption>
          <thead>
            <tr className="report-phase-row">
              <td />
              <th scope="colgroup" className="report-phase report-phase-pre">
                {t('phases.pre')}
              </th>
              <th scope="colgroup" colSpan={4} className="report-phase report-phase-live">
                {t('phases.live')}
              </th>
              <th scope="colgroup" className="report-phase report-phase-post">
                {t('phases.post')}
              </th>
            </tr>
            <tr>
              {header('name', t('report.students.name'), 'report-name-col')}
              {header('pre', t('report.students.pre'))}
              {header('attended', t('report.students.attended'))}
              {header('polls', t('report.students.polls'), 'num')}
              {header('questions', t('report.students.questions'), 'num')}
              {header('hands', t('report.students.hands'), 'num')}
              {header('post', t('report.students.post'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.userId} data-user={s.userId}>
                <th scope="row" className="report-name-col">
                  {s.name}
                  <span className="report-sub report-email" title={s.email}>
                    {s.email}
                  </span>
                </th>
                <td>
                  <Progress done={s.pre.done} of={s.pre.required} testId="report-pre" />
                </td>
                <td>
                  {s.attended ? <Badge tone="success">{t('report.students.present', { count: s.minutesPresent })}</Badge> : <Badge tone="warning">{t('report.students.absent')}</Badge>}
                </td>
                <td className="num">{s.live.pollAnswers}</td>
                <td className="num">{s.live.questions}</td>
                <td className="num">{s.live.hands}</td>
                <td>
                  <Progress done={s.post.done} of={s.post.assigned} testId="report-post" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted report-footnote">{t('report.students.footnote')}</p>
    </Card>
  );
}
