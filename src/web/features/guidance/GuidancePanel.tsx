import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Guidance, GuidanceFlag } from '../../../shared/schemas/guidance.ts';
import type { Lesson } from '../../../shared/schemas/lessons.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { isApiError } from '../../lib/api.ts';
import { useCourse } from '../courses/courses-api.ts';
import { useFixFlag, useGuidance } from './guidance-api.ts';
import { fixedMessage, fixLabel, flagReason, type Lang } from './guidance-text.ts';
import './guidance.css';

const GuidanceChart = lazy(() => import('./GuidanceChart.tsx'));

const PHASES = ['pre', 'live', 'post'] as const;

/** What the guidance depends on, so the panel asks again whenever the lesson or the budget changes. */
function designVersion(lesson: Lesson, budget: number | undefined): string {
  const activities = [...lesson.pre, ...lesson.liveActivities, ...lesson.post];
  return JSON.stringify([
    budget ?? null,
    lesson.live?.startsAt ?? null,
    lesson.live?.durationMinutes ?? null,
    activities.map((a) => [a.id, a.phase, a.estimatedMinutes, a.learningType, a.required, a.opensAt, a.dueAt, a.type]),
  ]);
}

/** Teachers, on the lesson page: where the lesson's time goes, and design tips with one-click fixes. */
export function GuidancePanel({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const course = useCourse(lesson.courseId);
  const query = useGuidance(lesson.id, designVersion(lesson, course.data?.preworkBudgetMinutes));
  // On phones the panel starts folded to one line, so the lesson's phases stay near the top; the toggle is hidden on wider screens.
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const count = query.data?.flags.length;
  const summary = count === undefined ? t('lesson.guidance.loading') : count === 0 ? t('lesson.guidance.summaryNone') : t('lesson.guidance.flagsTitle', { count });
  return (
    <Card className={open ? 'guidance-card is-open' : 'guidance-card'} title={t('lesson.guidance.title')} description={t('lesson.guidance.description')}>
      <button type="button" className="guidance-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} data-testid="guidance-toggle">
        <span className="guidance-toggle-summary">{summary}</span>
        <span className="guidance-toggle-action">
          {open ? t('lesson.guidance.toggleHide') : t('lesson.guidance.toggleShow')}
          <Icon name="chevronDown" size={18} />
        </span>
      </button>
      <div className="guidance-body" id={bodyId}>
        {query.isPending ? (
          <p className="muted">{t('lesson.guidance.loading')}</p>
        ) : query.isError ? (
          <Alert tone="error" action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}>
            {errorMessage(t, query.error)}
          </Alert>
        ) : (
          <div className="guidance-grid" data-testid="guidance">
            <TimeUse guidance={query.data} courseId={lesson.courseId} />
            <Flags guidance={query.data} lesson={lesson} />
          </div>
        )}
      </div>
    </Card>
  );
}

