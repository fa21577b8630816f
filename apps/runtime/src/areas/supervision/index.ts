import type { RuntimeArea } from '../area'

const OVERSEERS = ['approver', 'unit_admin', 'hall_admin'] as const

/**
 * 电子监察 and 考评: the supervision board, extension requests (延期), complaints (投诉认定) and monthly assessment. The
 * server decides who sees what (supervision office, window heads, admins); the links show to the
 * roles those people sign in with, and handlers reach extension requests to ask for one.
 */
export const supervisionArea: RuntimeArea = {
  routes: [
    {
      path: 'supervision/board',
      name: 'supervision-board',
      component: () => import('./views/SupervisionBoardView.vue'),
    },
    {
      path: 'supervision/extensions',
      name: 'supervision-extensions',
      component: () => import('./views/ExtensionRequestsView.vue'),
    },
    {
      path: 'supervision/complaints',
      name: 'supervision-complaints',
      component: () => import('./views/ComplaintsView.vue'),
    },
    {
      path: 'supervision/assessment',
      name: 'supervision-assessment',
      component: () => import('./views/AssessmentView.vue'),
    },
  ],
  nav: [
    { path: '/supervision/board', labelKey: 'supervision.nav.board', roles: [...OVERSEERS] },
    {
      path: '/supervision/extensions',
      labelKey: 'supervision.nav.extensions',
      roles: [...OVERSEERS, 'window_staff'],
    },
    {
      path: '/supervision/complaints',
      labelKey: 'supervision.nav.complaints',
      roles: [...OVERSEERS],
    },
    {
      path: '/supervision/assessment',
      labelKey: 'supervision.nav.assessment',
      roles: [...OVERSEERS],
    },
  ],
}
