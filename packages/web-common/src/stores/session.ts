import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError } from '../api/api-error'
import { api, call, setCsrfToken } from '../api/client'
import type { Me, RoleGrant, RoleName, SessionResponse } from '../api/types'

/** `unknown` until the first `/api/auth/me` answer: the guard waits for it before deciding. */
export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated'

const ROLE_STORAGE_KEY = 'hall.role'

export function grantKey(grant: RoleGrant): string {
  return `${grant.role}:${grant.unitId}:${grant.deptId ?? ''}`
}

function readStoredRole(): string | null {
  try {
    return localStorage.getItem(ROLE_STORAGE_KEY)
  } catch {
    return null
  }
}

/**
 * Who is signed in, and as which role. The server is the authority: this store mirrors
 * `/api/auth/me` and never guesses a session from cookies.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<Me | null>(null)
  const status = ref<SessionStatus>('unknown')
  /** Set by an app that serves only some roles (the designer): other grants are not offered there. */
  const appRoles = ref<readonly RoleName[] | null>(null)
  const selectedRoleKey = ref<string | null>(readStoredRole())

  const isAuthenticated = computed(() => status.value === 'authenticated')
  const availableRoles = computed(() => {
    const grants = user.value?.roles ?? []
    const allowed = appRoles.value
    return allowed ? grants.filter((g) => allowed.includes(g.role)) : grants
  })
  /** Signed in but holding none of the roles this app serves. */
  const isForbidden = computed(() => isAuthenticated.value && availableRoles.value.length === 0)
  const currentRole = computed<RoleGrant | null>(
    () =>
      availableRoles.value.find((g) => grantKey(g) === selectedRoleKey.value) ??
      availableRoles.value[0] ??
      null,
  )

  function accept(response: SessionResponse): Me {
    user.value = response.user
    status.value = 'authenticated'
    setCsrfToken(response.csrfToken)
    return response.user
  }

  /** Drops the local session without asking the server (it already said the session is gone). */
  function forget(): void {
    user.value = null
    status.value = 'anonymous'
    setCsrfToken(undefined)
  }

  /** Asks the server who is signed in; `null` when nobody is (401). */
  async function fetchMe(): Promise<Me | null> {
    try {
      return accept(await call(api.auth.me.$get()))
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forget()
        return null
      }
      throw error
    }
  }

  async function login(username: string, password: string): Promise<Me> {
    return accept(await call(api.auth.login.$post({ json: { username, password } })))
  }

  async function logout(): Promise<void> {
    try {
      await call(api.auth.logout.$post())
    } catch (error) {
      // Already signed out on the server (expired session): forgetting locally is all that is left.
      if (!(error instanceof ApiError && error.status === 401)) throw error
    }
    forget()
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await call(api.auth.password.$post({ json: { currentPassword, newPassword } }))
    if (user.value) user.value = { ...user.value, mustChangePassword: false }
  }

  function selectRole(grant: RoleGrant): void {
    selectedRoleKey.value = grantKey(grant)
    try {
      localStorage.setItem(ROLE_STORAGE_KEY, selectedRoleKey.value)
    } catch {
      // Not remembered across reloads; the choice still holds for this page.
    }
  }

  function restrictToRoles(roles: readonly RoleName[]): void {
    appRoles.value = roles
  }

  return {
    user,
    status,
    isAuthenticated,
    availableRoles,
    isForbidden,
    currentRole,
    fetchMe,
    login,
    logout,
    forget,
    changePassword,
    selectRole,
    restrictToRoles,
  }
})
