import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../../shared/schemas/uploads.ts';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, ORIGIN, signUp, type TestClient, type TestContext } from '../../testing/test-app.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake png body')]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64, 1)]);

async function upload(client: TestClient, courseId: string, name: string, type: string, payload: Buffer) {
  const res = await client.app.inject({
    method: 'POST',
    url: `/api/courses/${courseId}/uploads?name=${encodeURIComponent(name)}`,
    headers: { host: 'localhost:80', origin: ORIGIN, cookie: client.cookie!, 'content-type': type },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

describe.each(testDatabases())('uploads on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let dir: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-uploads-'));
      ctx = await createTestApp(dialect, { uploadsDir: dir });
    });
    afterAll(async () => {
      await ctx?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('stores an image on disk and serves it to members only, with safe headers', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const res = await upload(teacher, course.id, 'feuille verte.png', 'image/png', PNG);
      expect(res.status).toBe(201);
      expect(res.body.upload).toMatchObject({ fileName: 'feuille verte.png', contentType: 'image/png', size: PNG.length });
      expect(fs.readFileSync(path.join(dir, course.id, res.body.upload.id))).toEqual(PNG);

      const got = await students[0]!.get(res.body.upload.url);
      expect(got.status).toBe(200);
      expect(got.raw.rawPayload).toEqual(PNG);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toBe(`inline; filename="feuille verte.png"; filename*=UTF-8''feuille%20verte.png`);

      const part = await students[0]!.request('GET', res.body.upload.url, undefined, { range: 'bytes=0-7' });
      expect(part.status).toBe(206);
      expect(part.raw.rawPayload).toEqual(PNG.subarray(0, 8));
      expect(part.headers['content-range']).toBe(`bytes 0-7/${PNG.length}`);

      const outsider = await signUp(ctx.app, 'Outsider');
      expect((await outsider.get(res.body.upload.url)).status).toBe(404);
      expect((await outsider.get(`/api/courses/${course.id}/uploads`)).status).toBe(404);
      expect((await students[0]!.get(`/api/uploads/${res.body.upload.id}/other-name.png`)).status).toBe(404);
      expect((await students[0]!.get(`/api/courses/${course.id}/uploads`)).body.uploads).toHaveLength(1);
    });

    it('resolves page embeds against the course uploads once the file is there', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const lesson = await createLesson(teacher, course.id);
      const page = await createActivity(teacher, lesson.id, { type: 'page', content: { markdown: '![[leaf.png|700]]' } });
      expect(page.content.html).toContain('<span class="embed-missing" data-file="leaf.png">');
      const up = await upload(teacher, course.id, 'leaf.png', 'image/png', PNG);
      const again = await teacher.get(`/api/activities/${page.id}`);
      expect(again.body.activity.content.html).toContain(`<img class="embed" src="/api/uploads/${up.body.upload.id}/leaf.png" alt="leaf.png" width="700"`);
      const video = await upload(teacher, course.id, 'clip.mp4', 'video/mp4', MP4);
      expect(video.status).toBe(201);
      const asVideo = await createActivity(teacher, lesson.id, { type: 'video', content: { uploadId: video.body.upload.id } });
      expect(asVideo.content).toMatchObject({ provider: 'file', embedUrl: video.body.upload.url });
    });

    it('refuses the wrong type, a lying file, an oversized image and students, storing nothing', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const before = await snapshot(ctx.database);
      const filesBefore = fs.existsSync(path.join(dir, course.id)) ? fs.readdirSync(path.join(dir, course.id)) : [];

      const svg = await upload(teacher, course.id, 'x.svg', 'image/svg+xml', Buffer.from('<svg onload="alert(1)"/>'));
      expect(svg.status).toBe(415);
      const html = await upload(teacher, course.id, 'x.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>'));
      expect(html.status).toBe(415);
      expect(html.body.error.code).toBe('file_type_mismatch');
      const big = await upload(teacher, course.id, 'big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]));
      expect(big.status).toBe(413);
      const empty = await upload(teacher, course.id, 'e.png', 'image/png', Buffer.alloc(0));
      expect(empty.status).toBe(400);
      expect((await upload(students[0]!, course.id, 'x.png', 'image/png', PNG)).status).toBe(403);
      expect((await upload(teacher, course.id, '../../etc/passwd', 'image/png', PNG)).status).toBe(400);

      expect(await snapshot(ctx.database)).toBe(before);
      const filesAfter = fs.existsSync(path.join(dir, course.id)) ? fs.readdirSync(path.join(dir, course.id)) : [];
      expect(filesAfter).toEqual(filesBefore);
    });

    it('deletes uploads (teachers only)', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const up = await upload(teacher, course.id, 'gone.png', 'image/png', PNG);
      expect((await students[0]!.delete(`/api/uploads/${up.body.upload.id}`)).status).toBe(403);
      expect((await teacher.delete(`/api/uploads/${up.body.upload.id}`)).status).toBe(200);
      expect((await teacher.get(up.body.upload.url)).status).toBe(404);
      expect(fs.existsSync(path.join(dir, course.id, up.body.upload.id))).toBe(false);
    });
  });
});
