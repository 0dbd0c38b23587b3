import { z } from 'zod';

/**
 * The one reader of process.env. Everything configurable is parsed and checked here at boot,
 * so a bad value stops the server with a message naming the variable, not a crash later.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/tandem.db')
    .refine((value) => !/^[a-z]+:\/\//i.test(value) || /^postgres(ql)?:\/\//i.test(value), {
      message: 'must be a SQLite file path or a postgres:// URL',
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://tandem.example.org' }).optional(),
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  UPLOADS_DIR: z.string().min(1).default('./data/uploads'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tandem <no-reply@tandem.local>'),
  TANDEM_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  NODE_ENV: z.string().default('development'),
  WEB_DIST_DIR: z.string().default('./dist/web'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  sessionSecret: string | undefined;
  uploadsDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  logLevel: string;
  production: boolean;
  webDistDir: string;
  /** Sign-in attempts allowed per address and email in one window. */
  loginRateLimit: { max: number; windowMs: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET,
    uploadsDir: e.UPLOADS_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo: e.TANDEM_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    webDistDir: e.WEB_DIST_DIR,
    loginRateLimit: { max: 10, windowMs: 60_000 },
  };
}
