import type { OkBody, api } from './client'

/** What `/api/auth/me` and login answer: the user and the CSRF token for later writes. */
export type SessionResponse = OkBody<Awaited<ReturnType<typeof api.auth.me.$get>>>

/** The signed-in user as the server describes them (units, departments, posts, role grants). */
export type Me = SessionResponse['user']

/** One grant: a role inside a unit, optionally narrowed to one department. */
export type RoleGrant = Me['roles'][number]

export type RoleName = RoleGrant['role']
