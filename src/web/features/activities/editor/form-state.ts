import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Activity, ActivityType, LearningType, Phase, QuizItemView } from '../../../../shared/schemas/activities.ts';
import { isApiError } from '../../../lib/api.ts';
import { instantToZoned, zonedToInstant } from '../../live/zoned-time.ts';

/** What the editor's fields hold; turned into the API's shapes only on save. */
export type Settings = {
  title: string;
  estimatedMinutes: string;
  opensAt: string;
  dueAt: string;
  required: boolean;
  learningType: LearningType | '';
  phase: Phase;
};

export type QuizKind = 'single' | 'multiple' | 'text' | 'numeric';

export type QuizItemDraft = {
  /** React key; stable while items move. */
  key: string;
  id?: string | undefined;
  kind: QuizKind;
  prompt: string;
  choices: string[];
  correct: number[];
  /** Accepted text answers, one per line. */
  accepted: string;
  value: string;
  tolerance: string;
};

export type ContentDraft =
  | { type: 'page'; markdown: string }
  | { type: 'video'; source: 'url' | 'upload'; url: string; uploadId: string | null; uploadName: string; duration: string }
  | { type: 'quiz'; items: QuizItemDraft[]; attempts: string; unlimited: boolean; showAnswers: boolean }
  | { type: 'poll'; question: string; choices: string[]; anonymous: boolean }
  | { type: 'question_box' | 'reflection' | 'discussion'; prompt: string }
  | { type: 'checklist'; items: string }
  | { type: 'link'; url: string; description: string };

let keyCounter = 0;
export const newKey = () => `k${++keyCounter}`;

export function emptyQuizItem(kind: QuizKind = 'single'): QuizItemDraft {
  return { key: newKey(), kind, prompt: '', choices: ['', ''], correct: [], accepted: '', value: '', tolerance: '' };
}

export function emptyContent(type: ActivityType): ContentDraft {
  switch (type) {
    case 'page':
      return { type, markdown: '' };
    case 'video':
      return { type, source: 'url', url: '', uploadId: null, uploadName: '', duration: '' };
    case 'quiz':
      return { type, items: [emptyQuizItem()], attempts: '1', unlimited: false, showAnswers: true };
    case 'poll':
      return { type, question: '', choices: ['', ''], anonymous: false };
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return { type, prompt: '' };
    case 'checklist':
      return { type, items: '' };
    case 'link':
      return { type, url: '', description: '' };
  }
}

export function emptySettings(phase: Phase): Settings {
  return { title: '', estimatedMinutes: '', opensAt: '', dueAt: '', required: true, learningType: '', phase };
}

/** "1:30" or "90" (seconds) → seconds; '' → undefined; anything else → NaN (an error). */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(?:(\d+):)?(\d+)(?::(\d{1,2}))?$/.exec(trimmed);
  if (!match) return Number.NaN;
  const parts = trimmed.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function quizItemFromView(item: QuizItemView): QuizItemDraft {
  const base = { ...emptyQuizItem(item.kind), id: item.id, prompt: item.prompt, choices: item.choices ?? ['', ''] };
  const answer = item.answer;
  if (item.kind === 'single' && typeof answer === 'number') return { ...base, correct: [answer] };
  if (item.kind === 'multiple' && Array.isArray(answer)) return { ...base, correct: answer.filter((a): a is number => typeof a === 'number') };
  if (item.kind === 'text' && Array.isArray(answer)) return { ...base, accepted: answer.map(String).join('\n') };
  if (item.kind === 'numeric' && answer && typeof answer === 'object' && !Array.isArray(answer)) return { ...base, value: String(answer.value), tolerance: answer.tolerance ? String(answer.tolerance) : '' };
  return base;
}

