import { and, asc, eq, ne } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { dcConnectors } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanManage, assertUnitVisible } from '../../org/access'
import type { ConnectorInput } from './schemas'
import { hasMask, keepSecrets, maskConfig } from './secrets'

type ConnectorRow = typeof dcConnectors.$inferSelect

/** The pre-fill path a connector output is offered under. */
export const outputPath = (code: string, name: string) => `dc:ext.${code}.${name}`

/** A connector as the client sees it: secrets masked, each output with its pre-fill path. */
export function toView(row: ConnectorRow) {
  return {
    id: row.id,
    unitId: row.unitId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    config: maskConfig(row.config) as unknown as Record<string, unknown>,
    outputs: row.outputs.map((output) => ({ ...output, path: outputPath(row.code, output.name) })),
    enabled: row.enabled,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function listConnectors(db: Db, unitId: string) {
  return db.select().from(dcConnectors).where(eq(dcConnectors.unitId, unitId)).orderBy(asc(dcConnectors.code))
}

/** A connector the actor may manage; another unit's is 404, a member without the role 403. */
export async function manageableConnector(db: Db, actor: Actor, id: string): Promise<ConnectorRow> {
  const [row] = await db.select().from(dcConnectors).where(eq(dcConnectors.id, id))
  if (!row) throw notFound('连接器', id)
  try {
    assertUnitVisible(actor, row.unitId)
  } catch {
    throw notFound('连接器', id)
  }
  await assertCanManage(db, actor, row.unitId)
  return row
}

interface Origin {
  actor: Actor
  meta: RequestMeta
}

/** Creates (no `stored`) or replaces a connector; secrets sent back masked keep their stored value. */
export async function saveConnector(db: Db, origin: Origin, unitId: string, input: ConnectorInput, stored?: ConnectorRow): Promise<ConnectorRow> {
  const config = keepSecrets(input.config, stored?.config)
  if (hasMask(config)) throw badInput({ config: '请填写密码或密钥（没有可沿用的已保存值）' })
  return db.transaction(async (tx) => {
    const clash = await tx
      .select({ id: dcConnectors.id })
      .from(dcConnectors)
      .where(and(eq(dcConnectors.unitId, unitId), eq(dcConnectors.code, input.code), stored ? ne(dcConnectors.id, stored.id) : undefined))
    if (clash.length) throw conflict('CONNECTOR_CODE_TAKEN', `连接器编码已存在：${input.code}`, { code: '编码已被使用' })
    const fields = { code: input.code, name: input.name, kind: config.kind, config, outputs: input.outputs, enabled: input.enabled }
    const [row] = stored
      ? await tx.update(dcConnectors).set({ ...fields, updatedAt: new Date() }).where(eq(dcConnectors.id, stored.id)).returning()
      : await tx.insert(dcConnectors).values({ id: newId(), unitId, ...fields }).returning()
    // The detail names what changed, never the URL or headers (they may hold secrets).
    await audit(tx, origin, {
      action: stored ? 'datacenter.connector_updated' : 'datacenter.connector_created',
      objectType: 'connector',
      objectId: row!.id,
      unitId,
      detail: { code: input.code, kind: config.kind, outputs: input.outputs.map((o) => o.name) },
    })
    return row!
  })
}

export async function deleteConnector(db: Db, origin: Origin, row: ConnectorRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(dcConnectors).where(eq(dcConnectors.id, row.id))
    await audit(tx, origin, { action: 'datacenter.connector_deleted', objectType: 'connector', objectId: row.id, unitId: row.unitId, detail: { code: row.code } })
  })
}
