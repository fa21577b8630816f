import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, postBHolders, posts, roleGrants, units, userDepartments, users } from '../../db/schema'
import { notFound } from '../../http/errors'

/** The signed-in user as the apps show it: unit, departments, posts (A or B holder) and roles. */
export async function describeUser(db: Db, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      unitId: units.id,
      unitName: units.name,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
  if (!user) throw notFound('用户', userId)
  const [memberships, aPosts, bPosts, grants] = await Promise.all([
    db
      .select({ id: departments.id, name: departments.name, isPrimary: userDepartments.isPrimary })
      .from(userDepartments)
      .innerJoin(departments, eq(departments.id, userDepartments.deptId))
      .where(eq(userDepartments.userId, userId))
      .orderBy(asc(departments.sort), asc(departments.name)),
    db.select({ id: posts.id, name: posts.name }).from(posts).where(eq(posts.aUserId, userId)),
    db
      .select({ id: posts.id, name: posts.name })
      .from(postBHolders)
      .innerJoin(posts, eq(posts.id, postBHolders.postId))
      .where(eq(postBHolders.userId, userId)),
    db
      .select({ role: roleGrants.role, unitId: roleGrants.unitId, deptId: roleGrants.deptId })
      .from(roleGrants)
      .where(eq(roleGrants.userId, userId)),
  ])
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unit: { id: user.unitId, name: user.unitName },
    departments: memberships,
    posts: [
      ...aPosts.map((post) => ({ ...post, holder: 'A' as const })),
      ...bPosts.map((post) => ({ ...post, holder: 'B' as const })),
    ],
    roles: grants,
    mustChangePassword: user.mustChangePassword,
  }
}

export type Me = Awaited<ReturnType<typeof describeUser>>
