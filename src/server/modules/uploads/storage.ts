import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded bytes live. Local disk today; an object store (S3 and the like) can implement
 * the same four calls. Keys are server-made ("<courseId>/<uploadId>"), never user file names.
 */
export interface Storage {
  /** Streams `data` under `key`; nothing is left behind if the stream fails. */
  put(key: string, data: Readable): Promise<{ size: number }>;
  /** Streams the bytes (optionally an inclusive byte range). */
  get(key: string, range?: { start: number; end: number }): Promise<Readable>;
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

export function createLocalDiskStorage(root: string): Storage {
  const base = path.resolve(root);
  const fileFor = (key: string) => {
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return file;
  };
  return {
    async put(key, data) {
      const file = fileFor(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.${Date.now()}.part`;
      try {
        await pipeline(data, fs.createWriteStream(partial, { flags: 'wx' }));
        await fsp.rename(partial, file);
      } catch (error) {
        await fsp.rm(partial, { force: true });
        throw error;
      }
      return { size: (await fsp.stat(file)).size };
    },
    async get(key, range) {
      const file = fileFor(key);
      await fsp.access(file);
      return fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      try {
        return (await fsp.stat(fileFor(key))).size;
      } catch {
        return null;
      }
    },
    async delete(key) {
      await fsp.rm(fileFor(key), { force: true });
    },
  };
}
