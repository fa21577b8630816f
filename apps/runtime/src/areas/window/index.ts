import type { RuntimeArea } from '../area'

export const windowArea: RuntimeArea = { routes: [], nav: [] }
