/**
 * 窗口代办登记: who is applying at the counter. The clerk asks for a resident ID number, a mobile
 * number or (where the unit keeps a data center) a student/staff number, and the hall answers the
 * matching active accounts of the unit, masked, for the clerk to confirm with the person in front.
 */
import { maskValue } from '@hall/form-schema'
import { and, eq, inArray, or, type SQL } from 'drizzle-orm'
import { dcPeople, items, users } from '../../db/schema'
import { forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { holdsRole } from '../org/access'
import type { Caller } from './service'

/** What the clerk identifies the applicant by; exactly one is given. */
export interface DeskIdentity {
  idNumber?: string | undefined
  phone?: string | undefined
  personNo?: string | undefined
}

export interface DeskApplicant {
  id: string
  name: string
  /** Masked (139****1001): the person confirms it, the clerk need not read it. */
  phone: string | null
  idNumber: string | null
  /** The data center's 学号/工号 when the unit keeps one for the person. */
  personNo: string | null
}

/** At most this many matches: a phone may be shared in a family, never by a crowd. */
const MATCH_LIMIT = 10

/**
 * The active accounts of the item's unit that match the identity, by account fields or by the
 * data center's person record linked to an account. Only staff of the item's window may ask
 * (another unit's item: 404); every lookup of personal data is audited.
 */
export async function findDeskApplicants({ deps, actor, meta }: Caller, itemId: string, identity: DeskIdentity): Promise<DeskApplicant[]> {
  const { db } = deps.database
  const [item] = await db.select({ unitId: items.unitId, deptId: items.deptId }).from(items).where(and(eq(items.id, itemId), eq(items.unitId, actor.unitId)))
  if (!item) throw notFound('事项', itemId)
  if (!(await holdsRole(db, actor, ['window_staff'], item.unitId, item.deptId))) throw forbidden('只有该事项受理窗口的工作人员可以代为登记')

  const idNumber = identity.idNumber?.toUpperCase()
  const byAccount: SQL[] = []
  const byPerson: SQL[] = []
  if (idNumber) {
    byAccount.push(eq(users.idNumber, idNumber))
    byPerson.push(eq(dcPeople.idNumber, idNumber))
  }
  if (identity.phone) {
    byAccount.push(eq(users.phone, identity.phone))
    byPerson.push(eq(dcPeople.phone, identity.phone))
  }
  if (identity.personNo) byPerson.push(eq(dcPeople.personNo, identity.personNo))
  const linked = db.select({ id: dcPeople.userId }).from(dcPeople).where(and(eq(dcPeople.unitId, item.unitId), or(...byPerson)))
  const rows = await db
    .select({ id: users.id, name: users.displayName, phone: users.phone, idNumber: users.idNumber, personNo: dcPeople.personNo })
    .from(users)
    .leftJoin(dcPeople, and(eq(dcPeople.userId, users.id), eq(dcPeople.unitId, item.unitId)))
    .where(and(eq(users.unitId, item.unitId), eq(users.status, 'active'), or(...byAccount, inArray(users.id, linked))))
    .orderBy(users.displayName, users.id)
    .limit(MATCH_LIMIT)
  await audit(db, { actor, meta }, { action: 'case.desk_applicant_looked_up', objectType: 'item', objectId: itemId, detail: { by: Object.keys(identity).filter((key) => identity[key as keyof DeskIdentity]), matches: rows.length } })
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    phone: row.phone ? String(maskValue('phone', row.phone)) : null,
    idNumber: row.idNumber ? String(maskValue('idCard', row.idNumber)) : null,
    personNo: row.personNo,
  }))
}
