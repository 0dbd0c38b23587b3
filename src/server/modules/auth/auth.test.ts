import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';
import { testDatabases } from '../../testing/databases.ts';

describe.each(testDatabases())('accounts on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect, { loginRateLimit: { max: 3, windowMs: 60_000 } });
    });
    afterAll(async () => ctx?.close());

    it('signs up with locale and time zone, sets an HttpOnly SameSite cookie, and answers /api/me', async () => {
      const client = new TestClient(ctx.app);
      const res = await client.post('/api/auth/signup', {
        email: '  Ada@Example.org ',
        password: 'a long enough secret',
        name: 'Ada',
        locale: 'fr',
        timeZone: 'America/Montreal',
      });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email: 'ada@example.org', name: 'Ada', locale: 'fr', timeZone: 'America/Montreal' });
      const cookie = res.raw.cookies.find((c) => c.name === 'tandem_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      const me = await client.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(res.body.user.id);
    });

    it('stores an argon2id hash, never the password', async () => {
      const client = await signUp(ctx.app, 'Hash');
      const row = await ctx.database.db.selectFrom('users').select('password_hash').where('id', '=', client.user!.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain('correct horse');
    });

    it('refuses a duplicate email with 409 and creates nothing', async () => {
      const first = new TestClient(ctx.app);
      await first.post('/api/auth/signup', { email: 'dup@example.org', password: 'a long enough secret', name: 'One' });
      const before = await ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const res = await new TestClient(ctx.app).post('/api/auth/signup', { email: 'DUP@example.org', password: 'another long secret', name: 'Two' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('email_taken');
      const after = await ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('answers 400 with the field at fault for bad sign-up input', async () => {
      const res = await new TestClient(ctx.app).post('/api/auth/signup', { email: 'not-an-email', password: 'short', name: '', timeZone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.name', 'body.timeZone']));
    });

    it('answers 400 for malformed JSON and 415 for a wrong content type, in the error shape', async () => {
      const client = new TestClient(ctx.app);
      const bad = await client.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_json');
      const wrong = await client.request('POST', '/api/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(wrong.status).toBe(415);
      expect(wrong.body.error.code).toBe('unsupported_media_type');
    });

    it('logs in and out; the old cookie no longer works after logout', async () => {
      const client = new TestClient(ctx.app);
      await client.post('/api/auth/signup', { email: 'inout@example.org', password: 'a long enough secret', name: 'In Out' });
      const login = new TestClient(ctx.app);
      expect((await login.post('/api/auth/login', { email: 'inout@example.org', password: 'a long enough secret' })).status).toBe(200);
      const cookie = login.cookie;
      expect((await login.post('/api/auth/logout')).status).toBe(200);
      const stale = new TestClient(ctx.app);
      stale.cookie = cookie;
      expect((await stale.get('/api/me')).status).toBe(401);
    });

    it('answers 401 to a wrong password and rate-limits repeated attempts', async () => {
      await signUp(ctx.app, 'Target');
      const client = new TestClient(ctx.app);
      await client.post('/api/auth/signup', { email: 'limited@example.org', password: 'a long enough secret', name: 'Limited' });
      const attempt = () => new TestClient(ctx.app).post('/api/auth/login', { email: 'limited@example.org', password: 'wrong password' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[3]).toBe(429);
      const limited = await attempt();
      expect(limited.body.error.code).toBe('rate_limited');
    });

    it('updates name, locale and time zone, and rejects an unknown zone without changing anything', async () => {
      const client = await signUp(ctx.app, 'Settings');
      const ok = await client.patch('/api/me', { locale: 'fr', timeZone: 'Asia/Tokyo', name: 'Réglages' });
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({ locale: 'fr', timeZone: 'Asia/Tokyo', name: 'Réglages' });
      const bad = await client.patch('/api/me', { timeZone: 'Nowhere/Land', name: 'Changed' });
      expect(bad.status).toBe(400);
      expect((await client.get('/api/me')).body.user).toMatchObject({ timeZone: 'Asia/Tokyo', name: 'Réglages' });
    });

    it('refuses cross-site writes that carry the session cookie', async () => {
      const client = await signUp(ctx.app, 'Csrf');
      const foreign = await client.request('POST', '/api/courses', { title: 'Phishing' }, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('csrf_rejected');
      const missing = await ctx.app.inject({ method: 'POST', url: '/api/courses', headers: { cookie: client.cookie!, host: 'localhost:80' }, payload: { title: 'No origin' } });
      expect(missing.statusCode).toBe(403);
      const viaReferer = await client.request('POST', '/api/courses', { title: 'Referer ok' }, { origin: '', referer: `${ORIGIN}/courses` });
      expect(viaReferer.status).toBe(201);
      const list = await client.get('/api/courses');
      expect(list.body.courses.map((c: { title: string }) => c.title)).toEqual(['Referer ok']);
    });
  });
});

describe.each(testDatabases())('account safety on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect, { loginRateLimit: { max: 100, windowMs: 60_000 } });
    });
    afterAll(async () => ctx?.close());

    it('locks an account after five failures in a row, even for the right password, and unlocks later', async () => {
      const owner = await signUp(ctx.app, 'Locked');
      const email = owner.user!.email;
      const attempt = (password: string) => new TestClient(ctx.app).post('/api/auth/login', { email, password });
      for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).status).toBe(401);
      const locked = await attempt('correct horse battery');
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('account_locked');
      // Time passes: move the lock into the past, as a minute would.
      await ctx.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('email', '=', email).execute();
      expect((await attempt('correct horse battery')).status).toBe(200);
      const row = await ctx.database.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();
      expect(Number(row.failed_logins)).toBe(0);
      expect(row.locked_until).toBeNull();
    });

    it('changes the password, ending other sessions but keeping this one', async () => {
      const phone = await signUp(ctx.app, 'Changer');
      const laptop = new TestClient(ctx.app);
      await laptop.post('/api/auth/login', { email: phone.user!.email, password: 'correct horse battery' });
      const wrong = await phone.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a brand new passphrase' });
      expect(wrong.status).toBe(400);
      expect((await laptop.get('/api/me')).status).toBe(200);
      const ok = await phone.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' });
      expect(ok.status).toBe(200);
      expect((await phone.get('/api/me')).status).toBe(200);
      expect((await laptop.get('/api/me')).status).toBe(401);
      const fresh = await new TestClient(ctx.app).post('/api/auth/login', { email: phone.user!.email, password: 'a brand new passphrase' });
      expect(fresh.status).toBe(200);
    });

    it('signs out everywhere', async () => {
      const a = await signUp(ctx.app, 'Everywhere');
      const b = new TestClient(ctx.app);
      await b.post('/api/auth/login', { email: a.user!.email, password: 'correct horse battery' });
      expect((await a.post('/api/auth/logout-everywhere')).status).toBe(200);
      expect((await a.get('/api/me')).status).toBe(401);
      expect((await b.get('/api/me')).status).toBe(401);
    });
  });
});
