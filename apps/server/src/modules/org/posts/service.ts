import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { absences, departments, postBHolders, posts, users } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanManage, assertCanRead, assertUnitVisible } from '../access'

export interface PostInput {
  code: string
  name: string
  deptId: string
  aUserId: string | null
  /** B holders in order: the first present one stands in for A. */
  bUserIds: string[]
}

async function holdersOf(db: Db, postIds: string[]) {
  const byPost = new Map<string, string[]>()
  if (!postIds.length) return byPost
  const rows = await db.select().from(postBHolders).where(inArray(postBHolders.postId, postIds)).orderBy(asc(postBHolders.rank))
  for (const row of rows) byPost.set(row.postId, [...(byPost.get(row.postId) ?? []), row.userId])
  return byPost
}

export async function listPosts(db: Db, actor: Actor, unitId: string) {
  assertCanRead(actor, unitId)
  const rows = await db.select().from(posts).where(eq(posts.unitId, unitId)).orderBy(asc(posts.code))
  const holders = await holdersOf(db, rows.map((row) => row.id))
  return rows.map((row) => ({ ...row, bUserIds: holders.get(row.id) ?? [] }))
}

async function loadPost(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(posts).where(eq(posts.id, id))
  if (!row) throw notFound('岗位', id)
  assertUnitVisible(actor, row.unitId)
  return row
}

async function checkPost(db: Db, unitId: string, input: Partial<PostInput>) {
  if (input.deptId) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, input.deptId), eq(departments.unitId, unitId)))
    if (!dept) throw badInput({ deptId: '部门不存在' })
  }
  const holders = [...(input.aUserId ? [input.aUserId] : []), ...(input.bUserIds ?? [])]
  if (new Set(holders).size !== holders.length) throw badInput({ bUserIds: 'A 岗和 B 岗不能是同一人，B 岗也不能重复' })
  if (holders.length) {
    const found = await db.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), inArray(users.id, holders)))
    const missing = holders.filter((id) => !found.some((row) => row.id === id))
    if (missing.length) throw badInput({ [input.aUserId && missing.includes(input.aUserId) ? 'aUserId' : 'bUserIds']: `用户不存在：${missing.join('，')}` })
  }
}

async function writeBHolders(db: Db, postId: string, bUserIds: string[]) {
  await db.delete(postBHolders).where(eq(postBHolders.postId, postId))
  if (bUserIds.length) await db.insert(postBHolders).values(bUserIds.map((userId, rank) => ({ postId, userId, rank })))
}

export async function createPost(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: PostInput) {
  await assertCanManage(db, actor, unitId, input.deptId)
  await checkPost(db, unitId, input)
  const [clash] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.unitId, unitId), eq(posts.code, input.code)))
  if (clash) throw conflict('DUPLICATE_CODE', `岗位编码已存在：${input.code}`, { code: '编码已存在' })
  return db.transaction(async (tx) => {
    const { bUserIds, ...fields } = input
    const [row] = await tx.insert(posts).values({ id: newId(), unitId, ...fields }).returning()
    await writeBHolders(tx, row!.id, bUserIds)
    await audit(tx, { actor, meta }, { action: 'post.created', objectType: 'post', objectId: row!.id, unitId, detail: { ...input } })
    return { ...row!, bUserIds }
  })
}

export async function updatePost(db: Db, actor: Actor, meta: RequestMeta, id: string, patch: Partial<Omit<PostInput, 'code'>>) {
  const current = await loadPost(db, actor, id)
  await assertCanManage(db, actor, current.unitId, current.deptId)
  if (patch.deptId) await assertCanManage(db, actor, current.unitId, patch.deptId)
  const currentB = (await holdersOf(db, [id])).get(id) ?? []
  await checkPost(db, current.unitId, {
    ...patch,
    aUserId: patch.aUserId !== undefined ? patch.aUserId : current.aUserId,
    bUserIds: patch.bUserIds ?? currentB,
  })
  return db.transaction(async (tx) => {
    const { bUserIds, ...fields } = patch
    const [row] = Object.keys(fields).length
      ? await tx.update(posts).set(fields).where(eq(posts.id, id)).returning()
      : [current]
    if (bUserIds) await writeBHolders(tx, id, bUserIds)
    await audit(tx, { actor, meta }, { action: 'post.updated', objectType: 'post', objectId: id, unitId: current.unitId, detail: { ...patch } })
    return { ...row!, bUserIds: bUserIds ?? currentB }
  })
}

/**
 * Who does a post's work at `at` (AB岗): the A holder when present, else the first present B holder
 * in order. `null` when nobody is present, so the caller can apply its fallback rule instead of
 * assigning work to someone who is away.
 */
export async function resolvePostHolder(db: Db, actor: Actor, id: string, at: Date) {
  const post = await loadPost(db, actor, id)
  assertCanRead(actor, post.unitId)
  const order = [...(post.aUserId ? [post.aUserId] : []), ...((await holdersOf(db, [id])).get(id) ?? [])]
  const away = order.length
    ? await db
        .select({ userId: absences.userId })
        .from(absences)
        .where(and(inArray(absences.userId, order), lte(absences.startsAt, at), gt(absences.endsAt, at)))
    : []
  const absent = new Set(away.map((row) => row.userId))
  const holder = order.find((userId) => !absent.has(userId)) ?? null
  return { postId: id, at, userId: holder, role: holder === null ? null : holder === post.aUserId ? ('A' as const) : ('B' as const), absent: [...absent] }
}
