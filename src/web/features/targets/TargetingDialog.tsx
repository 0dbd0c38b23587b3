import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/schemas/activities.ts';
import type { Lesson } from '../../../shared/schemas/lessons.ts';
import type { TargetBody, Targeting } from '../../../shared/schemas/targets.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { isApiError } from '../../lib/api.ts';
import { useRoster } from '../courses/courses-api.ts';
import { useClearTargeting, useSetTargeting } from './targets-api.ts';

type RuleChoice = 'everyone' | Targeting['rule'];
const RULES: RuleChoice[] = ['everyone', 'absent', 'missed_exit_poll', 'below_score', 'manual'];
const KNOWN_ERRORS = ['no_exit_poll', 'no_live_session'] as const;

type Props = { activity: Activity; lesson: Lesson; targeting: Targeting | null; onClose: () => void };

const param = (targeting: Targeting | null, key: string) => {
  const value = targeting?.params[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
};

/**
 * "Who gets this": a post-work activity given to everyone, or to the students a rule picks from
 * live evidence. The server resolves the rule when saved, so the result is shown right after and
 * can be adjusted by hand (that list is then saved as a manual choice).
 */
export function TargetingDialog({ activity, lesson, targeting, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const set = useSetTargeting(activity.id);
  const clear = useClearTargeting(activity.id);
  const roster = useRoster(lesson.courseId);
  const students = useMemo(() => (roster.data ?? []).filter((m) => m.role === 'student').sort((a, b) => a.name.localeCompare(b.name)), [roster.data]);

  const polls = lesson.liveActivities.filter((a) => a.type === 'poll');
  const quizzes = [...lesson.pre, ...lesson.liveActivities, ...lesson.post].filter((a) => a.type === 'quiz');
  const [rule, setRule] = useState<RuleChoice>(targeting?.rule ?? 'everyone');
  const [pollId, setPollId] = useState(String(param(targeting, 'pollActivityId') ?? polls.at(-1)?.id ?? ''));
  const [quizId, setQuizId] = useState(String(param(targeting, 'quizActivityId') ?? quizzes[0]?.id ?? ''));
  const [threshold, setThreshold] = useState(String(param(targeting, 'threshold') ?? 50));
  const [includeMissing, setIncludeMissing] = useState(param(targeting, 'includeMissing') !== false);
  const [chosen, setChosen] = useState(() => new Set(targeting?.students.map((s) => s.userId) ?? []));
  const [result, setResult] = useState<Targeting | null>(null);
  const [adjusted, setAdjusted] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const busy = set.isPending || clear.isPending;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The Save button is gone once the result shows: keep keyboard and screen-reader users with it.
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const unavailable: Partial<Record<RuleChoice, string>> = {
    ...(lesson.live ? {} : { absent: t('lesson.targets.noLive') }),
    ...(polls.length > 0 ? {} : { missed_exit_poll: t('lesson.targets.noPoll') }),
    ...(quizzes.length > 0 ? {} : { below_score: t('lesson.targets.noQuiz') }),
  };

  function failure(err: unknown) {
    const code = isApiError(err) ? err.code : '';
    setError((KNOWN_ERRORS as readonly string[]).includes(code) ? t(`lesson.targets.${code as (typeof KNOWN_ERRORS)[number]}`) : t('lesson.targets.failed'));
  }

  async function save(body: TargetBody) {
    setError(null);
    try {
      const saved = await set.mutateAsync(body);
      if (!saved) return;
      setResult(saved);
      setAdjusted(new Set(saved.students.map((s) => s.userId)));
      toast(t('lesson.targets.saved', { count: saved.students.length }), 'success');
    } catch (err) {
      failure(err);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (rule === 'everyone') {
      setError(null);
      try {
        if (targeting) await clear.mutateAsync();
        toast(t('lesson.targets.cleared'), 'success');
        ref.current?.close();
      } catch (err) {
        failure(err);
      }
      return;
    }
    if (rule === 'absent') return save({ rule: 'absent' });
    if (rule === 'missed_exit_poll') return save({ rule: 'missed_exit_poll', ...(pollId ? { pollActivityId: pollId } : {}) });
    if (rule === 'below_score') return save({ rule: 'below_score', quizActivityId: quizId, threshold: Math.min(100, Math.max(0, Number(threshold) || 0)), includeMissing });
    return save({ rule: 'manual', userIds: [...chosen] });
  }

  const toggle = (setter: (update: (s: Set<string>) => Set<string>) => void, userId: string, on: boolean) =>
    setter((s) => {
      const next = new Set(s);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });

  const studentChecks = (selected: Set<string>, onToggle: (userId: string, on: boolean) => void, legend: string) => (
    <fieldset className="fieldset target-students">
      <legend className="field-label">{legend}</legend>
      {roster.isPending ? <Loading /> : null}
      {roster.isSuccess && students.length === 0 ? <p className="muted">{t('lesson.targets.noStudents')}</p> : null}
      <ul className="target-student-list">
        {students.map((s) => (
          <li key={s.userId}>
            <label className="check-row">
              <input type="checkbox" className="check-input" checked={selected.has(s.userId)} onChange={(event) => onToggle(s.userId, event.target.checked)} />
              <span>{s.name}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );

  const changed = result !== null && (adjusted.size !== result.students.length || result.students.some((s) => !adjusted.has(s.userId)));

  return (
    <dialog ref={ref} className="dialog target-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="targeting-dialog">
      {result === null ? (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <h2 className="dialog-title" id={titleId}>
            {t('lesson.targets.title', { title: activity.title })}
          </h2>
          <p className="dialog-body">{t('lesson.targets.lede')}</p>
          <fieldset className="fieldset target-rules">
            <legend className="field-label">{t('lesson.targets.legend')}</legend>
            {RULES.map((choice) => (
              <div key={choice} className="target-rule">
                <label className="check-row">
                  <input type="radio" className="check-input" name="target-rule" value={choice} checked={rule === choice} disabled={Boolean(unavailable[choice])} onChange={() => setRule(choice)} />
                  <span>
                    {t(`lesson.targets.rules.${choice}`)}
                    {unavailable[choice] ? <span className="target-hint">{unavailable[choice]}</span> : null}
                  </span>
                </label>
                {rule === choice && choice === 'missed_exit_poll' ? (
                  <div className="target-options">
                    {polls.length > 1 ? (
                      <SelectField label={t('lesson.targets.pollLabel')} value={pollId} onChange={(event) => setPollId(event.target.value)}>
                        {polls.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.title}
                          </option>
                        ))}
                      </SelectField>
                    ) : (
                      <p className="target-hint">{t('lesson.targets.exitPollHint', { title: polls[0]?.title ?? '' })}</p>
                    )}
                  </div>
                ) : null}
                {rule === choice && choice === 'below_score' ? (
                  <div className="target-options">
                    <SelectField label={t('lesson.targets.quizLabel')} value={quizId} onChange={(event) => setQuizId(event.target.value)}>
                      {quizzes.map((q) => (
                        <option key={q.id} value={q.id}>
                          {q.title}
                        </option>
                      ))}
                    </SelectField>
                    <TextField label={t('lesson.targets.thresholdLabel')} type="number" inputMode="numeric" min={0} max={100} step={1} value={threshold} onChange={(event) => setThreshold(event.target.value)} />
                    <label className="check-row">
                      <input type="checkbox" className="check-input" checked={includeMissing} onChange={(event) => setIncludeMissing(event.target.checked)} />
                      <span>{t('lesson.targets.includeMissing')}</span>
                    </label>
                  </div>
                ) : null}
                {rule === choice && choice === 'manual' ? (
                  <div className="target-options">{studentChecks(chosen, (id, on) => toggle(setChosen, id, on), t('lesson.targets.studentsLegend'))}</div>
                ) : null}
              </div>
            ))}
          </fieldset>
          {error ? (
            <div className="dialog-error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={() => ref.current?.close()} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={busy}>
              {t('lesson.targets.save')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <h2 className="dialog-title" id={titleId} ref={resultHeading} tabIndex={-1}>
            {t('lesson.targets.resultTitle', { count: result.students.length })}
          </h2>
          <p className="dialog-body">
            {t(`lesson.targets.rules.${result.rule}`)}
            {' · '}
            {activity.title}
          </p>
          {result.students.length === 0 ? <Alert tone="info">{t('lesson.targets.resultEmpty')}</Alert> : null}
          <p className="dialog-body">{t('lesson.targets.resultLede')}</p>
          {studentChecks(adjusted, (id, on) => toggle(setAdjusted, id, on), t('lesson.targets.studentsLegend'))}
          {error ? (
            <div className="dialog-error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="dialog-actions">
            {changed ? (
              <Button variant="secondary" onClick={() => ref.current?.close()} disabled={busy}>
                {t('common.cancel')}
              </Button>
            ) : null}
            {changed ? (
              <Button variant="primary" busy={busy} onClick={() => void save({ rule: 'manual', userIds: [...adjusted] })}>
                {t('lesson.targets.saveList')}
              </Button>
            ) : (
              <Button variant="primary" onClick={() => ref.current?.close()}>
                {t('lesson.targets.done')}
              </Button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
