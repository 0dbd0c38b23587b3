import { Transform, type TransformCallback } from 'node:stream';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, UPLOAD_TYPES } from '../../../shared/schemas/uploads.ts';
import { ApiError } from '../../lib/errors.ts';

export type UploadType = (typeof UPLOAD_TYPES)[number];

export function isUploadType(value: string): value is UploadType {
  return (UPLOAD_TYPES as readonly string[]).includes(value);
}

export function maxBytesFor(type: UploadType): number {
  return (IMAGE_TYPES as readonly string[]).includes(type) ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
}

const ascii = (bytes: Buffer, start: number, text: string) => bytes.subarray(start, start + text.length).toString('latin1') === text;

/** Does the file start the way its declared type must? */
export function magicMatches(type: UploadType, head: Buffer): boolean {
  switch (type) {
    case 'image/png':
      return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    case 'image/gif':
      return ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a');
    case 'image/webp':
      return ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP');
    case 'video/mp4':
      return ascii(head, 4, 'ftyp');
    case 'video/webm':
      return head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  }
}

export const tooLarge = (max: number) => new ApiError(413, 'payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB`);

const HEAD_BYTES = 12;

/**
 * Passes the upload through while counting bytes (413 past the limit) and checking the first
 * bytes against the declared type (415 on a mismatch), so nothing is buffered whole.
 */
export function checkedStream(type: UploadType, maxBytes: number): Transform {
  let seen = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const checkHead = (force: boolean): Error | undefined => {
    if (!head || (head.length < HEAD_BYTES && !force)) return undefined;
    const ok = magicMatches(type, head);
    head = null;
    return ok ? undefined : new ApiError(415, 'file_type_mismatch', `The file's content is not ${type}`);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) return callback(tooLarge(maxBytes));
      if (head) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES)]);
      callback(checkHead(false) ?? null, chunk);
    },
    flush(callback: TransformCallback) {
      if (seen === 0) return callback(new ApiError(400, 'empty_file', 'The file is empty'));
      callback(checkHead(true) ?? null);
    },
  });
}
