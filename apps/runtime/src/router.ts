import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { installAuthGuard, LoginView, ProfileView, ROUTE_NAMES } from '@hall/web-common'
import RuntimeShell from './components/RuntimeShell.vue'
import HomeView from './views/HomeView.vue'
import { AREAS } from './areas'

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: ROUTE_NAMES.login, component: LoginView, meta: { public: true } },
  {
    path: '/',
    component: RuntimeShell,
    children: [
      { path: '', name: ROUTE_NAMES.home, component: HomeView },
      { path: 'profile', name: ROUTE_NAMES.profile, component: ProfileView },
      ...AREAS.flatMap((area) => area.routes),
    ],
  },
  { path: '/:unknown(.*)*', redirect: { name: ROUTE_NAMES.home } },
]

/** The runtime's router: served at the site root, every page behind the session guard. */
export function createRuntimeRouter() {
  const router = createRouter({ history: createWebHistory('/'), routes })
  installAuthGuard(router)
  return router
}
