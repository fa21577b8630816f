import type { RuntimeArea } from '../area'

/** Applicants (students, citizens): the catalog and guides, applying, receipts, my applications. */
export const applicantArea: RuntimeArea = {
  routes: [
    { path: 'services', component: () => import('./views/CatalogView.vue') },
    { path: 'services/:itemId', component: () => import('./views/GuideView.vue'), props: true },
    {
      path: 'services/:itemId/apply',
      component: () => import('./views/ApplyView.vue'),
      props: true,
    },
    { path: 'my-cases', component: () => import('./views/MyCasesView.vue') },
    {
      path: 'my-cases/:caseId/edit',
      component: () => import('./views/ApplyView.vue'),
      props: true,
    },
    {
      path: 'my-cases/:caseId/receipt',
      component: () => import('./views/ReceiptView.vue'),
      props: true,
    },
  ],
  nav: [
    { path: '/services', labelKey: 'applicant.nav.catalog', roles: ['applicant'] },
    { path: '/my-cases', labelKey: 'applicant.nav.myCases', roles: ['applicant'] },
  ],
}
