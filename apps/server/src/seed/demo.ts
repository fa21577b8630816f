import type { Db } from '../db/client'
import { newId } from '../db/ids'
import {
  absences,
  dcCodes,
  dcCourses,
  dcEnrolments,
  dcPeople,
  departments,
  postBHolders,
  posts,
  roleGrants,
  type Role,
  units,
  userDepartments,
  users,
} from '../db/schema'
import { hashPassword } from '../modules/auth/password'
import { DEMO_CODE_TABLES } from './demo-codes'
import { county } from './demo-county'
import { university } from './demo-university'
import type { DemoUnit } from './demo-types'

/** Every demo account signs in with this password (README lists the accounts). */
export const DEMO_PASSWORD = 'Hall@2026'
export const DEMO_UNITS = [county, university] as const

export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.$count(units)) === 0
}

/**
 * Seeds the two demo units (a county service center and a university) with their organisation,
 * AB posts, absences and data-center tables, in one transaction. The password is hashed once for
 * all accounts: it is public anyway, and 60 argon2 hashes would slow every first start.
 */
export async function seedDemo(db: Db): Promise<{ units: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let userCount = 0
  await db.transaction(async (tx) => {
    for (const unit of DEMO_UNITS) userCount += await seedUnit(tx, unit, passwordHash)
  })
  return { units: DEMO_UNITS.length, users: userCount }
}

async function seedUnit(db: Db, unit: DemoUnit, passwordHash: string): Promise<number> {
  const unitId = newId()
  await db.insert(units).values({ id: unitId, code: unit.code, name: unit.name, kind: unit.kind })
  const deptId = new Map(unit.departments.map((dept) => [dept.code, newId()]))
  const userId = new Map(unit.users.map((user) => [user.username, newId()]))
  const ref = <T>(map: Map<string, T>, key: string) => {
    const value = map.get(key)
    if (value === undefined) throw new Error(`demo data of ${unit.code}: unknown reference ${key}`)
    return value
  }

  await db.insert(users).values(
    unit.users.map((user) => ({
      id: ref(userId, user.username),
      unitId,
      username: user.username,
      displayName: user.name,
      phone: user.person?.phone ?? null,
      idNumber: user.person?.idNumber ?? null,
      email: `${user.username}@${unit.code}.demo.hall`,
      passwordHash,
    })),
  )
  await db.insert(departments).values(
    unit.departments.map((dept, sort) => ({
      id: ref(deptId, dept.code),
      unitId,
      code: dept.code,
      name: dept.name,
      kind: dept.kind,
      parentId: dept.parent ? ref(deptId, dept.parent) : null,
      headUserId: dept.head ? ref(userId, dept.head) : null,
      sort,
    })),
  )
  const memberships = unit.users.flatMap((user) =>
    (user.depts ?? []).map((code, index) => ({ userId: ref(userId, user.username), deptId: ref(deptId, code), isPrimary: index === 0 })),
  )
  if (memberships.length) await db.insert(userDepartments).values(memberships)
  await db.insert(roleGrants).values(
    unit.users.flatMap((user) =>
      user.roles.map((spec) => {
        const [role, dept] = spec.replace('+', '').split('@') as [Role, string | undefined]
        return { id: newId(), unitId, userId: ref(userId, user.username), role, deptId: dept ? ref(deptId, dept) : null, canDelegate: spec.endsWith('+') }
      }),
    ),
  )

  for (const post of unit.posts) {
    const id = newId()
    await db.insert(posts).values({ id, unitId, code: post.code, name: post.name, deptId: ref(deptId, post.dept), aUserId: ref(userId, post.a) })
    await db.insert(postBHolders).values(post.b.map((holder, rank) => ({ postId: id, userId: ref(userId, holder), rank })))
  }
  if (unit.absences.length) {
    await db.insert(absences).values(
      unit.absences.map((absence) => ({
        id: newId(),
        unitId,
        userId: ref(userId, absence.username),
        kind: absence.kind,
        startsAt: new Date(absence.from),
        endsAt: new Date(absence.to),
        reason: absence.reason,
      })),
    )
  }

  const personId = new Map<string, string>()
  const people = unit.users.filter((user) => user.person).map((user) => {
    const person = user.person!
    const id = newId()
    personId.set(person.no ?? user.username, id)
    personId.set(user.username, id)
    return {
      id,
      unitId,
      userId: ref(userId, user.username),
      kind: person.kind,
      personNo: person.no ?? user.username,
      name: user.name,
      gender: person.gender ?? null,
      idNumber: person.idNumber ?? null,
      phone: person.phone ?? null,
      email: `${user.username}@${unit.code}.demo.hall`,
      deptId: user.depts?.[person.classDept ? 1 : 0] ? ref(deptId, user.depts[person.classDept ? 1 : 0]!) : null,
      classDeptId: person.classDept ? ref(deptId, person.classDept) : null,
      counsellorUserId: person.counsellor ? ref(userId, person.counsellor) : null,
      title: person.title ?? null,
      enrolYear: person.enrolYear ?? null,
    }
  })
  if (people.length) await db.insert(dcPeople).values(people)

  for (const course of unit.courses ?? []) {
    const id = newId()
    await db.insert(dcCourses).values({
      id,
      unitId,
      code: course.code,
      name: course.name,
      teacherPersonId: ref(personId, course.teacher),
      deptId: ref(deptId, course.dept),
      credits: String(course.credits),
      room: course.room,
      schedule: course.schedule,
    })
    await db.insert(dcEnrolments).values(course.students.map((no) => ({ courseId: id, personId: ref(personId, no) })))
  }

  await db.insert(dcCodes).values(
    Object.entries(DEMO_CODE_TABLES).flatMap(([tableCode, table]) =>
      table.codes.map(([code, label], sort) => ({ unitId, tableCode, code, label, sort })),
    ),
  )
  return unit.users.length
}
