import type { OrgFixture } from '@hall/process-engine'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { absences, departments, postBHolders, posts, roleGrants, userDepartments, users } from '../../db/schema'

/**
 * The unit's organisation as the engine's {@link OrgFixture}, so a test run assigns real people:
 * each user in their primary department with their posts and roles, departments with their
 * heads, posts with A and ordered B holders, and recorded absences.
 */
export async function unitOrgFixture(db: Db, unitId: string): Promise<OrgFixture> {
  const [userRows, deptRows, postRows, grantRows, absenceRows] = await Promise.all([
    db.select({ id: users.id }).from(users).where(eq(users.unitId, unitId)),
    db.select({ id: departments.id, parent: departments.parentId, head: departments.headUserId }).from(departments).where(eq(departments.unitId, unitId)),
    db.select({ id: posts.id, a: posts.aUserId }).from(posts).where(eq(posts.unitId, unitId)),
    db.select({ userId: roleGrants.userId, role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.unitId, unitId)),
    db.select({ user: absences.userId, from: absences.startsAt, to: absences.endsAt }).from(absences).where(eq(absences.unitId, unitId)),
  ])
  const userIds = userRows.map((u) => u.id)
  const postIds = postRows.map((p) => p.id)
  const [memberships, bRows] = await Promise.all([
    userIds.length ? db.select().from(userDepartments).where(inArray(userDepartments.userId, userIds)) : [],
    postIds.length ? db.select().from(postBHolders).where(inArray(postBHolders.postId, postIds)) : [],
  ])
  const primaryDept = new Map<string, string>()
  for (const m of memberships) if (m.isPrimary || !primaryDept.has(m.userId)) primaryDept.set(m.userId, m.deptId)
  const postsOf = new Map<string, string[]>()
  for (const p of postRows) if (p.a) postsOf.set(p.a, [...(postsOf.get(p.a) ?? []), p.id])
  const rolesOf = new Map<string, string[]>()
  for (const g of grantRows) rolesOf.set(g.userId, [...(rolesOf.get(g.userId) ?? []), g.role])

  return {
    users: userRows.map((u) => ({ id: u.id, dept: primaryDept.get(u.id) ?? '', posts: postsOf.get(u.id) ?? [], roles: rolesOf.get(u.id) ?? [] })),
    depts: deptRows,
    posts: postRows
      .filter((p): p is { id: string; a: string } => p.a !== null)
      .map((p) => ({
        id: p.id,
        a: p.a,
        b: bRows.filter((b) => b.postId === p.id).sort((x, y) => x.rank - y.rank).map((b) => b.userId),
      })),
    absent: absenceRows.map((a) => ({ user: a.user, from: new Date(a.from).toISOString(), to: new Date(a.to).toISOString() })),
  }
}