/** An existing activity (teacher's view, answers included) as editor fields. */
export function fromActivity(activity: Activity, timeZone: string): { settings: Settings; content: ContentDraft } {
  const settings: Settings = {
    title: activity.title,
    estimatedMinutes: activity.estimatedMinutes === null ? '' : String(activity.estimatedMinutes),
    opensAt: activity.opensAt ? instantToZoned(activity.opensAt, timeZone) : '',
    dueAt: activity.dueAt ? instantToZoned(activity.dueAt, timeZone) : '',
    required: activity.required,
    learningType: activity.learningType ?? '',
    phase: activity.phase,
  };
  switch (activity.type) {
    case 'page':
      return { settings, content: { type: 'page', markdown: activity.content.markdown } };
    case 'video': {
      const { url, uploadId, durationSeconds } = activity.content;
      const fileName = activity.content.embedUrl && uploadId ? decodeURIComponent(activity.content.embedUrl.split('/').pop() ?? '') : '';
      return {
        settings,
        content: { type: 'video', source: uploadId ? 'upload' : 'url', url: url ?? '', uploadId, uploadName: fileName, duration: durationSeconds ? formatDuration(durationSeconds) : '' },
      };
    }
    case 'quiz':
      return {
        settings,
        content: {
          type: 'quiz',
          items: activity.content.items.map(quizItemFromView),
          attempts: activity.content.attemptsAllowed === null ? '1' : String(activity.content.attemptsAllowed),
          unlimited: activity.content.attemptsAllowed === null,
          showAnswers: activity.content.showAnswersAfterSubmit,
        },
      };
    case 'poll':
      return { settings, content: { type: 'poll', question: activity.content.question, choices: activity.content.choices, anonymous: activity.content.anonymous } };
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return { settings, content: { type: activity.type, prompt: activity.content.prompt } };
    case 'checklist':
      return { settings, content: { type: 'checklist', items: activity.content.items.join('\n') } };
    case 'link':
      return { settings, content: { type: 'link', url: activity.content.url, description: activity.content.description ?? '' } };
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A number typed by a person ("2,5" too); '' → undefined; nonsense → NaN so the schema flags it. */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return undefined;
  return Number(trimmed);
}

function quizItemBody(item: QuizItemDraft): Record<string, unknown> {
  const common = { ...(item.id ? { id: item.id } : {}), prompt: item.prompt, kind: item.kind };
  switch (item.kind) {
    case 'single':
      // -1 when none is ticked: the schema's "must be the index of a choice" check catches it.
      return { ...common, choices: item.choices, answer: item.correct[0] ?? -1 };
    case 'multiple':
      return { ...common, choices: item.choices, answer: item.correct };
    case 'text':
      return { ...common, answer: lines(item.accepted) };
    case 'numeric':
      return { ...common, answer: { value: typedNumber(item.value) ?? Number.NaN, tolerance: typedNumber(item.tolerance) ?? 0 } };
  }
}

/** The `content` the API takes for this draft (checked by the shared schema before sending). */
export function contentBody(draft: ContentDraft): Record<string, unknown> {
  switch (draft.type) {
    case 'page':
      return { markdown: draft.markdown };
    case 'video': {
      const duration = parseDuration(draft.duration);
      const source = draft.source === 'upload' ? (draft.uploadId ? { uploadId: draft.uploadId } : {}) : { url: draft.url.trim() };
      return { ...source, ...(duration !== undefined ? { durationSeconds: duration } : {}) };
    }
    case 'quiz':
      return {
        items: draft.items.map(quizItemBody),
        attemptsAllowed: draft.unlimited ? null : Number(draft.attempts),
        showAnswersAfterSubmit: draft.showAnswers,
      };
    case 'poll':
      return { question: draft.question, choices: draft.choices, anonymous: draft.anonymous };
    case 'question_box':
    case 'reflection':
    case 'discussion':
      return { prompt: draft.prompt };
    case 'checklist':
      return { items: lines(draft.items) };
    case 'link':
      return { url: draft.url.trim(), ...(draft.description.trim() ? { description: draft.description.trim() } : {}) };
  }
}

export type SettingsBody = {
  title: string;
  estimatedMinutes?: number | null;
  opensAt: string | null;
  dueAt: string | null;
  required: boolean;
  learningType: LearningType | null;
  phase: Phase;
};

/** Settings for the API; times typed in the teacher's zone go out as UTC instants. */
export function settingsBody(settings: Settings, timeZone: string): { body: SettingsBody; errors: Errors } {
  const errors: Errors = {};
  const minutes = typedNumber(settings.estimatedMinutes);
  const instant = (value: string, field: 'opensAt' | 'dueAt') => {
    if (!value) return null;
    const converted = zonedToInstant(value, timeZone);
    if (!converted) errors[field] = 'invalid';
    return converted;
  };
  return {
    body: {
      title: settings.title,
      ...(minutes !== undefined ? { estimatedMinutes: minutes } : {}),
      opensAt: instant(settings.opensAt, 'opensAt'),
      dueAt: instant(settings.dueAt, 'dueAt'),
      required: settings.required,
      learningType: settings.learningType || null,
      phase: settings.phase,
    },
    errors,
  };
}

/** Field path ("content.items.0.prompt") → message. */
export type Errors = Partial<Record<string, string>>;

function issueText(t: TFunction, issue: z.core.$ZodIssue, path: string): string {
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (last === 'choices') return t('editor.errors.minChoices', { count: Number(issue.minimum) });
      if (last === 'items') return t('editor.errors.minItems');
      if (last === 'answer') return t('editor.errors.answerRequired');
      if (issue.origin === 'number' || issue.origin === 'int') return t('editor.errors.tooSmall', { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 ? t('errors.field.required') : t('errors.field.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return t('editor.errors.tooBig', { max: Number(issue.maximum) });
      return t('errors.field.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'url' ? t('editor.errors.url') : t('errors.field.invalid');
    case 'invalid_type':
      return path.endsWith('answer') || path.endsWith('value') ? t('editor.errors.answerRequired') : t('editor.errors.number');
    default:
      if (last === 'answer') return t('editor.errors.answerRequired');
      if (path === 'content.url' || path === 'content') return t('editor.errors.videoSource');
      if (path === 'dueAt') return t('editor.errors.dueBeforeOpen');
      return t('errors.field.invalid');
  }
}

/** zod issues (client check) under the field each concerns. */
export function issueErrors(t: TFunction, issues: z.core.$ZodIssue[], prefix: string[] = []): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(String)].join('.') || 'form';
    errors[path] ??= issueText(t, issue, path);
  }
  return errors;
}

/** A failed save's validation details under their fields ("body.content.items.0.prompt"). */
export function serverErrors(t: TFunction, error: unknown, fallback: string): Errors {
  if (isApiError(error) && (error.code === 'validation_failed' || error.code === 'unknown_upload') && error.details.length > 0) {
    const errors: Errors = {};
    for (const detail of error.details) {
      const path = detail.path.replace(/^body\.?/, '') || 'form';
      errors[path] ??= path.endsWith('uploadId') ? t('activity.errors.unknown_upload') : t('errors.field.invalid');
    }
    return errors;
  }
  return { form: fallback };
}
