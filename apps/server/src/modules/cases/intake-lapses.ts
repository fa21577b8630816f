import type { Engine } from '@hall/process-engine'
import { and, eq, lte } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { caseArrangements, cases } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { audit } from '../audit/record'
import { endAtWindow } from './intake'

const SYSTEM = { meta: { ip: null, userAgent: null } }

/**
 * 容缺受理 lapsed: a promised supply date has passed with the materials still owed, so the
 * application counts as abandoned and is returned (DOMAIN.md §3). The worker runs this on its
 * own clock; each case ends in its own transaction. Returns how many it abandoned.
 */
export async function abandonLapsedTolerations(db: Db, engine: Engine, now: Date): Promise<number> {
  const lapsed = await db
    .select({ arrangement: caseArrangements, row: cases })
    .from(caseArrangements)
    .innerJoin(cases, eq(cases.id, caseArrangements.caseId))
    .where(and(eq(caseArrangements.status, 'pending'), eq(caseArrangements.kind, 'tolerate_missing'), lte(caseArrangements.due, now)))
  for (const { arrangement, row } of lapsed) {
    await inTransaction(db, async (tx) => {
      // The clerk who accepted it stands for the window when the process is ended on its behalf.
      const by = row.acceptedBy ?? arrangement.createdBy
      if (row.status === 'running' || row.status === 'supplement' || row.status === 'completed') {
        await endAtWindow(tx, engine, row, { by, reason: '容缺材料逾期未补交', comment: '逾期未补交容缺材料，视为放弃', outcome: 'abandoned' }, now)
      }
      await tx.update(caseArrangements).set({ status: 'lapsed', resolvedAt: now }).where(eq(caseArrangements.id, arrangement.id))
      await audit(tx, SYSTEM, { action: 'case.abandoned', objectType: 'case', objectId: row.id, unitId: row.unitId, detail: { arrangementId: arrangement.id, promised: arrangement.due?.toISOString() ?? null } })
    })
  }
  return lapsed.length
}
