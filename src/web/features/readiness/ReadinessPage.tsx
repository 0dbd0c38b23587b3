import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Readiness, SuggestedGroup } from '../../../shared/schemas/readiness.ts';
import { Badge } from '../../components/Badge.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Button, buttonClass } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useFormat } from '../account/use-format.ts';
import { useLessonHeading } from '../live/live-api.ts';
import { liveRoomPath } from '../live/live-keys.ts';
import { useAcceptSuggestion, useNudge, usePlanGroups, useReadiness } from './readiness-api.ts';
import './readiness.css';

const ReadinessChart = lazy(() => import('./ReadinessChart.tsx'));

type Lang = 'en' | 'fr';
type EditableGroup = { key: string; name: string; reason: string | null; userIds: string[] };

/** Teacher, before class: who did the pre-work, what they got wrong, and what to do about it. */
export function ReadinessPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const heading = useLessonHeading(lessonId);
  const readiness = useReadiness(lessonId);
  if (heading.isPending || readiness.isPending) return <Loading />;
  if (heading.isError) return <PageError error={heading.error} onRetry={() => void heading.refetch()} />;
  if (readiness.isError) return <PageError error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const data = readiness.data;
  return (
    <div className="container readiness-page">
      <BackLink to={`/lessons/${encodeURIComponent(lessonId)}`}>{t('readiness.back')}</BackLink>
      <div className="page-header">
        <div>
          <p className="room-kicker">{t('readiness.kicker')}</p>
          <PageTitle title={heading.data.title} />
        </div>
        <div className="button-row">
          <Link to={`/lessons/${encodeURIComponent(lessonId)}/report`} className={buttonClass({ variant: 'ghost' })}>
            <span>{t('readiness.report')}</span>
          </Link>
          <Link to={liveRoomPath(lessonId)} className={buttonClass({ variant: 'secondary' })}>
            <span>{t('readiness.openRoom')}</span>
          </Link>
        </div>
      </div>
      <Overview data={data} />
      <Suggestion data={data} lessonId={lessonId} />
      <Groups data={data} lessonId={lessonId} />
      <Students data={data} />
      <Items data={data} />
      <Questions data={data} />
    </div>
  );
}

function Countdown({ startsAt }: { startsAt: string | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!startsAt) return <p className="readiness-countdown">{t('readiness.noSession')}</p>;
  const minutes = Math.ceil((Date.parse(startsAt) - now) / 60_000);
  if (minutes <= 0) return <p className="readiness-countdown">{t('readiness.started')}</p>;
  const hours = Math.floor(minutes / 60);
  return (
    <p className="readiness-countdown" data-testid="readiness-countdown">
      {hours > 0 ? t('readiness.startsInHours', { hours, minutes: minutes % 60 }) : t('readiness.startsIn', { count: minutes })}
    </p>
  );
}

