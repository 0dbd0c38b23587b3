import type { Locale } from '../../../shared/schemas/common.ts';
import type { LessonTemplate, LessonTemplateId } from '../../../shared/schemas/lesson-templates.ts';
import type { Lesson } from '../../../shared/schemas/lessons.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { LessonsService } from '../lessons/lessons.service.ts';
import { snippetBody } from './snippet-body.ts';
import { listTemplates, templateDef } from './templates.ts';

const DAY_MS = 24 * 3_600_000;

export type FromTemplateInput = {
  template: LessonTemplateId;
  title?: string | undefined;
  startsAt?: string | undefined;
  durationMinutes?: number | undefined;
  location?: string | undefined;
  videoUrl?: string | undefined;
  locale?: Locale | undefined;
};

export function createLessonTemplatesService(deps: { lessons: LessonsService; activityService: ActivitiesService; policy: CoursePolicy }) {
  return {
    list(locale: Locale): LessonTemplate[] {
      return listTemplates(locale);
    },

    /**
     * A new lesson with the template's three phases. With a start time: a live session, pre-work
     * due when it starts, post-work opening when it ends and due a week after the start.
     */
    async create(courseId: string, caller: { id: string; locale: Locale }, input: FromTemplateInput): Promise<Lesson> {
      await deps.policy.requireTeacher(courseId, caller.id);
      const locale = input.locale ?? caller.locale;
      const def = templateDef(input.template);
      const duration = input.durationMinutes ?? def.liveDurationMinutes;
      const lesson = await deps.lessons.create(courseId, caller.id, {
        title: input.title ?? def.name[locale],
        ...(input.startsAt
          ? { live: { startsAt: input.startsAt, durationMinutes: duration, ...(input.location ? { location: input.location } : {}), ...(input.videoUrl ? { videoUrl: input.videoUrl } : {}) } }
          : {}),
      });
      const start = input.startsAt ? new Date(input.startsAt).getTime() : null;
      for (const snippet of def.activities) {
        const dates =
          start === null || snippet.phase === 'live'
            ? {}
            : snippet.phase === 'pre'
              ? { dueAt: new Date(start).toISOString() }
              : { opensAt: new Date(start + duration * 60_000).toISOString(), dueAt: new Date(start + 7 * DAY_MS).toISOString() };
        await deps.activityService.create(lesson.id, caller.id, snippetBody(snippet, locale, dates));
      }
      return deps.lessons.view(lesson.id, caller.id);
    },
  };
}
export type LessonTemplatesService = ReturnType<typeof createLessonTemplatesService>;
