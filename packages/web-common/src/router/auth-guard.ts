import type { Router } from 'vue-router'
import { setSessionLostHandler } from '../api/client'
import { useSessionStore } from '../stores/session'
import { ROUTE_NAMES, redirectTarget } from './route-names'

/**
 * Sends every navigation through the session: asks `/api/auth/me` once, then
 * - no session → login (remembering the page in `?redirect=`),
 * - signed in on the login page → on to the remembered page,
 * - none of the app's roles → the forbidden page,
 * - a password that must change → the profile page, where the form is.
 * A session lost later (a call answers 401) also leads back to login, then to the same page.
 */
export function installAuthGuard(router: Router): void {
  setSessionLostHandler(() => {
    const session = useSessionStore()
    // Before the first answer, the guard itself decides; afterwards only a live session can be lost.
    if (!session.isAuthenticated) return
    session.forget()
    void router.push({
      name: ROUTE_NAMES.login,
      query: { redirect: router.currentRoute.value.fullPath },
    })
  })
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (session.status === 'unknown') {
      try {
        await session.fetchMe()
      } catch {
        // Server unreachable: treat as signed out; the login form reports the failure on submit.
      }
    }
    if (to.meta.public) {
      return to.name === ROUTE_NAMES.login && session.isAuthenticated
        ? redirectTarget(to.query.redirect)
        : true
    }
    if (!session.isAuthenticated) {
      return { name: ROUTE_NAMES.login, query: { redirect: to.fullPath } }
    }
    if (session.isForbidden) {
      return to.name === ROUTE_NAMES.forbidden ? true : { name: ROUTE_NAMES.forbidden }
    }
    if (session.user?.mustChangePassword && to.name !== ROUTE_NAMES.profile) {
      return { name: ROUTE_NAMES.profile }
    }
    return to.name === ROUTE_NAMES.forbidden ? { name: ROUTE_NAMES.home } : true
  })
}
