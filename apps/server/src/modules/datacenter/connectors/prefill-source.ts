import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcConnectors } from '../../../db/schema'
import { connectorContext, type ConnectorContext } from './parameters'
import { runConnector, type ConnectorAnswer } from './run'
import { outputPath } from './service'

/** The `dc:` paths served by connectors start with this. */
export const EXTERNAL_PREFIX = 'ext.'

/**
 * The connectors of the signed-in user's unit as a pre-fill source for that user only: each
 * connector runs at most once per request, whatever number of fields read it. A failed run is
 * thrown per field with its reason, so the form shows "could not pre-fill X: reason".
 */
export function connectorSource(db: Db, user: { userId: string; unitId: string }, now: Date) {
  let loaded: Promise<[(typeof dcConnectors.$inferSelect)[], ConnectorContext]> | undefined
  const runs = new Map<string, Promise<ConnectorAnswer>>()
  const load = () =>
    (loaded ??= Promise.all([
      db.select().from(dcConnectors).where(and(eq(dcConnectors.unitId, user.unitId), eq(dcConnectors.enabled, true))).orderBy(asc(dcConnectors.code)),
      connectorContext(db, user.userId, now),
    ]))
  const run = async (row: (typeof dcConnectors.$inferSelect)) => {
    const [, context] = await load()
    if (!runs.has(row.code)) runs.set(row.code, runConnector(row.config, row.outputs, context))
    return runs.get(row.code)!
  }

  return {
    /** Resolves `ext.<code>.<name>` (the part after `dc:`). */
    async resolve(path: string): Promise<unknown> {
      const [code = '', ...rest] = path.slice(EXTERNAL_PREFIX.length).split('.')
      const [rows] = await load()
      const row = rows.find((r) => r.code === code)
      const output = row?.outputs.find((o) => o.name === rest.join('.'))
      if (!row || !output) throw new Error(`数据中心没有提供 dc:${path}`)
      const answer = await run(row)
      if (!answer.ok) throw new Error(`${row.name}：${answer.error}`)
      const outcome = answer.outputs[output.name]!
      if ('error' in outcome) throw new Error(`${row.name}：${outcome.error}`)
      return outcome.value
    },

    /** Catalog entries with the caller's own values as samples (sensitive ones withheld). */
    async catalog() {
      const [rows] = await load()
      return Promise.all(
        rows.flatMap((row) =>
          row.outputs.map(async (output) => {
            const answer = await run(row)
            const outcome = answer.ok ? answer.outputs[output.name]! : { error: answer.error }
            const entry = { path: outputPath(row.code, output.name), label: output.label, type: output.type, source: row.name, ...(output.sensitive ? { sensitive: output.sensitive } : {}) }
            if ('error' in outcome) return { ...entry, sample: null, error: outcome.error }
            return { ...entry, sample: output.sensitive ? null : (outcome.value ?? null) }
          }),
        ),
      )
    },

    /** The label of every path the connectors offer, for messages to the applicant. */
    async labels(): Promise<Map<string, string>> {
      const [rows] = await load()
      return new Map(rows.flatMap((row) => row.outputs.map((o) => [outputPath(row.code, o.name), o.label] as const)))
    },

    /** Which connectors this request ran and how each went, for the audit trail. */
    async ran(): Promise<Record<string, string>> {
      const done = await Promise.all(
        [...runs].map(async ([code, pending]) => {
          const answer = await pending
          return [code, answer.ok ? 'ok' : answer.error] as const
        }),
      )
      return Object.fromEntries(done)
    },
  }
}
