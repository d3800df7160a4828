import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultThrottlePolicy, type ThrottlePolicy } from './infra/login-throttle.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_DIR: z.string().default(`${repoRoot}.data/pg`),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SEED_DEMO: bool.default(true),
  TRUST_PROXY: bool.default(false),
  PROOFS_DIR: z.string().default(`${repoRoot}.data/proofs`),
  /** A fixed "today" (YYYY-MM-DD) for demos, tests and benchmarks; the Paris calendar date otherwise. */
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** smtp(s)://user:password@host:port — absent: e-mails are written to the log. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Suivi des clauses sociales <ne-pas-repondre@suivi-clauses.invalid>'),
  /** Hour (Europe/Paris) of the daily reminders scan; REMINDERS=false turns the scheduler off. */
  REMINDERS_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  REMINDERS: bool.default(true),
  /** The address people open the application at (links in e-mails); http://HOST:PORT by default. */
  PUBLIC_URL: z.string().url().optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  embedded: { dataDir: string; port: number };
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  version: string;
  /** Shared between the SvelteKit server and the API in one process, so the API may trust the browser address it forwards. */
  internalToken: string;
  auth: { sessionTtlHours: number; throttle: ThrottlePolicy };
  /** Where eligibility proofs are stored, outside the database. */
  proofsDir: string;
  fixedToday: string | undefined;
  mail: { smtpUrl: string | undefined; from: string };
  reminders: { enabled: boolean; hour: number };
  publicUrl: string;
}

/** Reads the environment once at boot; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as in `DATABASE_URL= npm start`).
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')} : ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embedded: { dataDir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    version: '0.1.0',
    internalToken: env.INTERNAL_API_TOKEN ?? randomBytes(24).toString('base64url'),
    auth: { sessionTtlHours: e.SESSION_TTL_HOURS, throttle: defaultThrottlePolicy },
    proofsDir: e.PROOFS_DIR,
    fixedToday: e.TODAY,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    reminders: { enabled: e.REMINDERS, hour: e.REMINDERS_HOUR },
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`,
  };
}
