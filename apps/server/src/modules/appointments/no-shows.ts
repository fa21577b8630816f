import { and, eq, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { appointmentBookings, appointmentSlots } from '../../db/schema'
import { audit } from '../audit/record'

/** More than 30 minutes past the slot's start without checking in counts as given up (DOMAIN.md §3). */
export const GIVE_UP_AFTER_MS = 30 * 60_000

const SYSTEM = { meta: { ip: null, userAgent: null } }

/**
 * Records the unit's no-shows as given up. Run lazily at the start of every appointments read and
 * write, inside that request's transaction, so every answer already counts them and no worker is
 * needed: a booking nobody looks at again has no one to mislead.
 */
export async function recordNoShows(tx: Db, unitId: string, now: Date): Promise<number> {
  const late = tx
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.unitId, unitId), lt(appointmentSlots.startsAt, new Date(now.getTime() - GIVE_UP_AFTER_MS))))
  const given = await tx
    .update(appointmentBookings)
    .set({ status: 'given_up', updatedAt: now })
    .where(and(eq(appointmentBookings.status, 'booked'), inArray(appointmentBookings.slotId, late)))
    .returning({ id: appointmentBookings.id, applicantId: appointmentBookings.applicantId })
  for (const booking of given) {
    await audit(tx, SYSTEM, { action: 'appointment.given_up', objectType: 'appointment', objectId: booking.id, unitId, detail: { applicantId: booking.applicantId } })
  }
  return given.length
}
