import { PasswordResetConfirmBody, PasswordResetRequestBody, Accepted } from '../../../shared/schemas/privacy.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { PasswordResetService } from './password-reset.service.ts';

export function registerPasswordResetRoutes(app: App, deps: { passwordReset: PasswordResetService }): void {
  const { passwordReset } = deps;
  const tags = ['auth'];
  // Requests are handled after the answer (so timing says nothing); finish them before closing.
  app.addHook('onClose', async () => passwordReset.idle());

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        description: 'Anyone. Emails a one-time link (valid 1 hour) when the address has an account. Always 202: the answer never tells whether it does.',
        body: PasswordResetRequestBody,
        response: { 202: Accepted, ...errors(400, 429) },
      },
      // Per address and email: stops mail-bombing one inbox; the service also caps links per account.
      config: {
        rateLimit: {
          max: 5,
          timeWindow: 15 * 60_000,
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            return `reset|${request.ip}|${typeof body?.email === 'string' ? body.email.trim().toLowerCase() : ''}`;
          },
        },
      },
    },
    async (request, reply) => {
      passwordReset.request(request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        description: 'Anyone holding a reset link. Sets the new password and signs the account out everywhere; the link then stops working.',
        body: PasswordResetConfirmBody,
        response: { 200: Accepted, ...errors(400, 429) },
      },
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    },
    async (request) => {
      await passwordReset.confirm(request.body.token, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
