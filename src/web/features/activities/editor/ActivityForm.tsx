import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { CONTENT_SCHEMAS, CreateActivityBody, UpdateActivityBody, type Activity, type ActivityType, type PageView, type Phase } from '../../../../shared/schemas/activities.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { useToast } from '../../../components/Toasts.tsx';
import { useFormat } from '../../account/use-format.ts';
import { useCreateActivity, useUpdateActivity } from '../activities-api.ts';
import { activityPagePath, lessonPagePath } from '../activity-types.ts';
import { learningError } from '../learning-errors.ts';
import { contentBody, emptyContent, emptySettings, fromActivity, issueErrors, serverErrors, settingsBody, type ContentDraft, type Errors, type Settings } from './form-state.ts';
import { PageEditor } from './PageEditor.tsx';
import { QuizEditor } from './QuizEditor.tsx';
import { SettingsFields } from './SettingsFields.tsx';
import { ChecklistEditor, LinkEditor, PollEditor, PromptEditor } from './SimpleEditors.tsx';
import { VideoEditor } from './VideoEditor.tsx';

type Mode = { kind: 'create'; lessonId: string; type: ActivityType; phase: Phase } | { kind: 'edit'; activity: Activity };

function ContentFields({ courseId, content, onChange, errors, saved, onSaveForPreview, saving, initialTab }: { courseId: string; content: ContentDraft; onChange: (content: ContentDraft) => void; errors: Errors; saved: { markdown: string; html: string; tags: string[]; tasks: PageView['tasks'] } | null; onSaveForPreview: () => void; saving: boolean; initialTab: 'write' | 'preview' }) {
  switch (content.type) {
    case 'page':
      return <PageEditor courseId={courseId} markdown={content.markdown} onChange={(markdown) => onChange({ ...content, markdown })} errors={errors} saved={saved} onSaveForPreview={onSaveForPreview} saving={saving} initialTab={initialTab} />;
    case 'video':
      return <VideoEditor courseId={courseId} draft={content} onChange={onChange} errors={errors} />;
    case 'quiz':
      return <QuizEditor draft={content} onChange={onChange} errors={errors} />;
    case 'poll':
      return <PollEditor draft={content} onChange={onChange} errors={errors} />;
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return <PromptEditor draft={content} onChange={onChange} errors={errors} />;
    case 'checklist':
      return <ChecklistEditor draft={content} onChange={onChange} errors={errors} />;
    case 'link':
      return <LinkEditor draft={content} onChange={onChange} errors={errors} />;
  }
}

/** The editor for any activity type: shared settings, then the type's own content. */
export function ActivityForm({ mode, courseId }: { mode: Mode; courseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const format = useFormat();
  const lessonId = mode.kind === 'create' ? mode.lessonId : mode.activity.lessonId;
  const create = useCreateActivity(lessonId);
  const update = useUpdateActivity(mode.kind === 'edit' ? mode.activity.id : '');
  const [initial] = useState(() =>
    mode.kind === 'edit' ? fromActivity(mode.activity, format.timeZone) : { settings: emptySettings(mode.phase), content: emptyContent(mode.type) },
  );
  const [settings, setSettings] = useState<Settings>(initial.settings);
  const [content, setContent] = useState<ContentDraft>(initial.content);
  const [closed, setClosed] = useState(mode.kind === 'edit' ? mode.activity.closed : false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const saving = create.isPending || update.isPending;
  const type = content.type;
  const initialTab = typeof location.state === 'object' && location.state !== null && 'preview' in location.state ? 'preview' : 'write';

  // After a failed save, the cursor goes to the first field to fix.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('.alert-error');
    target?.focus();
  }, [errors]);

  function save(stay: boolean) {
    const { body, errors: timeErrors } = settingsBody(settings, format.timeZone);
    // An emptied estimate clears the one saved before (left out, it would stay as it was).
    if (mode.kind === 'edit' && body.estimatedMinutes === undefined) body.estimatedMinutes = null;
    const invalidTime = Object.fromEntries(Object.keys(timeErrors).map((key) => [key, t('editor.errors.dateTime')]));
    const data = contentBody(content);
    const onError = (error: unknown) => setErrors(serverErrors(t, error, learningError(t, error)));

    if (mode.kind === 'create') {
      const checked = CreateActivityBody.safeParse({ ...body, type, content: data });
      const found = { ...(checked.success ? {} : issueErrors(t, checked.error.issues)), ...invalidTime };
      if (!checked.success || Object.keys(found).length > 0) return setErrors(found);
      setErrors({});
      create.mutate(checked.data, {
        onSuccess: (activity) => {
          toast(t('editor.created'));
          if (stay) void navigate(`${activityPagePath(activity.id)}/edit`, { replace: true, state: { preview: true } });
          else void navigate(lessonPagePath(activity.lessonId));
        },
        onError,
      });
      return;
    }

    const contentCheck = CONTENT_SCHEMAS[type].safeParse(data);
    const settingsCheck = UpdateActivityBody.safeParse({ ...body, closed, content: data });
    const found = {
      ...(settingsCheck.success ? {} : issueErrors(t, settingsCheck.error.issues)),
      ...(contentCheck.success ? {} : issueErrors(t, contentCheck.error.issues, ['content'])),
      ...invalidTime,
    };
    if (body.opensAt && body.dueAt && body.opensAt >= body.dueAt) found.dueAt = t('editor.errors.dueBeforeOpen');
    if (!settingsCheck.success || !contentCheck.success || Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    update.mutate(settingsCheck.data, {
      onSuccess: (activity) => {
        toast(t('editor.saved'));
        if (!stay) void navigate(activityPagePath(activity.id));
      },
      onError,
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(false);
  }

  const saved = mode.kind === 'edit' && mode.activity.type === 'page' ? { markdown: mode.activity.content.markdown, html: mode.activity.content.html, tags: mode.activity.content.tags, tasks: mode.activity.content.tasks } : null;
  const cancelTo = mode.kind === 'edit' ? activityPagePath(mode.activity.id) : lessonPagePath(lessonId);
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={formRef} className="form activity-form" onSubmit={onSubmit} noValidate>
      {errors.form ? (
        <Alert tone="error">{errors.form}</Alert>
      ) : errorCount > 0 ? (
        <Alert tone="error">{t('editor.errors.summary', { count: errorCount })}</Alert>
      ) : null}
      <SettingsFields settings={settings} onChange={setSettings} errors={errors} timeZone={format.timeZone} />
      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t(`editor.content.${type}`)}</legend>
        <ContentFields courseId={courseId} content={content} onChange={setContent} errors={errors} saved={saved} onSaveForPreview={() => save(true)} saving={saving} initialTab={initialTab} />
      </fieldset>
      {mode.kind === 'edit' ? (
        <label className="check-row">
          <input type="checkbox" className="check-input" checked={closed} onChange={(event) => setClosed(event.target.checked)} />
          <span>
            {t('editor.closed')}
            <span className="check-hint muted">{t('editor.closedHint')}</span>
          </span>
        </label>
      ) : null}
      <div className="form-actions editor-actions">
        <ButtonLink to={cancelTo} variant="ghost">
          {t('common.cancel')}
        </ButtonLink>
        <Button type="submit" variant="primary" busy={saving}>
          {mode.kind === 'create' ? t('editor.create') : t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
