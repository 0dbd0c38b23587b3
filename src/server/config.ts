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
  /** Live sessions: students may enter the room this many minutes before the start. */
  LIVE_ROOM_OPENS_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(10),
  /** Reminders before a live session, in minutes before its start, comma-separated. */
  LIVE_REMINDER_MINUTES: z
    .string()
    .default('1440,60')
    .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean).map(Number))
    .refine((list) => list.every((n) => Number.isInteger(n) && n > 0 && n <= 30 * 24 * 60), { message: 'must be whole minutes, e.g. 1440,60' }),
  /** Run the background jobs poller (reminders, end-of-session work) in this process. */
  JOBS_POLLER: z.enum(['0', '1']).default('1'),
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Where breakout-group video rooms are made when the session has no Jitsi room of its own. */
  JITSI_BASE_URL: z.url().default('https://meet.jit.si'),
  /**
   * Which peers may set X-Forwarded-For/-Proto (a reverse proxy): "true", "false", or addresses,
   * CIDRs and the names loopback, linklocal, uniquelocal. Trusting everyone would let any client
   * pick the address the rate limits count.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback,linklocal,uniquelocal')
    .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v))
    .refine((v) => typeof v === 'boolean' || /^[\w.:/, -]+$/.test(v), { message: 'must be true, false, or a list of addresses, CIDRs and loopback/linklocal/uniquelocal' }),
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
  liveRoomOpensMinutes: number;
  liveReminderMinutes: number[];
  jobsPoller: boolean;
  jobsPollMs: number;
  jitsiBaseUrl: string;
  /** Fastify's trustProxy: which peers' X-Forwarded-* headers count. */
  trustProxy: boolean | string;
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
    liveRoomOpensMinutes: e.LIVE_ROOM_OPENS_MINUTES,
    liveReminderMinutes: e.LIVE_REMINDER_MINUTES,
    jobsPoller: e.JOBS_POLLER === '1',
    jobsPollMs: e.JOBS_POLL_MS,
    jitsiBaseUrl: e.JITSI_BASE_URL.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: { max: 10, windowMs: 60_000 },
  };
}
