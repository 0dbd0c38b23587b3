import type { Readable } from 'node:stream';
import type { Upload } from '../../../shared/schemas/uploads.ts';
import { ApiError, forbidden, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import { uploadUrl } from '../activities/activity.presenter.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { Storage } from './storage.ts';
import { checkedStream, isUploadType, maxBytesFor, tooLarge } from './upload-checks.ts';
import type { UploadRow, UploadsRepository } from './uploads.repository.ts';

function present(row: UploadRow): Upload {
  return {
    id: row.id,
    courseId: row.course_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    url: uploadUrl({ id: row.id, fileName: row.file_name }),
    createdAt: row.created_at,
  };
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'file';
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createUploadsService(deps: { uploads: UploadsRepository; storage: Storage; policy: CoursePolicy }) {
  const { uploads, storage, policy } = deps;

  return {
    async upload(courseId: string, userId: string, input: { contentType: string; fileName: string; declaredLength: number | undefined; body: Readable }): Promise<Upload> {
      await policy.requireTeacher(courseId, userId);
      const type = input.contentType.split(';')[0]!.trim().toLowerCase();
      if (!isUploadType(type)) throw new ApiError(415, 'unsupported_media_type', 'Upload PNG, JPEG, GIF or WebP images, or MP4 or WebM videos');
      const max = maxBytesFor(type);
      if (input.declaredLength !== undefined && input.declaredLength > max) throw tooLarge(max);
      const id = newId();
      const key = `${courseId}/${id}`;
      const checked = checkedStream(type, max);
      input.body.on('error', (error) => checked.destroy(error));
      // The check may fail before storage attaches its pipeline (e.g. an empty body ends at once);
      // the pipeline still sees the stored error, this listener only keeps it from being "unhandled".
      checked.on('error', () => {});
      const { size } = await storage.put(key, input.body.pipe(checked));
      const row: UploadRow = {
        id,
        course_id: courseId,
        user_id: userId,
        file_name: input.fileName.normalize('NFC'),
        content_type: type,
        size,
        storage_key: key,
        created_at: nowIso(),
      };
      try {
        await uploads.insert(row);
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      return present(row);
    },

    async list(courseId: string, userId: string): Promise<Upload[]> {
      await policy.requireMember(courseId, userId);
      return (await uploads.listForCourse(courseId)).map(present);
    },

    /** Members only (404 otherwise); the name in the URL must be the file's. */
    async open(uploadId: string, fileName: string, userId: string, range?: { start: number; end: number }) {
      const row = await uploads.findById(uploadId);
      if (!row || row.file_name !== fileName.normalize('NFC')) throw notFound('File not found');
      await policy.requireMember(row.course_id, userId);
      const size = await storage.size(row.storage_key);
      if (size === null) throw notFound('File not found');
      return { row, size, open: (r?: { start: number; end: number }) => storage.get(row.storage_key, r ?? range) };
    },

    async delete(uploadId: string, userId: string): Promise<void> {
      const row = await uploads.findById(uploadId);
      if (!row) throw notFound('File not found');
      const course = await policy.requireMember(row.course_id, userId);
      if (course.role !== 'teacher') throw forbidden('Only the course teachers can delete files');
      await uploads.delete(uploadId);
      await storage.delete(row.storage_key);
    },
  };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
