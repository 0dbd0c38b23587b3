import { z } from 'zod';
import { Id, Instant } from './common.ts';

/**
 * POST /api/courses/:courseId/uploads?name=<file name> — the raw file is the request body and
 * its Content-Type says what it is (checked against the file's magic bytes).
 */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const VIDEO_TYPES = ['video/mp4', 'video/webm'] as const;
export const UPLOAD_TYPES = [...IMAGE_TYPES, ...VIDEO_TYPES] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

export const UploadQuery = z.object({
  /** The file name, as a Markdown embed refers to it: ![[name.png|700]]. */
  name: z.string().trim().min(1).max(200).regex(/^[^/\\\u0000-\u001f]+$/, { message: 'A plain file name, without folders' }),
});

export const Upload = z.object({
  id: Id,
  courseId: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  /** Where members fetch it: /api/uploads/:id/:fileName */
  url: z.string(),
  createdAt: Instant,
});
export type Upload = z.infer<typeof Upload>;
export const UploadEnvelope = z.object({ upload: Upload });
export const UploadList = z.object({ uploads: z.array(Upload) });
export const UploadParams = z.object({ uploadId: Id, fileName: z.string().max(300) });
export const UploadIdParams = z.object({ uploadId: Id });
