import { and, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import { dcPeople, departments, userDepartments, units, users } from '../../db/schema'

const college = alias(departments, 'college')
const klass = alias(departments, 'class')
const counsellor = alias(users, 'counsellor')
const primaryDept = alias(departments, 'primary_dept')

/**
 * Everything the data center knows about one signed-in user, flattened under the names forms
 * pre-fill from (`person.*` from the data center, `user.*` from the account). Always the caller's
 * own record: no parameter can point it at someone else.
 */
export async function personRecordOf(db: Db, userId: string) {
  const [account] = await db
    .select({ username: users.username, displayName: users.displayName, email: users.email, phone: users.phone, unit: units.name, department: primaryDept.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .leftJoin(userDepartments, and(eq(userDepartments.userId, users.id), eq(userDepartments.isPrimary, true)))
    .leftJoin(primaryDept, eq(primaryDept.id, userDepartments.deptId))
    .where(eq(users.id, userId))
  const [person] = await db
    .select({
      kind: dcPeople.kind,
      personNo: dcPeople.personNo,
      name: dcPeople.name,
      gender: dcPeople.gender,
      idNumber: dcPeople.idNumber,
      phone: dcPeople.phone,
      email: dcPeople.email,
      title: dcPeople.title,
      enrolYear: dcPeople.enrolYear,
      college: college.name,
      class: klass.name,
      counsellor: counsellor.displayName,
      counsellorId: dcPeople.counsellorUserId,
      counsellorPhone: counsellor.phone,
    })
    .from(dcPeople)
    .leftJoin(college, eq(college.id, dcPeople.deptId))
    .leftJoin(klass, eq(klass.id, dcPeople.classDeptId))
    .leftJoin(counsellor, eq(counsellor.id, dcPeople.counsellorUserId))
    .where(eq(dcPeople.userId, userId))
  return { user: account, person }
}

/** The pre-fill paths the built-in data center offers, for the designer's picker. */
export const CATALOG = [
  { path: 'dc:person.name', label: '姓名', type: 'string' },
  { path: 'dc:person.personNo', label: '学号/工号', type: 'string' },
  { path: 'dc:person.kind', label: '人员类别', type: 'string', dictionary: 'person_kind' },
  { path: 'dc:person.gender', label: '性别', type: 'string', dictionary: 'gender' },
  { path: 'dc:person.idNumber', label: '身份证号', type: 'string', sensitive: 'idCard' },
  { path: 'dc:person.phone', label: '联系电话', type: 'string', sensitive: 'phone' },
  { path: 'dc:person.email', label: '电子邮箱', type: 'string' },
  { path: 'dc:person.college', label: '学院/部门', type: 'string' },
  { path: 'dc:person.class', label: '班级', type: 'string' },
  { path: 'dc:person.counsellor', label: '辅导员', type: 'string' },
  // The account, not the name: a process assigns the counsellor's step with `field:` from it.
  { path: 'dc:person.counsellorId', label: '辅导员账号（指派审批人用）', type: 'string' },
  { path: 'dc:person.counsellorPhone', label: '辅导员电话', type: 'string', sensitive: 'phone' },
  { path: 'dc:person.title', label: '职务/职称', type: 'string' },
  { path: 'dc:person.enrolYear', label: '入学年份', type: 'number' },
  { path: 'user:displayName', label: '当前用户姓名', type: 'string' },
  { path: 'user:username', label: '当前用户账号', type: 'string' },
  { path: 'user:department', label: '当前用户所在部门', type: 'string' },
  { path: 'user:unit', label: '当前用户所在单位', type: 'string' },
  { path: 'user:phone', label: '当前用户电话', type: 'string', sensitive: 'phone' },
  { path: 'user:email', label: '当前用户邮箱', type: 'string' },
] as const
