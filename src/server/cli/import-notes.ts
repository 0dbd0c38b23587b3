import fs from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../services.ts';

/**
 * `tandem import FILE_OR_FOLDER --course ID`: each Markdown note becomes a lesson (a folder is
 * imported in file-name order). Returns what was created, for the command to print.
 */
export async function importNotes(services: Pick<Services, 'import'>, target: string, courseId: string): Promise<{ file: string; lessonId: string; title: string }[]> {
  const stat = await fs.stat(target);
  const files = stat.isDirectory()
    ? (await fs.readdir(target, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name))
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
        .map((name) => path.join(target, name))
    : [target];
  const created = [];
  for (const file of files) {
    const markdown = await fs.readFile(file, 'utf8');
    const result = await services.import.importNote(courseId, null, markdown, path.basename(file));
    created.push({ file, lessonId: result.lessonId, title: result.title });
  }
  return created;
}
