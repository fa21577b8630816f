import type { RuntimeArea } from '../area'

export const approverArea: RuntimeArea = { routes: [], nav: [] }
