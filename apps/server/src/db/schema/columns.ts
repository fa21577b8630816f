import { timestamp } from 'drizzle-orm/pg-core'

/** A point in time as every hall table stores it: timestamptz, read as a JS Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
