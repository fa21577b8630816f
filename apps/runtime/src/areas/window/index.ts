import type { RuntimeArea } from '../area'

/**
 * 一窗受理: the online queue, desk intake of a walk-in applicant, the intake page of a case with every outcome, the first-ask register,
 * the day's appointments, and the printable notices (open to whoever may see the case; the server checks).
 */
export const windowArea: RuntimeArea = {
  routes: [
    { path: 'window/queue', component: () => import('./views/WindowQueueView.vue') },
    { path: 'window/desk', component: () => import('./views/DeskIntakeView.vue') },
    { path: 'window/cases/:id', component: () => import('./views/WindowCaseView.vue') },
    { path: 'window/consultations', component: () => import('./views/ConsultationsView.vue') },
    { path: 'window/appointments', component: () => import('./views/WindowAppointmentsView.vue') },
    { path: 'cases/:caseId/notices/:noticeId', component: () => import('./views/NoticeView.vue') },
  ],
  nav: [
    { path: '/window/queue', labelKey: 'window.nav.queue', roles: ['window_staff'] },
    { path: '/window/desk', labelKey: 'window.nav.desk', roles: ['window_staff'] },
    { path: '/window/consultations', labelKey: 'window.nav.consultations', roles: ['window_staff'] },
    { path: '/window/appointments', labelKey: 'window.nav.appointments', roles: ['window_staff'] },
  ],
}
