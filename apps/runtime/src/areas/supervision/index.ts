import type { RuntimeArea } from '../area'

export const supervisionArea: RuntimeArea = { routes: [], nav: [] }
