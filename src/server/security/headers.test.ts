import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVideoUrl } from '../../shared/video-url.ts';
import { buildApp, type TandemApp } from '../app.ts';
import { breakoutVideoBase } from '../modules/live/video-link.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { courseWithClass, signUp, testConfig, TestClient } from '../testing/test-app.ts';
import { PNG } from './world.ts';

/** "script-src 'self'; frame-src …" → { 'script-src': ["'self'"], … } */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Does a CSP source list allow this URL? (scheme-less host sources are not used by Tandem.) */
const allows = (sources: string[], url: string) => sources.includes(new URL(url).origin);

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/i;

describe('security headers, cookies and served files', () => {
  let app: TandemApp;
  let database: TestDatabase;
  let web: string;
  let uploads: string;
  const JITSI = 'https://jitsi.school.example';
  beforeAll(async () => {
    // A web build of our own, so these tests do not depend on `npm run build` having run.
    web = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-up-'));
    database = await createTestDatabase('sqlite');
    app = await buildApp(testConfig({ webDistDir: web, uploadsDir: uploads, jitsiBaseUrl: JITSI, loginRateLimit: { max: 3, windowMs: 60_000 } }), { database, serveWeb: true, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    fs.rmSync(web, { recursive: true, force: true });
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
    app.inject({ method: 'GET', url, headers: { host: 'localhost:80', ...headers }, ...(remoteAddress ? { remoteAddress } : {}) });

  it('ships a page with no inline script: the source, and the built app when it exists', () => {
    expect(fs.readFileSync('src/web/index.html', 'utf8')).not.toMatch(INLINE_SCRIPT);
    const built = path.resolve('dist/web/index.html');
    if (fs.existsSync(built)) {
      const html = fs.readFileSync(built, 'utf8');
      expect(html).not.toMatch(INLINE_SCRIPT);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    }
  });

  it('sends a strict Content-Security-Policy with the page and every API answer', async () => {
    for (const url of ['/', '/courses/anything', '/api/health', '/api/nothing-here']) {
      const policy = csp((await get(url)).headers['content-security-policy']);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'self'"]);
      expect(policy['frame-ancestors']).toEqual(["'self'"]);
      expect(policy['form-action']).toEqual(["'self'"]);
      expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
      // WebSockets to this very server only, not any ws: URL.
      expect(policy['connect-src']).toEqual(["'self'", 'ws://localhost:80']);
      expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval|'unsafe-inline'.*script|\*/);
    }
    const https = csp((await get('/', { 'x-forwarded-proto': 'https', host: 'tandem.school.example' })).headers['content-security-policy']);
    expect(https['connect-src']).toEqual(["'self'", 'wss://tandem.school.example']);
    // A Host header cannot write a directive.
    const injected = (await get('/', { host: "evil.example; script-src 'unsafe-inline'" })).headers['content-security-policy'];
    expect(csp(injected)['script-src']).toEqual(["'self'"]);
    expect(String(injected)).not.toContain('evil');
  });

  it('lets the page frame exactly what the app embeds: YouTube and Vimeo players, and Jitsi rooms', async () => {
    const frames = csp((await get('/')).headers['content-security-policy'])['frame-src']!;
    const youtube = parseVideoUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42')!.embedUrl;
    const vimeo = parseVideoUrl('https://vimeo.com/76979871/abcdef1234')!.embedUrl;
    for (const url of [youtube, vimeo, 'https://meet.jit.si/tandem-x', `${JITSI}/tandem-abc`, `${breakoutVideoBase({ lessonId: 'l1', videoUrl: null, jitsiBaseUrl: JITSI })}-group-1`]) {
      expect(allows(frames, url), url).toBe(true);
    }
    expect(allows(frames, 'https://evil.example/x')).toBe(false);
    // The live session offers an embed only where the policy lets the page frame it.
    const { teacher, course } = await courseWithClass(app, 0);
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const embed = async (videoUrl: string) => (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Live', live: { startsAt, durationMinutes: 30, videoUrl } })).body.lesson.live?.embedUrl ?? null;
    expect(await embed('https://meet.jit.si/Bio-Week-3')).toBe('https://meet.jit.si/Bio-Week-3');
    expect(await embed(`${JITSI}/Bio-Week-3`)).toBe(`${JITSI}/Bio-Week-3`);
    expect(await embed('https://jitsi.elsewhere.example/Bio-Week-3')).toBeNull();
  });

  it('sends nosniff, a referrer policy, frame options, and HSTS only over HTTPS from a trusted proxy', async () => {
    const res = await get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect((await get('/api/health', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A client on the Internet cannot claim HTTPS (or another address) for itself.
    expect((await get('/api/health', { 'x-forwarded-proto': 'https' }, '203.0.113.9')).headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the session cookie HttpOnly and SameSite=Lax, and Secure behind HTTPS', async () => {
    const signup = (proto?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: { host: 'localhost:80', origin: proto === 'https' ? 'https://localhost:80' : 'http://localhost:80', ...(proto ? { 'x-forwarded-proto': proto } : {}) },
        payload: { email: `c.${Date.now()}.${Math.random()}@example.org`, password: 'a long enough secret', name: 'Cookie' },
      });
    const plain = (await signup()).cookies.find((c) => c.name === 'tandem_session')!;
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(plain.secure).toBeFalsy();
    const secured = await signup('https');
    expect(secured.statusCode).toBe(201);
    expect(secured.cookies.find((c) => c.name === 'tandem_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: 'localhost:80', origin: 'https://localhost:80', 'x-forwarded-proto': 'https', cookie: `tandem_session=${secured.cookies[0]!.value}` } });
    expect(logout.cookies.find((c) => c.name === 'tandem_session')).toMatchObject({ value: '', secure: true, httpOnly: true });
  });

  it('counts sign-in attempts per real address: a spoofed X-Forwarded-For does not reset the limit', async () => {
    const user = await signUp(app, 'Spoofed');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.7',
        headers: { host: 'localhost:80', origin: 'http://localhost:80', 'x-forwarded-for': `198.51.100.${i}` },
        payload: { email: user.user!.email, password: 'not the password' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('serves uploaded files with their type, nosniff, a Content-Disposition, members only — long names too', async () => {
    const { teacher, course, students } = await courseWithClass(app, 1);
    const name = `Schéma de la photosynthèse — ${'feuille '.repeat(16).trim()}.png`;
    expect(name.length).toBeGreaterThan(140);
    const up = await app.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/uploads?name=${encodeURIComponent(name)}`,
      headers: { host: 'localhost:80', origin: 'http://localhost:80', cookie: teacher.cookie!, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(up.statusCode).toBe(201);
    const url = up.json().upload.url as string;
    const file = await students[0]!.get(url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`inline; filename="Schema de la photosynthese  ${'feuille '.repeat(16).trim()}.png"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(file.headers['cache-control']).toBe('private, max-age=3600');
    expect((await new TestClient(app).get(url)).status).toBe(401);
    expect((await (await signUp(app, 'Outsider')).get(url)).status).toBe(404);
    // Types that can carry script never get in: SVG, HTML, or a PNG that is really HTML.
    const send = (type: string, body: string | Buffer) =>
      app.inject({ method: 'POST', url: `/api/courses/${course.id}/uploads?name=x`, headers: { host: 'localhost:80', origin: 'http://localhost:80', cookie: teacher.cookie!, 'content-type': type }, payload: body });
    expect((await send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).statusCode).toBe(415);
    expect((await send('text/html', '<script>alert(1)</script>')).statusCode).toBe(415);
    expect((await send('image/png', '<html><script>alert(1)</script></html>')).statusCode).toBe(415);
  });

  it('sends exports as attachments that are never sniffed', async () => {
    const { teacher, course } = await courseWithClass(app, 1);
    const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'L' })).body.lesson.id;
    for (const url of [`/api/courses/${course.id}/progress.csv`, `/api/lessons/${lesson}/report.csv`, '/api/me/export']) {
      const res = await teacher.get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-disposition'], url).toMatch(/^attachment; filename="[\w.-]+"$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
