/**
 * What the designer and the runtime share: the API client, the session, i18n, the login page,
 * the signed-in layout and the route guard.
 *
 * @example
 * const router = createRouter({ history: createWebHistory('/'), routes })
 * installAuthGuard(router)
 * createApp(HallRoot).use(createPinia()).use(createHallI18n(appMessages)).use(router).mount('#app')
 */
export { api, call } from './api/client'
export type { OkBody } from './api/client'
export { ApiError } from './api/api-error'
export type { ApiErrorBody } from './api/api-error'
export type { Me, RoleGrant, RoleName, SessionResponse } from './api/types'
export { useSessionStore } from './stores/session'
export type { SessionStatus } from './stores/session'
export { createHallI18n } from './i18n'
export type { AppMessages } from './i18n'
export { HALL_LOCALES, useHallLocale } from './i18n/locale'
export type { HallLocale } from './i18n/locale'
export { describeError, showApiError } from './errors/describe-error'
export { useNarrowScreen } from './composables/use-narrow-screen'
export { installAuthGuard } from './router/auth-guard'
export { ROUTE_NAMES } from './router/route-names'
export { default as HallRoot } from './components/HallRoot.vue'
export { default as AppLayout } from './components/AppLayout.vue'
export { default as NavMenu } from './components/NavMenu.vue'
export type { NavItem } from './components/NavMenu.vue'
export { default as LanguageSwitch } from './components/LanguageSwitch.vue'
export { default as LoginView } from './views/LoginView.vue'
export { default as ProfileView } from './views/ProfileView.vue'
