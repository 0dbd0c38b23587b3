import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, type TestClient, type TestContext } from '../../testing/test-app.ts';

describe.each(testDatabases())('discussions on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('threads replies, edits own posts, soft-deletes keeping replies, and lets teachers hide and unhide', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const [ana, ben] = students as [TestClient, TestClient];
      const lesson = await createLesson(teacher, course.id);
      const discussion = await createActivity(teacher, lesson.id, { type: 'discussion', content: { prompt: 'Is a virus alive?' } });
      const url = `/api/activities/${discussion.id}/posts`;

      const root = await ana.post(url, { body: 'I think **not**. <script>alert(1)</script><img src=x onerror="alert(2)">' });
      expect(root.status).toBe(201);
      expect(root.body.post.html).toContain('<strong>not</strong>');
      expect(root.body.post.html).not.toMatch(/<script|onerror/);
      const reply = await ben.post(url, { body: 'It reproduces, though.', parentId: root.body.post.id });
      const nested = await ana.post(url, { body: 'Only inside a cell.', parentId: reply.body.post.id });
      await ben.post(url, { body: 'Second thread' });

      let tree = (await ana.get(url)).body.posts;
      expect(tree).toHaveLength(2);
      expect(tree[0].replies[0].body).toBe('It reproduces, though.');
      expect(tree[0].replies[0].replies[0].id).toBe(nested.body.post.id);
      expect(tree[0].mine).toBe(true);

      expect((await ben.patch(`/api/posts/${root.body.post.id}`, { body: 'hijack' })).status).toBe(403);
      const edited = await ana.patch(`/api/posts/${root.body.post.id}`, { body: 'I think *not*.' });
      expect(edited.body.post).toMatchObject({ body: 'I think *not*.' });
      expect(edited.body.post.editedAt).toBeTruthy();

      expect((await ben.delete(`/api/posts/${root.body.post.id}`)).status).toBe(403);
      expect((await ana.delete(`/api/posts/${root.body.post.id}`)).status).toBe(200);
      tree = (await ben.get(url)).body.posts;
      expect(tree[0]).toMatchObject({ deleted: true, body: null, html: null, author: null });
      expect(tree[0].replies[0].replies[0].body).toBe('Only inside a cell.');
      expect((await ana.patch(`/api/posts/${root.body.post.id}`, { body: 'back' })).status).toBe(409);

      expect((await ana.post(`/api/posts/${reply.body.post.id}/hide`, { hidden: true })).status).toBe(403);
      const hidden = await teacher.post(`/api/posts/${reply.body.post.id}/hide`, { hidden: true });
      expect(hidden.body.post).toMatchObject({ hidden: true, body: 'It reproduces, though.' });
      const studentView = (await ana.get(url)).body.posts[0].replies[0];
      expect(studentView).toMatchObject({ hidden: true, body: null, html: null });
      expect(studentView.replies).toHaveLength(1);
      await teacher.post(`/api/posts/${reply.body.post.id}/hide`, { hidden: false });
      expect((await ana.get(url)).body.posts[0].replies[0].body).toBe('It reproduces, though.');

      // Posting completes the discussion for the student.
      expect((await ben.get(`/api/activities/${discussion.id}/response`)).body.response.status).toBe('done');
    });

    it('refuses a reply to a post of another discussion and empty bodies, storing nothing', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id);
      const d1 = await createActivity(teacher, lesson.id, { type: 'discussion', content: { prompt: 'One' } });
      const d2 = await createActivity(teacher, lesson.id, { type: 'discussion', content: { prompt: 'Two' } });
      const post = await students[0]!.post(`/api/activities/${d1.id}/posts`, { body: 'Hello' });
      const before = await snapshot(ctx.database);
      const cross = await students[0]!.post(`/api/activities/${d2.id}/posts`, { body: 'Reply', parentId: post.body.post.id });
      expect(cross.status).toBe(400);
      expect(cross.body.error.code).toBe('invalid_parent');
      expect((await students[0]!.post(`/api/activities/${d1.id}/posts`, { body: '  ' })).status).toBe(400);
      expect((await students[0]!.post(`/api/activities/${d1.id}/posts`, { body: 'x'.repeat(20_001) })).status).toBe(400);
      expect(await snapshot(ctx.database)).toBe(before);
    });
  });
});
