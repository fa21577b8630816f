import type { RouteRecordRaw } from 'vue-router'
import type { RoleName } from '@hall/web-common'

/** One side-navigation link; `roles` shows it only while the current role is one of them. */
export interface AreaNavLink {
  path: string
  /** An i18n key, e.g. `applicant.nav.catalog`. */
  labelKey: string
  roles?: RoleName[]
}

/**
 * One part of the hall (applicants, case pages, approvers, windows, supervision, statistics):
 * its pages under the signed-in shell and its navigation links. Each area lives in its own
 * folder with its views, components, stores and messages, so the router only lists areas.
 */
export interface RuntimeArea {
  routes: RouteRecordRaw[]
  nav: AreaNavLink[]
}
