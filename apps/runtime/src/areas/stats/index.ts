import type { RuntimeArea } from '../area'

export const statsArea: RuntimeArea = { routes: [], nav: [] }
