import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import type { UploadsRepository } from '../uploads/uploads.repository.ts';
import type { RenderContext } from './render.ts';

/** Loads what a course's Markdown may refer to: lesson titles and uploaded files (two queries). */
export function createRenderContextLoader(deps: { lessons: LessonsRepository; uploads: UploadsRepository }) {
  return async function loadRenderContext(courseId: string): Promise<RenderContext> {
    const [lessons, uploads] = await Promise.all([deps.lessons.listForCourse(courseId), deps.uploads.listForCourse(courseId)]);
    return {
      lessons: lessons.map((l) => ({ id: l.id, title: l.title })),
      uploads: uploads.map((u) => ({ id: u.id, fileName: u.file_name, contentType: u.content_type })),
    };
  };
}
export type RenderContextLoader = ReturnType<typeof createRenderContextLoader>;
