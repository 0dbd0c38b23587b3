import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotes } from '../../cli/import-notes.ts';
import { testDatabases } from '../../testing/databases.ts';
import { createLesson, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, type TestClient, type TestContext } from '../../testing/test-app.ts';

const NOTE = `---
title: Photosynthesis, the short version
tags: [biology, plants]
aliases: [photo]
---
# Photosynthesis

Plants turn ==light into sugar==. See [[Cell structure]] first. #chlorophyll #exam/2026

![[leaf-diagram.png|700]]

| Input | Output |
|---|---|
| CO₂ + H₂O | C₆H₁₂O₆ + O₂ |

## Before class
- [ ] Read the ==summary==
- [ ] Watch the video on [[Light]]
- [x] Bring one question
`;

const postNote = (client: TestClient, courseId: string, body: string, type = 'text/markdown', query = '') =>
  client.request('POST', `/api/courses/${courseId}/import${query}`, body, { 'content-type': type });

describe.each(testDatabases())('Markdown import on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('turns an Obsidian note into a lesson with its page and a checklist of its tasks', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const cells = await createLesson(teacher, course.id, 'Cell structure');
      const res = await postNote(teacher, course.id, NOTE);
      expect(res.status).toBe(201);
      const lesson = res.body.lesson;
      expect(lesson.title).toBe('Photosynthesis, the short version');
      expect(lesson.pre.map((a: { type: string }) => a.type)).toEqual(['page', 'checklist']);
      const [page, checklist] = lesson.pre;
      expect(page.title).toBe('Photosynthesis, the short version');
      expect(page.estimatedMinutes).toBeGreaterThanOrEqual(1);
      expect(page.content.html).toContain('<mark>light into sugar</mark>');
      expect(page.content.html).toContain(`<a class="wikilink" href="/lessons/${cells.id}">Cell structure</a>`);
      expect(page.content.html).toContain('<span class="wikilink wikilink-missing"');
      expect(page.content.html).toContain('<span class="embed-missing" data-file="leaf-diagram.png">');
      expect(page.content.html).toContain('<td>CO₂ + H₂O</td>');
      expect(page.content.html).not.toContain('aliases');
      expect(page.content.tags).toEqual(['biology', 'plants', 'chlorophyll', 'exam/2026']);
      expect(page.content.frontMatter).toMatchObject({ title: 'Photosynthesis, the short version', tags: ['biology', 'plants'] });
      expect(page.content.tasks.map((t: { text: string }) => t.text)).toEqual(['Read the ==summary==', 'Watch the video on [[Light]]', 'Bring one question']);
      expect(checklist.content.items).toEqual(['Read the summary', 'Watch the video on Light', 'Bring one question']);

      // A student can tick the page's tasks and the checklist.
      const student = students[0]!;
      expect((await student.put(`/api/activities/${page.id}/response`, { checked: [0, 2] })).body.response.body.checked).toEqual([0, 2]);
      expect((await student.put(`/api/activities/${checklist.id}/response`, { checked: [0, 1, 2] })).body.response.status).toBe('done');
      expect((await student.get(`/api/courses/${course.id}`)).body.course.lessons.map((l: { title: string }) => l.title)).toEqual(['Cell structure', 'Photosynthesis, the short version']);
    });

    it('titles from the first heading, then the file name; a note without tasks has no checklist', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const heading = await postNote(teacher, course.id, 'Intro\n\n# The **water** cycle\n\ntext');
      expect(heading.body.lesson.title).toBe('The water cycle');
      expect(heading.body.lesson.pre).toHaveLength(1);
      const named = await postNote(teacher, course.id, 'Just some text', 'text/markdown; charset=utf-8', '?name=Week%203%20notes.md');
      expect(named.body.lesson.title).toBe('Week 3 notes');
      expect((await postNote(teacher, course.id, 'Only text')).body.lesson.title).toBe('Imported note');
    });

    it('refuses bad notes with a clear 4xx and creates nothing', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const outsider = (await courseWithClass(ctx.app, 1)).students[0]!;
      const before = await snapshot(ctx.database);
      const broken = await postNote(teacher, course.id, '---\ntitle: [oops\n---\n# x');
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('invalid_front_matter');
      expect((await postNote(teacher, course.id, '   ')).status).toBe(400);
      expect((await postNote(teacher, course.id, 'text\u0000with NUL')).status).toBe(400);
      const huge = await postNote(teacher, course.id, `# Big\n\n${'word '.repeat(300_000)}`);
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');
      expect((await postNote(teacher, course.id, '# x', 'application/pdf')).status).toBe(415);
      const invalidUtf8 = await teacher.app.inject({
        method: 'POST',
        url: `/api/courses/${course.id}/import`,
        headers: { host: 'localhost:80', origin: 'http://localhost:80', cookie: teacher.cookie!, 'content-type': 'text/markdown' },
        payload: Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]),
      });
      expect(invalidUtf8.statusCode).toBe(400);
      expect(invalidUtf8.json().error.code).toBe('invalid_encoding');
      expect((await postNote(outsider, course.id, '# x')).status).toBe(404);
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('imports a file or a whole folder in name order from the CLI', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-notes-'));
      try {
        fs.writeFileSync(path.join(dir, '10 Later.md'), '# Ten\n- [ ] task');
        fs.writeFileSync(path.join(dir, '2 Second.md'), 'no heading here');
        fs.writeFileSync(path.join(dir, '1 First.md'), '---\ntitle: One\n---\nbody');
        fs.writeFileSync(path.join(dir, 'image.png'), 'not a note');
        const created = await importNotes(ctx.app.services, dir, course.id);
        expect(created.map((c) => c.title)).toEqual(['One', '2 Second', 'Ten']);
        const single = await importNotes(ctx.app.services, path.join(dir, '1 First.md'), course.id);
        expect(single).toHaveLength(1);
        const lessons = (await teacher.get(`/api/courses/${course.id}`)).body.course.lessons.map((l: { title: string }) => l.title);
        expect(lessons).toEqual(['One', '2 Second', 'Ten', 'One']);
        await expect(importNotes(ctx.app.services, dir, 'no-such-course')).rejects.toThrow('Course not found');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
