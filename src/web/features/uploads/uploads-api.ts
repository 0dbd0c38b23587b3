import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, UploadEnvelope, VIDEO_TYPES, type Upload } from '../../../shared/schemas/uploads.ts';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { ApiError } from '../../lib/api.ts';

export type UploadKind = 'image' | 'video';

const TYPES: Record<UploadKind, readonly string[]> = { image: IMAGE_TYPES, video: VIDEO_TYPES };
export const MAX_BYTES: Record<UploadKind, number> = { image: MAX_IMAGE_BYTES, video: MAX_VIDEO_BYTES };
export const ACCEPT: Record<UploadKind, string> = { image: IMAGE_TYPES.join(','), video: VIDEO_TYPES.join(',') };

/** What is wrong with a file before sending it, so nobody waits for a 500 MB upload to be refused. */
export function checkFile(file: File, kinds: UploadKind[]): { problem: 'type' | 'size' | 'empty'; kind?: UploadKind } | null {
  const kind = kinds.find((k) => TYPES[k].includes(file.type));
  if (!kind) return { problem: 'type' };
  if (file.size === 0) return { problem: 'empty', kind };
  if (file.size > MAX_BYTES[kind]) return { problem: 'size', kind };
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends a file to the course (the raw file as the body). XMLHttpRequest rather than fetch, for
 * upload progress: videos can be large and school connections slow.
 */
export function uploadFile(courseId: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/courses/${encodeURIComponent(courseId)}/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', file.type);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Could not reach Tandem'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled'));
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = UploadEnvelope.safeParse(data);
        if (parsed.success) resolve(parsed.data.upload);
        else reject(new ApiError(xhr.status, 'unexpected_response', 'Unexpected upload response'));
        return;
      }
      const error = ErrorBody.safeParse(data);
      if (error.success) reject(new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.details ?? [], data));
      else reject(new ApiError(xhr.status, xhr.status === 413 ? 'payload_too_large' : 'http_error', `HTTP ${xhr.status}`));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
