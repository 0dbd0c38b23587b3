import { useTranslation } from 'react-i18next';
import { LearningType, Phase } from '../../../../shared/schemas/activities.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { timeZoneLabel } from '../../../lib/format.ts';
import type { Errors, Settings } from './form-state.ts';

type Props = { settings: Settings; onChange: (settings: Settings) => void; errors: Errors; timeZone: string };

/** Title, time, window, whether it counts, learning type, phase: the same for every type. */
export function SettingsFields({ settings, onChange, errors, timeZone }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const zone = t('editor.settings.zoneHint', { zone: timeZoneLabel(timeZone) });
  return (
    <fieldset className="fieldset editor-settings">
      <legend className="fieldset-legend">{t('editor.settings.legend')}</legend>
      <TextField label={t('editor.settings.title')} value={settings.title} onChange={(event) => set('title', event.target.value)} required maxLength={200} error={errors.title} />
      {/* When and what kind of learning first: the lesson's design guidance is built on these two. */}
      <div className="field-grid">
        <SelectField label={t('editor.settings.phase')} value={settings.phase} onChange={(event) => set('phase', Phase.parse(event.target.value))} error={errors.phase}>
          {Phase.options.map((phase) => (
            <option key={phase} value={phase}>
              {t(`phases.${phase}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('editor.settings.learningType')}
          value={settings.learningType}
          onChange={(event) => set('learningType', event.target.value === '' ? '' : LearningType.parse(event.target.value))}
          hint={t('editor.settings.learningTypeHint')}
          error={errors.learningType}
        >
          <option value="">{t('editor.settings.learningTypeNone')}</option>
          {LearningType.options.map((type) => (
            <option key={type} value={type}>
              {t(`editor.learningTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('editor.settings.minutes')}
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          value={settings.estimatedMinutes}
          onChange={(event) => set('estimatedMinutes', event.target.value)}
          hint={t('editor.settings.minutesHint')}
          error={errors.estimatedMinutes}
        />
        <TextField label={t('editor.settings.opensAt')} type="datetime-local" value={settings.opensAt} onChange={(event) => set('opensAt', event.target.value)} hint={zone} error={errors.opensAt} />
        <TextField label={t('editor.settings.dueAt')} type="datetime-local" value={settings.dueAt} onChange={(event) => set('dueAt', event.target.value)} hint={zone} error={errors.dueAt} />
      </div>
      <label className="check-row">
        <input type="checkbox" className="check-input" checked={settings.required} onChange={(event) => set('required', event.target.checked)} />
        <span>
          {t('editor.settings.required')}
          <span className="check-hint muted">{t('editor.settings.requiredHint')}</span>
        </span>
      </label>
    </fieldset>
  );
}
