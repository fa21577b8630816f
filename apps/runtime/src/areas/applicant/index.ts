import type { RuntimeArea } from '../area'

export const applicantArea: RuntimeArea = { routes: [], nav: [] }
