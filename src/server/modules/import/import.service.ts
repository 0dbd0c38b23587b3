import type { Lesson } from '../../../shared/schemas/lessons.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CoursesRepository } from '../courses/courses.repository.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import type { LessonsService } from '../lessons/lessons.service.ts';
import { renderMarkdown } from '../markdown/render.ts';
import type { RenderContextLoader } from '../markdown/render-context.ts';

export const IMPORT_MAX_BYTES = 1024 * 1024;
const WORDS_PER_MINUTE = 200;

/** A heading's inline Markdown reduced to plain text for a title. */
function plainTitle(text: string): string {
  return text
    .replace(/!?\[\[([^\]|]+)\|?([^\]]*)\]\]/g, (_m, target: string, alias: string) => alias || target)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_=`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

function fallbackTitle(fileName: string | undefined): string | undefined {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.(md|markdown)$/i, '').trim();
  return base ? base.slice(0, 200) : undefined;
}

/**
 * A Markdown note (e.g. from Obsidian) becomes a lesson: the note is its pre-work `page`, and
 * its task list items (`- [ ]`) also become a `checklist` activity.
 */
export function createImportService(deps: {
  lessons: LessonsRepository;
  activities: ActivitiesRepository;
  courses: CoursesRepository;
  lessonsService: LessonsService;
  policy: CoursePolicy;
  loadRenderContext: RenderContextLoader;
}) {
  const { lessons, activities, courses, policy } = deps;

  /** Creates the lesson; `userId` null is the administrator's CLI (no membership check). */
  async function importNote(courseId: string, userId: string | null, markdown: string, fileName?: string): Promise<{ lessonId: string; title: string; activityIds: string[] }> {
    if (userId) await policy.requireTeacher(courseId, userId);
    else if (!(await courses.findById(courseId))) throw notFound('Course not found');
    if (!markdown.trim()) throw badRequest('empty_note', 'The note is empty');
    if (markdown.includes('\u0000')) throw badRequest('invalid_markdown', 'The note contains NUL bytes; it is not a text file');
    const rendered = renderMarkdown(markdown, await deps.loadRenderContext(courseId)); // 400 on bad front matter
    const title = plainTitle(rendered.title ?? '') || fallbackTitle(fileName) || 'Imported note';
    const now = nowIso();
    const lesson = await lessons.insertLast({ id: newId(), course_id: courseId, title, created_at: now, updated_at: now });
    const words = markdown.split(/\s+/).filter(Boolean).length;
    const base = { course_id: courseId, lesson_id: lesson.id, phase: 'pre' as const, opens_at: null, due_at: null, required: 1, closed: 0, created_at: now, updated_at: now };
    const page = await activities.insertLast({
      ...base,
      id: newId(),
      type: 'page',
      title,
      estimated_minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)),
      learning_type: 'acquisition',
      content: JSON.stringify({ markdown }),
    });
    const activityIds = [page.id];
    const items = rendered.tasks.map((t) => plainTitle(t.text) || t.text.slice(0, 1000)).filter(Boolean).slice(0, 200);
    if (items.length > 0) {
      const checklist = await activities.insertLast({
        ...base,
        id: newId(),
        type: 'checklist',
        title: `Checklist: ${title}`.slice(0, 200),
        estimated_minutes: null,
        learning_type: 'practice',
        content: JSON.stringify({ items }),
      });
      activityIds.push(checklist.id);
    }
    return { lessonId: lesson.id, title, activityIds };
  }

  return {
    importNote,
    async importForTeacher(courseId: string, userId: string, markdown: string, fileName?: string): Promise<Lesson> {
      const { lessonId } = await importNote(courseId, userId, markdown, fileName);
      return deps.lessonsService.view(lessonId, userId);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
