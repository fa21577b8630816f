import { and, asc, eq, gt, inArray, lt, or } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { absences, postBHolders, posts, users, type ABSENCE_KINDS } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanManage, assertCanRead, assertUnitVisible } from '../access'
import { uncovered, type Interval } from './coverage'

export interface AbsenceInput {
  userId: string
  kind: (typeof ABSENCE_KINDS)[number]
  startsAt: Date
  endsAt: Date
  reason: string | null
}

export async function listAbsences(db: Db, actor: Actor, unitId: string, query: { userId?: string; activeAt?: Date }) {
  assertCanRead(actor, unitId)
  const filters = [eq(absences.unitId, unitId)]
  if (query.userId) filters.push(eq(absences.userId, query.userId))
  if (query.activeAt) filters.push(lt(absences.startsAt, query.activeAt), gt(absences.endsAt, query.activeAt))
  return db.select().from(absences).where(and(...filters)).orderBy(asc(absences.startsAt))
}

/**
 * A and B of a post may not be away at the same time, and a one-person post needs a named
 * substitute (DOMAIN.md §1): refuse an absence that would leave any post of the user with nobody
 * present at some moment, naming the post and that moment.
 */
async function assertPostsStayCovered(db: Db, input: AbsenceInput) {
  const held = await db
    .select({ id: posts.id, name: posts.name, aUserId: posts.aUserId })
    .from(posts)
    .where(or(eq(posts.aUserId, input.userId), inArray(posts.id, db.select({ id: postBHolders.postId }).from(postBHolders).where(eq(postBHolders.userId, input.userId)))))
  if (!held.length) return
  const bRows = await db.select().from(postBHolders).where(inArray(postBHolders.postId, held.map((post) => post.id)))
  for (const post of held) {
    const others = [post.aUserId, ...bRows.filter((row) => row.postId === post.id).map((row) => row.userId)].filter(
      (userId): userId is string => userId !== null && userId !== input.userId,
    )
    const away = others.length
      ? await db
          .select()
          .from(absences)
          .where(and(inArray(absences.userId, others), lt(absences.startsAt, input.endsAt), gt(absences.endsAt, input.startsAt)))
      : []
    const awayByUser = others.map((userId): Interval[] =>
      away.filter((row) => row.userId === userId).map((row) => ({ from: row.startsAt, to: row.endsAt })),
    )
    const gap = uncovered({ from: input.startsAt, to: input.endsAt }, awayByUser)
    if (gap) {
      const why = others.length ? `岗位「${post.name}」的 A、B 岗人员不能同时离岗` : `岗位「${post.name}」只有一人，离岗前须先指定 B 岗（顶岗）人员`
      throw conflict('POST_UNCOVERED', `${why}（${gap.from.toISOString()} 起无人在岗）`, { startsAt: why })
    }
  }
}

export async function createAbsence(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: AbsenceInput) {
  if (input.endsAt <= input.startsAt) throw badInput({ endsAt: '结束时间须晚于开始时间' })
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), eq(users.unitId, unitId)))
  if (!user) throw badInput({ userId: '用户不存在' })
  await assertCanManage(db, actor, unitId)
  await assertPostsStayCovered(db, input)
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(absences).values({ id: newId(), unitId, ...input, createdBy: actor.userId }).returning()
    await audit(tx, { actor, meta }, { action: 'absence.created', objectType: 'absence', objectId: row!.id, unitId, detail: { ...input } })
    return row!
  })
}

export async function deleteAbsence(db: Db, actor: Actor, meta: RequestMeta, id: string) {
  const [row] = await db.select().from(absences).where(eq(absences.id, id))
  if (!row) throw notFound('离岗记录', id)
  assertUnitVisible(actor, row.unitId)
  await assertCanManage(db, actor, row.unitId)
  await db.transaction(async (tx) => {
    await tx.delete(absences).where(eq(absences.id, id))
    await audit(tx, { actor, meta }, { action: 'absence.deleted', objectType: 'absence', objectId: id, unitId: row.unitId, detail: { userId: row.userId } })
  })
}
