import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { dcCodes, posts, roleGrants, users } from '../../db/schema'
import { CATALOG } from '../datacenter/person-record'
import type { PublishContext } from './publish-checks'

const pathsOf = (scheme: string) => CATALOG.filter((entry) => entry.path.startsWith(`${scheme}:`)).map((entry) => entry.path.slice(scheme.length + 1))

/** What an item may bind to in the data center: its catalog of paths, plus the code tables at hand. */
export function catalogWith(dictionaries: string[]): PublishContext['catalog'] {
  return { dataCenterPaths: pathsOf('dc'), userAttributes: pathsOf('user'), dictionaries }
}

/** What a unit offers for an item to bind to: its people, roles held, posts, code tables and the data-center catalog. */
export async function loadPublishContext(db: Db, unitId: string, itemCode: string): Promise<PublishContext> {
  const [people, roles, postRows, tables] = await Promise.all([
    db.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.status, 'active'))),
    db
      .selectDistinct({ role: roleGrants.role })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.unitId, unitId), eq(users.status, 'active'))),
    db.select({ code: posts.code }).from(posts).where(eq(posts.unitId, unitId)),
    db.selectDistinct({ table: dcCodes.tableCode }).from(dcCodes).where(eq(dcCodes.unitId, unitId)),
  ])
  return {
    itemCode,
    catalog: catalogWith(tables.map((row) => row.table)),
    org: {
      userIds: new Set(people.map((row) => row.id)),
      heldRoles: new Set(roles.map((row) => row.role)),
      postCodes: new Set(postRows.map((row) => row.code)),
    },
  }
}
