/**
 * The auth contract of the server, typed by hand until the client is generated from `AppType`
 * (see `rpc.ts`). Field names follow the JSON the server sends.
 */

export type RoleName =
  | 'platform_admin'
  | 'unit_admin'
  | 'hall_admin'
  | 'window_staff'
  | 'approver'
  | 'applicant'

/** One grant: a role inside a unit, optionally narrowed to one department. */
export interface RoleGrant {
  role: RoleName
  unitId: string
  deptId: string | null
}

export interface Me {
  id: string
  username: string
  displayName: string
  unit: { id: string; name: string }
  departments: { id: string; name: string }[]
  posts: { id: string; name: string; holder: 'A' | 'B' }[]
  roles: RoleGrant[]
  mustChangePassword: boolean
}

export interface SessionResponse {
  user: Me
  csrfToken: string
}

export interface LoginRequest {
  username: string
  password: string
}

export interface ChangePasswordRequest {
  currentPassword: string
  newPassword: string
}

/** The one error shape every API failure carries. */
export interface ApiErrorBody {
  error: { code: string; message?: string; fields?: Record<string, string> }
}

/**
 * Every endpoint the front ends call, keyed by `METHOD path`.
 * Add a line here when a page starts using a new endpoint.
 */
export interface Endpoints {
  'POST /api/auth/login': { body: LoginRequest; response: SessionResponse }
  'GET /api/auth/me': { body: undefined; response: SessionResponse }
  'POST /api/auth/logout': { body: undefined; response: void }
  'POST /api/auth/password': { body: ChangePasswordRequest; response: void }
}
