import { createRouter } from '../../http/router'
import { absenceRoutes } from './absences/routes'
import { importRoutes } from './csv-import/routes'
import { departmentRoutes } from './departments/routes'
import { handoverRoutes } from './handovers/routes'
import { postRoutes } from './posts/routes'
import { roleRoutes } from './roles/routes'
import { unitRoutes } from './units'
import { userRoutes } from './users/routes'

/** The organisation: units, departments, users, posts (AB), role grants, absences and their handovers, CSV import. */
export const orgRoutes = createRouter()
  .route('/units', unitRoutes)
  .route('/departments', departmentRoutes)
  .route('/users', userRoutes)
  .route('/posts', postRoutes)
  .route('/role-grants', roleRoutes)
  .route('/absences', absenceRoutes)
  .route('/handovers', handoverRoutes)
  .route('/import', importRoutes)
