import { randomUUID } from 'node:crypto'

/** New ids are random UUIDs: they reveal neither order nor count of another unit's objects. */
export const newId = () => randomUUID()
