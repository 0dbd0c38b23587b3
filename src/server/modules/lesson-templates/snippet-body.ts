import { CreateActivityBody } from '../../../shared/schemas/activities.ts';
import type { Locale } from '../../../shared/schemas/common.ts';
import type { ActivitySnippet } from './templates.ts';

/** A snippet as a create-activity body in one language, checked by the same schema as the HTTP route. */
export function snippetBody(snippet: ActivitySnippet, locale: Locale, dates: { opensAt?: string | null; dueAt?: string | null } = {}) {
  return CreateActivityBody.parse({
    phase: snippet.phase,
    type: snippet.type,
    title: snippet.title[locale],
    estimatedMinutes: snippet.estimatedMinutes,
    learningType: snippet.learningType,
    content: snippet.content(locale),
    ...(dates.opensAt ? { opensAt: dates.opensAt } : {}),
    ...(dates.dueAt ? { dueAt: dates.dueAt } : {}),
  });
}
