import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { migrateToLatest, openDatabase, type Database } from './db/database.ts';
import { installAuthentication } from './http/authenticate.ts';
import { installCsrfProtection } from './http/csrf.ts';
import { installNulRejection } from './http/reject-nul.ts';
import { serializerCompiler } from './http/response-serializer.ts';
import { contentSecurityDirectives } from './http/content-security.ts';
import { frameworkErrors, installErrorHandling } from './http/error-handler.ts';
import { serveWebApp } from './http/web-app.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCourseRoutes } from './modules/courses/courses.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerLearningRoutes } from './modules/learning.ts';
import { registerLiveModuleRoutes } from './modules/live/live.module.ts';
import { registerReadinessModuleRoutes } from './modules/readiness/readiness.module.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerPasswordResetRoutes } from './modules/auth/password-reset.routes.ts';
import { registerPrivacyRoutes } from './modules/privacy/privacy.routes.ts';
import { attachRealtime } from './realtime/io.ts';
import { createServices, type Services } from './services.ts';

export type BuildOptions = {
  /** Use an already open (and migrated) database instead of opening config.databaseUrl. */
  database?: Database;
  /** Serve the built web app from config.webDistDir (off for API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Run the jobs poller (reminders, end-of-session work); defaults to config.jobsPoller. */
  jobs?: boolean;
};

/** Builds the whole server, used by `tandem serve` and by the tests alike. */
export async function buildApp(config: Config, options: BuildOptions = {}) {
  const database = options.database ?? openDatabase(config.databaseUrl);
  if (!options.database) await migrateToLatest(database);
  const services = createServices(database, config);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // Only a reverse proxy's X-Forwarded-* count (TRUST_PROXY); anyone else's would let them pick their address.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Upload file names (≤ 200 characters, percent-encoded in the URL) must fit in one path segment.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Only the fields a response schema lists leave the server (http/response-serializer.ts).
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } }),
  );

  await app.register(fastifyHelmet, {
    // What it allows and why: src/server/http/content-security.ts.
    contentSecurityPolicy: { directives: contentSecurityDirectives(config) },
    // HSTS is added below only for requests that really arrived over HTTPS.
    hsts: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Draining on SIGTERM: answers still in flight close their connection, so the node exits when
  // they are done instead of when a balancer's idle keep-alive connections time out (about 60 s).
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  await app.register(fastifyCookie);
  // preHandler: limits can key on the parsed body (the email being tried), not just the address.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tandem API', version: '1.0.0', description: 'Blended learning: pre-work, live sessions, post-work.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  installCsrfProtection(app, config.publicUrl);
  installNulRejection(app);
  installAuthentication(app, services.auth);

  registerHealthRoutes(app, services);
  registerAuthRoutes(app, services);
  registerCourseRoutes(app, services);
  registerLearningRoutes(app, services);
  registerLiveModuleRoutes(app, services);
  registerReadinessModuleRoutes(app, services);
  registerPasswordResetRoutes(app, services);
  registerPrivacyRoutes(app, services);
  registerAuditRoutes(app, services);
  // The live room: Socket.IO on the same HTTP server (src/server/realtime/CONTEXT.md).
  const realtime = await attachRealtime(app, {
    redisUrl: config.redisUrl,
    publicUrl: config.publicUrl,
    auth: services.auth,
    rooms: services.liveRooms,
    onEnded: () => void services.jobRunner.runDue().catch((err) => app.log.error({ err }, 'end-of-session jobs failed')),
  });
  if (options.jobs ?? config.jobsPoller) services.jobRunner.start(config.jobsPollMs);
  app.addHook('preClose', async () => {
    await services.jobRunner.stop();
    await realtime.close();
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.serveWeb) await serveWebApp(app, config.webDistDir);

  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  return Object.assign(app, { services: services as Services, io: realtime.io });
}
export type TandemApp = Awaited<ReturnType<typeof buildApp>>;
