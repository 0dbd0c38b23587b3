import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../../ops/dump.ts';
import { testDatabases } from '../../testing/databases.ts';
import { startSmtpCapture, type CapturedMail } from '../../testing/smtp-capture.ts';
import { createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

const PUBLIC = 'https://tandem.school.example';
const tokenIn = (text: string) => /\/reset-password#token=([A-Za-z0-9_-]{43})\b/.exec(text)?.[1];
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe.each(testDatabases())('password reset by emailed link on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
      ctx = await createTestApp(dialect, { smtpUrl: smtp.url, publicUrl: PUBLIC, mailFrom: 'Tandem <no-reply@tandem.test>' });
    });
    afterAll(async () => {
      await ctx?.close();
      await smtp?.close();
    });

    const ask = (email: string, headers: Record<string, string> = {}) => new TestClient(ctx.app).request('POST', '/api/auth/password-reset', { email }, headers);
    const settle = () => ctx.app.services.passwordReset.idle();
    const mailsTo = (email: string): CapturedMail[] => smtp.mails.filter((m) => m.to.includes(email));

    it('emails a one-time link in the account’s language; only the token’s hash is stored; the link expires in an hour', async () => {
      const owner = await signUp(ctx.app, 'Elodie', { locale: 'fr' });
      const email = owner.user!.email;
      const res = await ask(email.toUpperCase());
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ ok: true });
      await settle();
      const [mail] = mailsTo(email);
      expect(mail?.subject).toBe('Réinitialiser votre mot de passe Tandem');
      expect(mail?.text).toContain('Bonjour Elodie');
      const token = tokenIn(mail!.text)!;
      expect(mail!.text).toContain(`${PUBLIC}/reset-password#token=${token}`);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const rows = await ctx.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', owner.user!.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).toBe(sha256(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      const ttl = Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at);
      expect(ttl).toBe(60 * 60 * 1000);
    });

    it('answers an unknown address exactly like a known one, sends nothing and writes nothing', async () => {
      const known = await signUp(ctx.app, 'Known');
      await settle();
      const before = await summarise(ctx.database);
      const sent = smtp.mails.length;
      const unknown = await ask('nobody-here@example.org');
      await settle();
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual({ ok: true });
      expect(smtp.mails.length).toBe(sent);
      expect(await summarise(ctx.database)).toEqual(before);
      const real = await ask(known.user!.email);
      expect([real.status, real.body]).toEqual([unknown.status, unknown.body]);
      expect(Object.keys(real.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    });

    it('builds links from PUBLIC_URL, never from a Host or X-Forwarded-Host header a caller sends', async () => {
      const victim = await signUp(ctx.app, 'Victim');
      const res = await ask(victim.user!.email, { host: 'evil.example', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
      expect(res.status).toBe(202);
      await settle();
      const [mail] = mailsTo(victim.user!.email);
      expect(mail?.text).toContain(`${PUBLIC}/reset-password#token=`);
      expect(mail?.text).not.toContain('evil.example');
    });

    it('sets the new password, signs out every device, clears a lockout, and works once', async () => {
      const phone = await signUp(ctx.app, 'Forgetful');
      const email = phone.user!.email;
      const laptop = new TestClient(ctx.app);
      expect((await laptop.post('/api/auth/login', { email, password: 'correct horse battery' })).status).toBe(200);
      await ctx.database.db.updateTable('users').set({ failed_logins: 7, locked_until: new Date(Date.now() + 3_600_000).toISOString() }).where('email', '=', email).execute();
      await ask(email);
      await settle();
      const token = tokenIn(mailsTo(email)[0]!.text)!;

      const weak = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token, newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.details.map((d: { path: string }) => d.path)).toContain('body.newPassword');

      const done = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token, newPassword: 'a fresh long passphrase' });
      expect(done.status).toBe(200);
      expect((await phone.get('/api/me')).status).toBe(401);
      expect((await laptop.get('/api/me')).status).toBe(401);
      expect((await new TestClient(ctx.app).post('/api/auth/login', { email, password: 'correct horse battery' })).status).toBe(401);
      expect((await new TestClient(ctx.app).post('/api/auth/login', { email, password: 'a fresh long passphrase' })).status).toBe(200);
      await settle();
      expect(mailsTo(email).map((m) => m.subject)).toEqual(['Reset your Tandem password', 'Your Tandem password was changed']);

      const again = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token, newPassword: 'yet another passphrase' });
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe('invalid_reset_token');
      expect((await new TestClient(ctx.app).post('/api/auth/login', { email, password: 'a fresh long passphrase' })).status).toBe(200);
    });

    it('refuses an expired link, an unknown one, and a second link once the first was used', async () => {
      const user = await signUp(ctx.app, 'Expired');
      const email = user.user!.email;
      await ask(email);
      await ask(email);
      await settle();
      const [first, second] = mailsTo(email).map((m) => tokenIn(m.text)!);
      await ctx.database.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', sha256(first!)).execute();
      const expired = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token: first, newPassword: 'a fresh long passphrase' });
      expect([expired.status, expired.body.error.code]).toEqual([400, 'invalid_reset_token']);
      const forged = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token: crypto.randomBytes(32).toString('base64url'), newPassword: 'a fresh long passphrase' });
      expect([forged.status, forged.body.error.code]).toEqual([400, 'invalid_reset_token']);
      const malformed = await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token: 'abc', newPassword: 'a fresh long passphrase' });
      expect([malformed.status, malformed.body.error.code]).toEqual([400, 'validation_failed']);
      // The old password still works: nothing changed.
      expect((await new TestClient(ctx.app).post('/api/auth/login', { email, password: 'correct horse battery' })).status).toBe(200);
      expect((await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token: second, newPassword: 'a fresh long passphrase' })).status).toBe(200);
    });

    it('lets exactly one of two racing confirmations through', async () => {
      const user = await signUp(ctx.app, 'Racer');
      await ask(user.user!.email);
      await settle();
      const token = tokenIn(mailsTo(user.user!.email)[0]!.text)!;
      const results = await Promise.all(['first racing passphrase', 'second racing passphrase'].map((newPassword) => new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token, newPassword })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    });

    it('sends at most three links an hour to one account and rate-limits asking', async () => {
      const user = await signUp(ctx.app, 'Bombed');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(user.user!.email)).status);
      await settle();
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      expect(mailsTo(user.user!.email)).toHaveLength(3);
    });
  });
});

describe.each(testDatabases())('password reset without SMTP on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('keeps the email in the outbox, in English for an English account', async () => {
      const user = await signUp(ctx.app, 'Outbox');
      expect((await new TestClient(ctx.app).post('/api/auth/password-reset', { email: user.user!.email })).status).toBe(202);
      await ctx.app.services.passwordReset.idle();
      const kept = await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', user.user!.email).execute();
      expect(kept.map((m) => m.subject)).toEqual(['Reset your Tandem password']);
      const token = tokenIn(kept[0]!.text)!;
      expect(kept[0]!.text).toContain(`http://localhost:${ctx.config.port}/reset-password#token=${token}`);
      expect((await new TestClient(ctx.app).post('/api/auth/password-reset/confirm', { token, newPassword: 'a fresh long passphrase' })).status).toBe(200);
    });
  });
});
