import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LessonTemplate, LessonTemplateId } from '../../../shared/schemas/lesson-templates.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { timeZoneLabel } from '../../lib/format.ts';
import { apiFieldErrors, formText, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useFormat } from '../account/use-format.ts';
import { zonedToInstant } from '../live/zoned-time.ts';
import { useCreateFromTemplate, useLessonTemplates } from './lesson-templates-api.ts';
import './lesson-templates.css';

const PHASES = ['pre', 'live', 'post'] as const;

/** "New lesson from a template": the four ready three-phase structures, then a name and an optional live start. */
export function TemplatePicker({ courseId, onCancel }: { courseId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const templates = useLessonTemplates(lang);
  if (templates.isPending) return <Loading />;
  if (templates.isError) {
    return (
      <Alert tone="error" action={<Button onClick={() => void templates.refetch()}>{t('common.retry')}</Button>}>
        {errorMessage(t, templates.error)}
      </Alert>
    );
  }
  return <TemplateForm courseId={courseId} templates={templates.data} onCancel={onCancel} />;
}

function TemplateForm({ courseId, templates, onCancel }: { courseId: string; templates: LessonTemplate[]; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  const create = useCreateFromTemplate(courseId);
  const [chosen, setChosen] = useState<LessonTemplateId>(templates[0]?.id ?? 'flipped');
  const [withLive, setWithLive] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const template = templates.find((candidate) => candidate.id === chosen) ?? templates[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!template) return;
    const form = event.currentTarget;
    const title = formText(form, 'title').trim();
    let live = {};
    if (withLive) {
      const startsAt = zonedToInstant(formText(form, 'startsAt'), format.timeZone);
      if (!startsAt) return setErrors({ startsAt: t('lesson.create.startsAtInvalid') });
      const duration = Number(formText(form, 'durationMinutes'));
      if (!Number.isInteger(duration) || duration < 5 || duration > 1440) return setErrors({ durationMinutes: t('lesson.templates.durationInvalid') });
      live = { startsAt, durationMinutes: duration };
    }
    setErrors({});
    create.mutate(
      { template: template.id, ...(title ? { title } : {}), ...live },
      {
        onSuccess: (lesson) => {
          toast(t('lesson.templates.created', { name: template.name }));
          void navigate(`/lessons/${encodeURIComponent(lesson.id)}`);
        },
        onError: (error) => setErrors(apiFieldErrors(t, error)),
      },
    );
  }

  return (
    <form ref={formRef} className="form template-picker" onSubmit={onSubmit} noValidate aria-label={t('lesson.templates.title')}>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <fieldset className="template-chooser">
        <legend className="fieldset-legend">{t('lesson.templates.choose')}</legend>
        <ul className="template-grid">
          {templates.map((item) => (
            <TemplateCard key={item.id} template={item} checked={item.id === chosen} onChoose={() => setChosen(item.id)} />
          ))}
        </ul>
      </fieldset>
      <TextField
        label={t('lesson.titleField')}
        name="title"
        maxLength={200}
        error={errors.title}
        hint={template ? t('lesson.templates.titleHint', { name: template.name }) : undefined}
      />
      <label className="check-row">
        <input type="checkbox" className="check-input" checked={withLive} onChange={(event) => setWithLive(event.target.checked)} />
        <span>
          {t('lesson.create.withLive')}
          <span className="check-hint muted">{t('lesson.templates.withLiveHint')}</span>
        </span>
      </label>
      {withLive ? (
        <fieldset className="fieldset">
          <legend className="field-label">{t('phases.live')}</legend>
          <TextField label={t('lesson.create.startsAt')} name="startsAt" type="datetime-local" required error={errors.startsAt} hint={t('lesson.create.zoneHint', { zone: timeZoneLabel(format.timeZone) })} />
          <TextField
            key={template?.id}
            label={t('lesson.create.duration')}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={1440}
            defaultValue={template?.liveDurationMinutes ?? 60}
            required
            error={errors.durationMinutes}
          />
        </fieldset>
      ) : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" icon="sparkle" busy={create.isPending}>
          {t('lesson.templates.submit')}
        </Button>
      </div>
    </form>
  );
}

function TemplateCard({ template, checked, onChoose }: { template: LessonTemplate; checked: boolean; onChoose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const total = template.minutes.pre + template.minutes.live + template.minutes.post || 1;
  return (
    <li className={checked ? 'template-card is-checked' : 'template-card'} data-template={template.id}>
      <div className="template-card-head">
        <input id={id} type="radio" name="template" value={template.id} checked={checked} onChange={onChoose} className="check-input" aria-describedby={`${id}-desc`} />
        <label htmlFor={id} className="template-name">
          {template.name}
        </label>
      </div>
      <p id={`${id}-desc`} className="template-desc">
        {template.description}
      </p>
      <div className="template-bar" aria-hidden="true">
        {PHASES.map((phase) => (
          <span key={phase} className={`template-bar-${phase}`} style={{ flexGrow: template.minutes[phase] / total }} />
        ))}
      </div>
      <ol className="template-phases">
        {PHASES.map((phase) => {
          const activities = template.activities.filter((activity) => activity.phase === phase);
          return (
            <li key={phase} className={`template-phase template-phase-${phase}`}>
              <span className="template-phase-head">
                <span>{t(`phases.${phase}`)}</span>
                <span className="template-phase-minutes">{t('learning.meta.minutes', { count: template.minutes[phase] })}</span>
              </span>
              <ul className="template-activities">
                {activities.map((activity, index) => (
                  <li key={index}>
                    <span>{activity.title}</span> <span className="muted">{t('learning.meta.minutes', { count: activity.estimatedMinutes })}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </li>
  );
}
