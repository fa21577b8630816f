import { maskValue } from '@hall/form-schema'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { users, type dcConnectors } from '../../../db/schema'
import { notFound } from '../../../http/errors'
import { connectorContext } from './parameters'
import { runConnector } from './run'
import { outputPath } from './service'

/**
 * Runs a saved connector for a user of its unit chosen by IT staff and shows each value (masked
 * when sensitive) or why it is missing, so a configuration can be checked before forms use it.
 */
export async function testConnector(db: Db, row: typeof dcConnectors.$inferSelect, username: string, now: Date) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, row.unitId), sql`lower(${users.username}) = ${username.toLowerCase()}`))
  if (!user) throw notFound('用户', username)
  const answer = await runConnector(row.config, row.outputs, await connectorContext(db, user.id, now))
  const values = row.outputs.map((output) => {
    const outcome = answer.ok ? answer.outputs[output.name]! : { error: answer.error }
    const base = { path: outputPath(row.code, output.name), label: output.label, type: output.type }
    if ('error' in outcome) return { ...base, value: null, error: outcome.error }
    if (outcome.value === undefined) return { ...base, value: null, error: '没有找到该用户的数据' }
    return { ...base, value: output.sensitive ? maskValue(output.sensitive, outcome.value) : outcome.value }
  })
  return answer.ok ? { ok: true, values } : { ok: false, error: answer.error, values }
}
