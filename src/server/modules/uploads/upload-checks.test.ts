import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/errors.ts';
import { createLocalDiskStorage } from './storage.ts';
import { checkedStream, magicMatches } from './upload-checks.ts';

function* chunks(first: Buffer, filler: number, count: number) {
  yield first;
  for (let i = 0; i < count; i++) yield Buffer.alloc(filler, 7);
}

describe('upload checks', () => {
  it('recognises each allowed type by its magic bytes', () => {
    expect(magicMatches('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe(true);
    expect(magicMatches('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(magicMatches('image/gif', Buffer.from('GIF89a......'))).toBe(true);
    expect(magicMatches('image/webp', Buffer.from('RIFF\0\0\0\0WEBP'))).toBe(true);
    expect(magicMatches('video/mp4', Buffer.from('\0\0\0\x18ftypisom'))).toBe(true);
    expect(magicMatches('video/webm', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2]))).toBe(true);
    expect(magicMatches('image/png', Buffer.from('GIF89a......'))).toBe(false);
    expect(magicMatches('video/mp4', Buffer.from('<html>......'))).toBe(false);
  });

  it('streams to disk, stops past the size limit without buffering, and leaves no partial file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-storage-'));
    try {
      const storage = createLocalDiskStorage(dir);
      const gif = Buffer.from('GIF89a');
      const ok = await storage.put('c/ok', Readable.from(chunks(gif, 1024, 4)).pipe(checkedStream('image/gif', 10_000)));
      expect(ok.size).toBe(6 + 4096);
      const limited = checkedStream('image/gif', 10_000);
      limited.on('error', () => {});
      const failure = await storage.put('c/big', Readable.from(chunks(gif, 1024, 50)).pipe(limited)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).statusCode).toBe(413);
      expect(fs.readdirSync(path.join(dir, 'c'))).toEqual(['ok']);
      await expect(storage.get('../escape')).rejects.toThrow(/escapes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
