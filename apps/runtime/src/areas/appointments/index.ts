import type { RuntimeArea } from '../area'

/** 预约办事: applicants book a slot of an item at its window, see and cancel their bookings. */
export const appointmentsArea: RuntimeArea = {
  routes: [
    { path: 'appointments', component: () => import('./views/BookAppointmentView.vue') },
    { path: 'appointments/mine', component: () => import('./views/MyAppointmentsView.vue') },
  ],
  nav: [{ path: '/appointments', labelKey: 'appointments.nav.book', roles: ['applicant'] }],
}
