/** Route names both apps share, so the guard and the shared views can navigate without knowing the app. */
export const ROUTE_NAMES = {
  login: 'login',
  home: 'home',
  profile: 'profile',
  forbidden: 'forbidden',
} as const

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean
  }
}

/**
 * Where to go after login: the page the guard sent the user away from, if it is a path on this app.
 * Anything else (`//evil.example`, `https://…`) falls back to home, so a link cannot bounce users off-site.
 */
export function redirectTarget(redirect: unknown): string | { name: string } {
  if (typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')) {
    return redirect
  }
  return { name: ROUTE_NAMES.home }
}
