import { ChangePasswordBody, LoginBody, SignupBody, UpdateMeBody, UserEnvelope } from '../../../shared/schemas/auth.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session-cookie.ts';
import type { App } from '../../http/types.ts';
import type { Config } from '../../config.ts';
import { presentUser } from '../users/user.presenter.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AuthService } from './auth.service.ts';

export function registerAuthRoutes(app: App, deps: { auth: AuthService; users: UsersService; config: Config }): void {
  const { auth, users, config } = deps;

  app.post(
    '/api/auth/signup',
    { schema: { tags: ['auth'], body: SignupBody, response: { 201: UserEnvelope, ...errors(400, 409) } } },
    async (request, reply) => {
      const { user, token, expiresAt } = await auth.signUp(request.body);
      setSessionCookie(request, reply, token, expiresAt);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginBody, response: { 200: UserEnvelope, ...errors(400, 401, 429) } },
      config: {
        rateLimit: {
          max: config.loginRateLimit.max,
          timeWindow: config.loginRateLimit.windowMs,
          // Per address and account: one noisy classroom NAT does not lock everyone out.
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
            return `${request.ip}|${email}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { user, token, expiresAt } = await auth.logIn(request.body.email, request.body.password);
      setSessionCookie(request, reply, token, expiresAt);
      return { user: presentUser(user) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await auth.logOut(token);
    clearSessionCookie(request, reply);
    return { ok: true as const };
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: UserEnvelope, ...errors(400, 401) } } },
    async (request, reply) => {
      const me = requireUser(request);
      const { user, token, expiresAt } = await auth.changePassword(me.id, request.body.currentPassword, request.body.newPassword);
      setSessionCookie(request, reply, token, expiresAt);
      return { user: presentUser(user) };
    },
  );

  app.post('/api/auth/logout-everywhere', { schema: { tags: ['auth'], response: { 200: Ok, ...errors(401) } } }, async (request, reply) => {
    await auth.logOutEverywhere(requireUser(request).id);
    clearSessionCookie(request, reply);
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['account'], response: { 200: UserEnvelope, ...errors(401) } } }, async (request) => {
    return { user: presentUser(requireUser(request)) };
  });

  app.patch(
    '/api/me',
    { schema: { tags: ['account'], body: UpdateMeBody, response: { 200: UserEnvelope, ...errors(400, 401) } } },
    async (request) => {
      const user = await users.updateProfile(requireUser(request).id, request.body);
      return { user: presentUser(user) };
    },
  );
}
