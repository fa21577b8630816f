import type { RuntimeArea } from '../area'

/**
 * Approvers (and window staff, who approve steps too): the inbox, the task page with its actions,
 * the print of a finished case, and the AB-post handovers window heads answer for.
 */
export const approverArea: RuntimeArea = {
  routes: [
    { path: 'tasks', component: () => import('./inbox/TaskInboxView.vue') },
    { path: 'tasks/:id', component: () => import('./task/TaskView.vue') },
    { path: 'cases/:id/print', component: () => import('./print/CasePrintView.vue') },
    { path: 'handovers', component: () => import('./handovers/HandoversView.vue') },
  ],
  nav: [
    { path: '/tasks', labelKey: 'approver.nav.inbox', roles: ['approver', 'window_staff'] },
    {
      path: '/handovers',
      labelKey: 'approver.nav.handovers',
      roles: ['approver', 'window_staff', 'unit_admin'],
    },
  ],
}