function Overview({ data }: { data: Readiness }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nudge = useNudge(data.lessonId);
  const toast = useToast();
  const s = data.summary;
  const rows = [
    { key: 'ready', label: t('readiness.status.ready'), count: s.readyCount, tone: 'success' as const },
    { key: 'started', label: t('readiness.status.started'), count: s.startedCount, tone: 'primary' as const },
    { key: 'not_started', label: t('readiness.status.not_started'), count: s.notStartedCount, tone: 'danger' as const },
  ];
  async function sendNudge() {
    try {
      const result = await nudge.mutateAsync();
      toast(t('readiness.nudged', { count: result.nudged }), 'success');
    } catch {
      toast(t('readiness.nudgeFailed'), 'error');
    }
  }
  return (
    <Card title={t('readiness.overview.title')}>
      <Countdown startsAt={data.liveStartsAt} />
      {data.liveStartsAt ? <p className="muted">{format.dateTime(data.liveStartsAt)}</p> : null}
      <p>
        {t('readiness.overview.percent', { percent: s.readyPercent, threshold: s.thresholdPercent })}{' '}
        {s.belowThreshold ? <Badge tone="warning">{t('readiness.overview.below')}</Badge> : <Badge tone="success">{t('readiness.overview.above')}</Badge>}
      </p>
      <Suspense fallback={<div className="readiness-chart" aria-hidden="true" />}>
        <ReadinessChart bars={rows} />
      </Suspense>
      <table className="readiness-table" data-testid="readiness-counts">
        <caption className="visually-hidden">{t('readiness.overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.overview.status')}</th>
            <th scope="col">{t('readiness.overview.students')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-status={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('readiness.overview.stuck')}</th>
            <td>{s.stuckCount}</td>
          </tr>
        </tbody>
      </table>
      <div className="readiness-actions">
        <Button variant="primary" onClick={() => void sendNudge()} busy={nudge.isPending} disabled={s.notStartedCount === 0}>
          {t('readiness.nudge', { count: s.notStartedCount })}
        </Button>
      </div>
    </Card>
  );
}

function Students({ data }: { data: Readiness }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Card title={t('readiness.students.title')}>
      {/* Focusable, so a keyboard can scroll the table sideways on a phone. */}
      <div className="readiness-scroll" role="group" aria-label={t('readiness.students.title')} tabIndex={0}>
        <table className="readiness-table" data-testid="readiness-students">
          <caption className="visually-hidden">{t('readiness.students.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('readiness.students.name')}</th>
              <th scope="col">{t('readiness.overview.status')}</th>
              <th scope="col">{t('readiness.students.done')}</th>
              <th scope="col">{t('readiness.students.minutesLeft')}</th>
              <th scope="col">{t('readiness.students.quiz')}</th>
              <th scope="col">{t('readiness.students.stuck')}</th>
            </tr>
          </thead>
          <tbody>
            {data.students.map((s) => (
              <tr key={s.userId}>
                <th scope="row">{s.name}</th>
                <td>{t(`readiness.status.${s.status}`)}</td>
                <td>{t('readiness.students.ofRequired', { completed: s.completed, required: s.required })}</td>
                <td>{s.minutesLeft}</td>
                <td>{s.quizScore === null ? '—' : percent.format(s.quizScore)}</td>
                <td>{s.stuck ? `${t('readiness.students.yes')}${s.stuckNote ? ` — ${s.stuckNote}` : ''}` : t('readiness.students.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Items({ data }: { data: Readiness }) {
  const { t } = useTranslation();
  if (data.items.length === 0) return null;
  return (
    <Card title={t('readiness.items.title')} description={t('readiness.items.description')}>
      <div className="readiness-scroll" role="group" aria-label={t('readiness.items.title')} tabIndex={0}>
        <table className="readiness-table" data-testid="readiness-items">
          <caption className="visually-hidden">{t('readiness.items.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('readiness.items.prompt')}</th>
              <th scope="col">{t('readiness.items.rate')}</th>
              <th scope="col">{t('readiness.items.wrong')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={`${item.activityId}:${item.itemId}`}>
                <th scope="row">
                  {item.prompt}
                  <br />
                  <span className="muted">{item.activityTitle}</span>
                </th>
                <td>{t('readiness.items.rateValue', { percent: Math.round(item.correctRate * 100), correct: item.correct, total: item.answered + item.skipped })}</td>
                <td>{item.wrongAnswers.length === 0 ? '—' : item.wrongAnswers.map((w) => t('readiness.items.wrongValue', { answer: w.answer, count: w.count })).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Questions({ data }: { data: Readiness }) {
  const { t } = useTranslation();
  return (
    <Card title={t('readiness.questions.title')}>
      {data.questions.length === 0 ? (
        <p className="muted">{t('readiness.questions.none')}</p>
      ) : (
        <ol>
          {data.questions.map((q) => (
            <li key={q.id}>
              {q.text} <Badge>{t('readiness.questions.votes', { count: q.votes })}</Badge>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function Suggestion({ data, lessonId }: { data: Readiness; lessonId: string }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptSuggestion(lessonId);
  const toast = useToast();
  if (!data.suggestion && !data.acceptedSuggestion) return null;
  const lang: Lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  return (
    <Card title={t('readiness.suggestion.title')}>
      {data.suggestion ? <p>{data.suggestion.texts[lang]}</p> : null}
      {data.acceptedSuggestion ? (
        <p>
          <Badge tone="success">{t('readiness.suggestion.accepted')}</Badge>
        </p>
      ) : (
        <Button
          variant="primary"
          busy={accept.isPending}
          onClick={() =>
            void accept.mutateAsync().then(
              () => toast(t('readiness.suggestion.done'), 'success'),
              () => toast(t('readiness.suggestion.failed'), 'error'),
            )
          }
        >
          {t('readiness.suggestion.accept')}
        </Button>
      )}
    </Card>
  );
}

const REASON_CODES = ['not_started', 'reteach_item', 'finish_prework', 'extend'] as const;
type ReasonCode = (typeof REASON_CODES)[number];
const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);

function useReasonText(): (group: SuggestedGroup, lang: Lang) => string {
  const { t } = useTranslation();
  return (group, lang) => reasonText(t, group, lang);
}

function reasonText(t: (key: `readiness.reasons.${ReasonCode}`, values: { prompt: string; percent: number }) => string, group: SuggestedGroup, lang: Lang): string {
  const code = group.reason.code;
  // Unknown codes (a newer server) fall back to the server's own words in this language.
  if (!isReasonCode(code)) return group.reason.texts[lang];
  const p = group.reason.params;
  const percent = typeof p.correctRate === 'number' ? Math.round(p.correctRate * 100) : 0;
  return t(`readiness.reasons.${code}`, { prompt: String(p.prompt ?? ''), percent });
}

function initialGroups(data: Readiness, reasonOf: (group: SuggestedGroup, lang: Lang) => string, lang: Lang): EditableGroup[] {
  if (data.plannedGroups) return data.plannedGroups.groups.map((g, i) => ({ key: `planned-${i}`, name: g.name, reason: null, userIds: [...g.userIds] }));
  return data.suggestedGroups.map((g) => ({ key: g.id, name: g.names[lang], reason: reasonOf(g, lang), userIds: [...g.userIds] }));
}

function Groups({ data, lessonId }: { data: Readiness; lessonId: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const reasonOf = useReasonText();
  const [groups, setGroups] = useState<EditableGroup[]>(() => initialGroups(data, reasonOf, lang));
  const [task, setTask] = useState(data.plannedGroups?.task ?? '');
  const [sent, setSent] = useState(Boolean(data.plannedGroups));
  const plan = usePlanGroups(lessonId);
  const toast = useToast();
  const names = new Map(data.students.map((s) => [s.userId, s.name]));

  function move(userId: string, to: string) {
    setSent(false);
    setGroups((all) => all.map((g) => ({ ...g, userIds: g.key === to ? [...g.userIds.filter((id) => id !== userId), userId] : g.userIds.filter((id) => id !== userId) })));
  }
  async function send() {
    const filled = groups.filter((g) => g.userIds.length > 0).map((g) => ({ name: g.name, userIds: g.userIds }));
    if (filled.length === 0) return;
    try {
      await plan.mutateAsync({ groups: filled, task });
      setSent(true);
      toast(t('readiness.groups.sent'), 'success');
    } catch {
      toast(t('readiness.groups.failed'), 'error');
    }
  }
  if (groups.length === 0) return null;
  return (
    <Card title={t('readiness.groups.title')} description={t('readiness.groups.description')}>
      <ul className="readiness-groups">
        {groups.map((g) => (
          <li key={g.key} className="readiness-group" data-testid="readiness-group">
            <h3>{g.name}</h3>
            {g.reason ? <p className="muted">{g.reason}</p> : null}
            <p>{t('readiness.groups.count', { count: g.userIds.length })}</p>
            <ul>
              {g.userIds.map((userId) => {
                const name = names.get(userId) ?? userId;
                return (
                  <li key={userId}>
                    <SelectField label={t('readiness.groups.moveLabel', { name })} value={g.key} onChange={(event) => move(userId, event.target.value)}>
                      {groups.map((option) => (
                        <option key={option.key} value={option.key}>
                          {option.name}
                        </option>
                      ))}
                    </SelectField>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <label className="field">
        <span className="field-label">{t('readiness.groups.task')}</span>
        <textarea className="input" rows={2} maxLength={2000} value={task} onChange={(event) => setTask(event.target.value)} />
      </label>
      <div className="readiness-actions">
        <Button variant="primary" busy={plan.isPending} onClick={() => void send()}>
          {t('readiness.groups.send')}
        </Button>
        <p role="status" className="muted">
          {sent ? t('readiness.groups.ready') : ''}
        </p>
        <Link to={liveRoomPath(lessonId)}>{t('readiness.openRoom')}</Link>
      </div>
    </Card>
  );
}
