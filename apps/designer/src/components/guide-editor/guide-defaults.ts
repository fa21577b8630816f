import type { Guide, Material } from '@hall/guide'

/**
 * A new item's guide, as the server's `emptyGuide()` makes it (which the browser cannot import:
 * it lives in server code). The `Guide` type keeps the two in step.
 */
export function newGuide(): Guide {
  return {
    summary: '',
    itemType: 'promised',
    themes: [],
    audiences: [],
    legalBasis: [],
    conditions: '',
    materials: [],
    procedure: '',
    fees: [],
    feeNote: '',
    contact: { phone: '', complaintPhone: '', address: '', hours: '' },
    maxVisits: 1,
    onlineApply: true,
  }
}

/** A new checklist entry with an id unused in `materials` (ids are stable: forms refer to them). */
export function newMaterial(materials: readonly Material[]): Material {
  const ids = new Set(materials.map((material) => material.id))
  let n = materials.length + 1
  while (ids.has(`material${n}`)) n++
  return { id: `material${n}`, name: '', copies: 1, form: 'original', main: true, mayBeMissing: false, offline: false }
}

/** The appointment settings a guide gets when booking is switched on. */
export const defaultAppointment = (): NonNullable<Guide['appointment']> => ({
  enabled: true,
  slotMinutes: 30,
  capacityPerSlot: 1,
  outsideOfficeHours: false,
  daysAhead: 10,
})
