import type { RuntimeArea } from '../area'

/**
 * The case page everyone who may see a case shares (`/cases/:id`) and the notifications page.
 * The bell sits in the shell's header (components/NotificationBell.vue).
 */
export const casesArea: RuntimeArea = {
  routes: [
    { path: 'cases/:id', name: 'cases.case', component: () => import('./views/CaseView.vue') },
    {
      path: 'notifications',
      name: 'cases.notifications',
      component: () => import('./views/NotificationsView.vue'),
    },
  ],
  nav: [{ path: '/notifications', labelKey: 'cases.nav.notifications' }],
}
