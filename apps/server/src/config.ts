import { accessSync, constants, statSync } from 'node:fs'
import { z } from 'zod'
import { CHANNEL_NAMES } from './modules/notifications/channel-names'

/**
 * Server configuration, read once from the environment. A wrong value stops start-up with the
 * variable's name and what is expected, so a typo never silently falls back to a default.
 */
const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** A folder that exists and that this process may write, checked at start rather than at the first upload. */
const writableDir = z.string().superRefine((dir, ctx) => {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder')
    accessSync(dir, constants.W_OK)
  } catch {
    ctx.addIssue({ code: 'custom', message: `expected an existing folder this process can write: ${dir}` })
  }
})

const configSchema = z
  .object({
    HALL_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HALL_HOST: z.string().min(1).default('127.0.0.1'),
    HALL_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
    HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HALL_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1024 * 1024).default(1024),
    HALL_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    HALL_COOKIE_SECURE: boolean.default(false),
    HALL_TRUST_PROXY: boolean.default(false),
    HALL_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    HALL_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    HALL_DEMO_SEED: boolean.default(true),
    /** Uploaded files go to this folder (named by id) instead of the database. */
    HALL_FILES_DIR: writableDir.optional(),
    /** How notifications go out besides the row itself: in-app push, log-only email and SMS by default. */
    HALL_NOTIFY_CHANNELS: z
      .string()
      .default(CHANNEL_NAMES.join(','))
      .transform((list) => list.split(',').map((name) => name.trim()).filter(Boolean))
      .pipe(z.array(z.enum(CHANNEL_NAMES, { error: `expected a comma-separated list of ${CHANNEL_NAMES.join(', ')}` }))),
    HALL_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
    // Designed for, not built yet (docs/auth.md): refusing them is better than ignoring them.
    HALL_OIDC_ISSUER: z.undefined({ error: 'OIDC sign-in is designed (docs/auth.md) but not built yet; unset it' }).optional(),
    HALL_CAS_URL: z.undefined({ error: 'CAS sign-in is designed (docs/auth.md) but not built yet; unset it' }).optional(),
  })

export type Config = z.infer<typeof configSchema>

/** Thrown when the environment is wrong; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads and validates the configuration (only `HALL_*` and `DATABASE_URL` matter). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => (key.startsWith('HALL_') || key === 'DATABASE_URL') && value !== ''),
  )
  const parsed = configSchema.safeParse(relevant)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
}
