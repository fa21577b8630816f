import type { AssignmentContext, AssignmentResolver, OrgSpec } from '@hall/process-engine'
import { and, eq, gt, inArray, lte } from 'drizzle-orm'
import type { Db } from '../db/client'
import { absences, departments, postBHolders, posts, roleGrants, userDepartments, users, ROLES, type Role } from '../db/schema'
import { currentDb } from './drizzle-store'

/** `unitAdmin` (the engine's default fallback) and `unit_admin` name the same role. */
export const roleName = (id: string) => id.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`) as Role

/**
 * Resolves `hall:assignee` organisation terms against the org tables, in the unit of the
 * instance's initiator: `role:<role>` (everyone granted it), `post:<code>` (the A holder, else the
 * first present B holder — AB岗), `deptHead:<n>` (the head of the initiator's primary department,
 * n levels up). Posts are named by code so that templates carry across units.
 */
export function createOrgResolver(db: Db): AssignmentResolver {
  return {
    async resolve(spec: OrgSpec, context: AssignmentContext): Promise<string[]> {
      const tx = await currentDb(db)
      const [initiator] = await tx.select({ unitId: users.unitId }).from(users).where(eq(users.id, context.initiator))
      if (!initiator) return []
      switch (spec.kind) {
        case 'role': {
          const role = roleName(spec.id)
          if (!ROLES.includes(role)) return []
          const rows = await tx
            .selectDistinct({ userId: roleGrants.userId })
            .from(roleGrants)
            .innerJoin(users, eq(users.id, roleGrants.userId))
            .where(and(eq(roleGrants.unitId, initiator.unitId), eq(roleGrants.role, role), eq(users.status, 'active')))
          return rows.map((row) => row.userId).sort()
        }
        case 'post':
          return postHolder(tx, initiator.unitId, spec.id, context.at)
        case 'deptHead':
          return deptHead(tx, context.initiator, spec.levels)
      }
    },
  }
}

async function postHolder(tx: Db, unitId: string, code: string, at: Date): Promise<string[]> {
  const [post] = await tx.select({ id: posts.id, a: posts.aUserId }).from(posts).where(and(eq(posts.unitId, unitId), eq(posts.code, code)))
  if (!post) return []
  const bs = await tx.select({ userId: postBHolders.userId }).from(postBHolders).where(eq(postBHolders.postId, post.id)).orderBy(postBHolders.rank)
  const order = [...(post.a ? [post.a] : []), ...bs.map((row) => row.userId)]
  if (!order.length) return []
  const away = await tx
    .select({ userId: absences.userId })
    .from(absences)
    .where(and(inArray(absences.userId, order), lte(absences.startsAt, at), gt(absences.endsAt, at)))
  const absent = new Set(away.map((row) => row.userId))
  const present = order.find((userId) => !absent.has(userId))
  return present ? [present] : []
}

async function deptHead(tx: Db, userId: string, levels: number): Promise<string[]> {
  const [primary] = await tx
    .select({ deptId: userDepartments.deptId })
    .from(userDepartments)
    .where(and(eq(userDepartments.userId, userId), eq(userDepartments.isPrimary, true)))
  let deptId: string | null = primary?.deptId ?? null
  for (let level = 1; deptId; level++) {
    const [dept] = await tx.select({ parentId: departments.parentId, head: departments.headUserId }).from(departments).where(eq(departments.id, deptId))
    if (!dept) return []
    if (level === levels) return dept.head ? [dept.head] : []
    deptId = dept.parentId
  }
  return []
}
