import { index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { users } from './org'
import { at } from './columns'


/** Server-side sessions. Only a SHA-256 of the cookie token is stored, so a leaked table opens nothing. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/**
 * Failed sign-ins counted per user name as typed, whether or not such a user exists, so that
 * the lockout answer does not reveal which accounts exist.
 */
export const loginFailures = pgTable('login_failures', {
  username: text('username').primaryKey(),
  count: integer('count').notNull().default(0),
  firstAt: at('first_at').notNull(),
  lockedUntil: at('locked_until'),
})
