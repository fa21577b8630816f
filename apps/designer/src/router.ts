import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import type { Pinia } from 'pinia'
import {
  installAuthGuard,
  LoginView,
  ProfileView,
  ROUTE_NAMES,
  useSessionStore,
  type RoleName,
} from '@hall/web-common'
import DesignerShell from './components/DesignerShell.vue'
import ForbiddenView from './views/ForbiddenView.vue'
import ItemsView from './views/ItemsView.vue'
import ItemVersionsView from './views/ItemVersionsView.vue'

/** Who may design items; everyone else is shown the forbidden page. */
export const DESIGNER_ROLES: readonly RoleName[] = ['platform_admin', 'unit_admin', 'hall_admin']

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: ROUTE_NAMES.login, component: LoginView, meta: { public: true } },
  { path: '/forbidden', name: ROUTE_NAMES.forbidden, component: ForbiddenView },
  {
    path: '/',
    component: DesignerShell,
    children: [
      { path: '', name: ROUTE_NAMES.home, component: ItemsView },
      { path: 'items/:id/versions', name: 'item-versions', component: ItemVersionsView, props: true },
      { path: 'items/:id/edit', name: 'item-editor', component: () => import('./views/ItemEditorView.vue'), props: true },
      { path: 'templates', name: 'templates', component: () => import('./views/TemplatesView.vue') },
      { path: 'profile', name: ROUTE_NAMES.profile, component: ProfileView },
      { path: 'form-design', name: 'formDesign', component: () => import('./views/FormDesignView.vue') },
      { path: 'guide-edit', name: 'guideEdit', component: () => import('./views/GuideEditView.vue') },
      { path: 'process-design', name: 'process-design', component: () => import('./views/ProcessDesignView.vue') },
    ],
  },
  { path: '/:unknown(.*)*', redirect: { name: ROUTE_NAMES.home } },
]

/** The designer's router: served under /designer/, open to administrators only. */
export function createDesignerRouter(
  pinia: Pinia,
  history: RouterHistory = createWebHistory('/designer/'),
) {
  useSessionStore(pinia).restrictToRoles(DESIGNER_ROLES)
  const router = createRouter({ history, routes })
  installAuthGuard(router)
  return router
}
