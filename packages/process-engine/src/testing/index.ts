/**
 * Test helpers for users of @hall/process-engine: the Store contract suite (vitest) and a
 * time-skipping clock.
 */
export { storeContract } from './store-contract'
export { createFakeClock, type FakeClock } from './fake-clock'
