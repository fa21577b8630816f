import type { RuntimeArea } from '../area'

export const casesArea: RuntimeArea = { routes: [], nav: [] }
