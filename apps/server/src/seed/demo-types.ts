import type { ABSENCE_KINDS, DEPARTMENT_KINDS, PERSON_KINDS, UNIT_KINDS } from '../db/schema'

/** A demo unit written for people to read; `seedDemo` turns it into rows. */
export interface DemoUnit {
  code: string
  name: string
  kind: (typeof UNIT_KINDS)[number]
  departments: { code: string; name: string; kind: (typeof DEPARTMENT_KINDS)[number]; parent?: string; head?: string }[]
  users: DemoUser[]
  posts: { code: string; name: string; dept: string; a: string; b: string[] }[]
  absences: { username: string; kind: (typeof ABSENCE_KINDS)[number]; from: string; to: string; reason: string }[]
  courses?: { code: string; name: string; teacher: string; dept: string; credits: number; room: string; schedule: string; students: string[] }[]
}

export interface DemoUser {
  username: string
  name: string
  depts?: string[]
  /** `role`, `role@DEPT` (limited to that department) or `role+` (may delegate). */
  roles: string[]
  person?: {
    kind: (typeof PERSON_KINDS)[number]
    no?: string
    title?: string
    idNumber?: string
    phone?: string
    gender?: '1' | '2'
    /** A student's class department code and counsellor's user name. */
    classDept?: string
    counsellor?: string
    enrolYear?: number
  }
}
