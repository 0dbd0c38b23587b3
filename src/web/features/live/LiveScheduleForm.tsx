import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonEnvelope } from '../../../shared/schemas/lessons.ts';
import { LiveSeriesBody, UpsertLiveBody, type LiveSession } from '../../../shared/schemas/live.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { api } from '../../lib/api.ts';
import { timeZoneLabel } from '../../lib/format.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useUser } from '../auth/session.ts';
import { courseKeys } from '../courses/courses-api.ts';
import { CourseDetailEnvelope } from '../../../shared/schemas/courses.ts';
import { useScheduleLive, useScheduleSeries } from './live-api.ts';
import { instantToZoned, zonedToInstant } from './zoned-time.ts';

/** Tomorrow at the next round hour, in the teacher's zone: a sensible first proposal. */
function defaultStart(timeZone: string): string {
  const next = new Date(Date.now() + 24 * 3_600_000);
  next.setUTCMinutes(0, 0, 0);
  return instantToZoned(next, timeZone);
}

/**
 * Schedule or change the session. The start is typed on the teacher's wall clock in the
 * session's zone (their own for a new one), so "9:00" means 9:00 there whatever the browser says.
 */
export function LiveScheduleForm({ lessonId, session, onDone }: { lessonId: string; session: LiveSession | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const user = useUser();
  const timeZone = session?.timeZone ?? user.timeZone;
  const schedule = useScheduleLive(lessonId);
  const [repeat, setRepeat] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const repeatId = useId();
  useFocusFirstError(formRef, errors);

  // The following lessons of the course, for a weekly series (only fetched when asked for).
  const lesson = useQuery({
    queryKey: ['live', 'lesson-course', lessonId],
    queryFn: async () => (await api.get(`/api/lessons/${encodeURIComponent(lessonId)}`, LessonEnvelope)).lesson.courseId,
    enabled: repeat && !session,
    staleTime: Infinity,
  });
  const courseId = session?.courseId ?? lesson.data ?? '';
  const course = useQuery({
    queryKey: courseKeys.detail(courseId),
    queryFn: async () => (await api.get(`/api/courses/${encodeURIComponent(courseId)}`, CourseDetailEnvelope)).course,
    enabled: repeat && courseId !== '',
  });
  const lessons = course.data?.lessons ?? [];
  const from = lessons.findIndex((l) => l.id === lessonId);
  const following = from < 0 ? [] : lessons.slice(from);
  const series = useScheduleSeries(courseId, lessonId);
  const [count, setCount] = useState(2);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const startsAt = zonedToInstant(formText(form, 'startsAt'), timeZone) ?? '';
    const common = {
      durationMinutes: Number(formText(form, 'durationMinutes')) || 0,
      timeZone,
      location: formText(form, 'location').trim() || null,
      videoUrl: formText(form, 'videoUrl').trim() || null,
    };
    const messages = { startsAt: t('live.schedule.startInvalid'), durationMinutes: t('live.schedule.durationInvalid'), videoUrl: t('live.schedule.videoInvalid') };
    const onError = (error: unknown) => setErrors(apiFieldErrors(t, error));
    if (repeat && following.length > 1) {
      const lessonIds = following.slice(0, count).map((l) => l.id);
      const checked = validate(t, LiveSeriesBody, { ...common, firstStartsAt: startsAt, intervalWeeks: Number(formText(form, 'intervalWeeks')) || 1, lessonIds }, { ...messages, firstStartsAt: messages.startsAt });
      if (checked.errors) return setErrors({ ...checked.errors, startsAt: checked.errors.firstStartsAt });
      setErrors({});
      series.mutate(checked.data, {
        onSuccess: (result) => {
          toast(t('live.schedule.seriesSaved', { count: result.sessions.length }));
          onDone();
        },
        onError,
      });
      return;
    }
    const checked = validate(t, UpsertLiveBody, { ...common, startsAt }, messages);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    schedule.mutate(checked.data, {
      onSuccess: () => {
        toast(t('live.schedule.saved'));
        onDone();
      },
      onError,
    });
  }

  return (
    <form ref={formRef} className="form live-schedule-form" onSubmit={onSubmit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="live-form-row">
        <TextField
          label={t('live.schedule.start')}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={session ? instantToZoned(session.startsAt, timeZone) : defaultStart(timeZone)}
          hint={t('live.schedule.startHint', { zone: timeZoneLabel(timeZone) })}
          error={errors.startsAt}
        />
        <TextField
          label={t('live.schedule.duration')}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={1440}
          step={5}
          required
          defaultValue={session?.durationMinutes ?? 60}
          hint={t('live.schedule.durationHint')}
          error={errors.durationMinutes}
        />
      </div>
      <TextField label={t('live.schedule.location')} name="location" maxLength={500} defaultValue={session?.location ?? ''} hint={t('live.schedule.locationHint')} error={errors.location} />
      <TextField
        label={t('live.schedule.videoUrl')}
        name="videoUrl"
        type="url"
        inputMode="url"
        maxLength={2000}
        placeholder="https://meet.jit.si/…"
        defaultValue={session?.videoUrl ?? ''}
        hint={t('live.schedule.videoHint')}
        error={errors.videoUrl}
        className="field-link"
      />
      <div className="live-check">
        <input id={repeatId} type="checkbox" checked={repeat} onChange={(event) => setRepeat(event.target.checked)} />
        <label htmlFor={repeatId}>{t('live.schedule.repeat')}</label>
      </div>
      {repeat ? (
        course.isLoading || lesson.isLoading || (repeat && !courseId) ? (
          <p className="muted">{t('common.loading')}</p>
        ) : following.length < 2 ? (
          <p className="muted">{t('live.schedule.repeatNoLessons')}</p>
        ) : (
          <fieldset className="live-fieldset">
            <legend>{t('live.schedule.seriesLegend')}</legend>
            <div className="live-form-row">
              <SelectField label={t('live.schedule.interval')} name="intervalWeeks" defaultValue="1">
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {t('live.schedule.everyWeeks', { count: n })}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('live.schedule.sessions')} name="count" value={String(count)} onChange={(event) => setCount(Number(event.target.value))}>
                {following.slice(1).map((_, i) => (
                  <option key={i + 2} value={i + 2}>
                    {t('live.schedule.sessionCount', { count: i + 2 })}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="field-hint">{t('live.schedule.seriesLessons', { lessons: following.slice(0, count).map((l) => l.title).join(', ') })}</p>
          </fieldset>
        )
      ) : null}
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={schedule.isPending || series.isPending}>
          {session ? t('common.saveChanges') : t('live.schedule.submit')}
        </Button>
      </div>
    </form>
  );
}
