import type { RuntimeArea } from '../area'

/** 统计分析: the dashboards and the monthly report, for window heads, admins and the supervision office. */
export const statsArea: RuntimeArea = {
  routes: [
    {
      path: 'stats',
      name: 'stats-dashboard',
      component: () => import('./views/StatsDashboardView.vue'),
    },
  ],
  // Window heads hold window_staff, the supervision office approver; the server narrows it to heads (403 otherwise).
  nav: [
    {
      path: '/stats',
      labelKey: 'stats.nav.dashboard',
      roles: ['window_staff', 'approver', 'hall_admin', 'unit_admin'],
    },
  ],
}