function TimeUse({ guidance, courseId }: { guidance: Guidance; courseId: string }) {
  const { t } = useTranslation();
  const m = guidance.minutes;
  const phaseNames = { pre: t('phases.pre'), live: t('phases.live'), post: t('phases.post') };
  const rows = guidance.byLearningType.map((row) => ({ ...row, label: t(`lesson.guidance.types.${row.learningType}`) }));
  return (
    <div className="guidance-time">
      <h3 className="guidance-subtitle">{t('lesson.guidance.timeTitle')}</h3>
      <ul className="guidance-phases" data-testid="guidance-phases">
        {PHASES.map((phase) => (
          <li key={phase} className={`guidance-phase guidance-phase-${phase}`} data-phase={phase}>
            <span className="guidance-phase-name">{phaseNames[phase]}</span>
            <span className="guidance-phase-minutes">{t('learning.meta.minutes', { count: m[phase] })}</span>
            {phase === 'live' && guidance.liveDurationMinutes !== null ? (
              <span className="guidance-phase-note">{t('lesson.guidance.sessionLength', { count: guidance.liveDurationMinutes })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <Budget guidance={guidance} courseId={courseId} />
      <h3 className="guidance-subtitle">{t('lesson.guidance.typesTitle')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('lesson.guidance.noActivities')}</p>
      ) : (
        <>
          <Suspense fallback={<div className="guidance-chart" aria-hidden="true" />}>
            <GuidanceChart rows={rows} phases={phaseNames} />
          </Suspense>
          <details className="guidance-details">
            <summary>{t('lesson.guidance.tableToggle')}</summary>
            <div className="guidance-scroll">
              <table className="guidance-table" data-testid="guidance-types">
                <caption className="visually-hidden">{t('lesson.guidance.typesTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('lesson.guidance.typeColumn')}</th>
                    {PHASES.map((phase) => (
                      <th key={phase} scope="col">
                        {phaseNames[phase]}
                      </th>
                    ))}
                    <th scope="col">{t('lesson.guidance.totalColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.learningType} data-type={row.learningType}>
                      <th scope="row">{row.label}</th>
                      <td>{row.pre}</td>
                      <td>{row.live}</td>
                      <td>{row.post}</td>
                      <td>{row.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted guidance-unit">{t('lesson.guidance.unit')}</p>
          </details>
        </>
      )}
    </div>
  );
}

function Budget({ guidance, courseId }: { guidance: Guidance; courseId: string }) {
  const { t } = useTranslation();
  const budget = guidance.preworkBudgetMinutes;
  const used = guidance.requiredPreworkMinutes;
  const settings = <Link to={`/courses/${encodeURIComponent(courseId)}#course-settings`}>{t('lesson.guidance.budgetChange')}</Link>;
  if (budget <= 0) {
    return (
      <p className="guidance-budget" data-testid="guidance-budget">
        {t('lesson.guidance.budgetNone', { count: used })} {settings}
      </p>
    );
  }
  const over = used > budget;
  const percent = Math.min(100, Math.round((used / budget) * 100));
  return (
    <div className={over ? 'guidance-budget is-over' : 'guidance-budget'} data-testid="guidance-budget">
      <p>
        {t('lesson.guidance.budget', { used, budget })} {over ? <Badge tone="warning">{t('lesson.guidance.budgetOver')}</Badge> : null}
      </p>
      <div className="guidance-meter" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted guidance-budget-hint">
        {t('lesson.guidance.budgetHint')} {settings}
      </p>
    </div>
  );
}

function Flags({ guidance, lesson }: { guidance: Guidance; lesson: Lesson }) {
  const { t } = useTranslation();
  const flags = guidance.flags;
  return (
    <div className="guidance-flags">
      <h3 className="guidance-subtitle">{flags.length === 0 ? t('lesson.guidance.flagsTitleNone') : t('lesson.guidance.flagsTitle', { count: flags.length })}</h3>
      {flags.length === 0 ? (
        <div className="guidance-good" data-testid="guidance-good">
          <span className="guidance-good-icon" aria-hidden="true">
            <Icon name="check" size={22} />
          </span>
          <div>
            <p className="guidance-good-title">{t('lesson.guidance.goodTitle')}</p>
            <p className="muted">{t('lesson.guidance.goodBody')}</p>
          </div>
        </div>
      ) : (
        <ul className="guidance-flag-list" data-testid="guidance-flags">
          {flags.map((flag) => (
            <FlagItem key={`${flag.code}:${flag.activityId ?? ''}`} flag={flag} lesson={lesson} />
          ))}
        </ul>
      )}
    </div>
  );
}

function FlagItem({ flag, lesson }: { flag: GuidanceFlag; lesson: Lesson }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const toast = useToast();
  const fix = useFixFlag(lesson.id);
  const [error, setError] = useState<string | null>(null);
  const reason = flagReason(t, flag, lang);

  async function apply() {
    setError(null);
    try {
      await fix.mutateAsync({ code: flag.code, ...(flag.activityId ? { activityId: flag.activityId } : {}) });
      toast(fixedMessage(t, flag), 'success');
    } catch (caught) {
      // "Nothing to fix" means someone (another tab, a colleague) fixed it first: the refresh shows it.
      if (isApiError(caught) && caught.code === 'nothing_to_fix') return toast(t('lesson.guidance.errors.nothing_to_fix'));
      setError(
        errorMessage(t, caught, {
          no_automatic_fix: t('lesson.guidance.errors.no_automatic_fix'),
          activity_required: t('lesson.guidance.errors.failed'),
          validation_failed: t('lesson.guidance.errors.failed'),
        }),
      );
    }
  }

  return (
    <li className={`guidance-flag guidance-flag-${flag.severity}`} data-code={flag.code}>
      <span className="guidance-flag-icon" aria-hidden="true">
        <Icon name={flag.severity === 'warning' ? 'alert' : 'info'} size={20} />
      </span>
      <div className="guidance-flag-body">
        <p className="guidance-flag-text">
          <Badge tone={flag.severity === 'warning' ? 'warning' : 'primary'}>{t(`lesson.guidance.severity.${flag.severity}`)}</Badge> {reason}
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="guidance-flag-actions">
          {flag.fix ? (
            <Button variant="primary" icon="sparkle" busy={fix.isPending} onClick={() => void apply()}>
              {fixLabel(t, flag, lang)}
            </Button>
          ) : null}
          {flag.activityId ? (
            <Link className="guidance-flag-link" to={`/activities/${encodeURIComponent(flag.activityId)}/edit`}>
              {t('lesson.guidance.editActivity', { title: typeof flag.params.title === 'string' ? flag.params.title : '' })}
            </Link>
          ) : null}
          {flag.code === 'prework_over_budget' ? <span className="muted">{t('lesson.guidance.overBudgetHint')}</span> : null}
        </div>
      </div>
    </li>
  );
}
