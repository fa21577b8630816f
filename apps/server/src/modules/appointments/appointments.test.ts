import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { publishItem, type PublishedItem } from '../../../test/published-item'
import { licence } from '../../../test/window-item'

interface Slot { id: string; available: number; capacity: number; startsAt: string }
interface Booking { id: string; status: string; applicantName: string; itemName: string }
interface ErrorBody { error: { code: string } }

// The harness clock starts on Monday 2026-11-23 09:00 Beijing time.
describe.each(testDatabases)('appointments (预约) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, { ...licence, code: 'food-licence-booking' })
  })
  let hour = 10
  /** A fresh one-place slot later today, opened by the market window's head. */
  const openSlot = async (capacity = 1) => {
    const start = `${String(hour).padStart(2, '0')}:00`
    const end = `${String(hour).padStart(2, '0')}:30`
    hour += 1
    const response = await (await h.as('county.market.head')).post('/api/appointments/slots', { itemId: item.itemId, date: '2026-11-23', start, end, capacity })
    expect(response.status).toBe(201)
    return json<Slot>(response)
  }

  it('lets the window head open a slot but not a clerk or an applicant', async () => {
    const body = { itemId: item.itemId, date: '2026-11-23', start: '16:00', end: '16:30', capacity: 2 }
    expect((await (await h.as('county.market.1')).post('/api/appointments/slots', body)).status).toBe(403)
    expect((await (await h.as('citizen.li')).post('/api/appointments/slots', body)).status).toBe(403)
    expect((await (await h.as('county.hall')).post('/api/appointments/slots', body)).status).toBe(201)
    const bad = await (await h.as('county.hall')).post('/api/appointments/slots', { ...body, end: '15:00' })
    expect(bad.status).toBe(400)
  })

  it('books the last place once, refuses the next person, and frees the place on cancel', async () => {
    const slot = await openSlot(1)
    const [li, zhang] = await Promise.all([h.as('citizen.li'), h.as('citizen.zhang')])
    const booked = await li.post('/api/appointments', { slotId: slot.id })
    expect(booked.status).toBe(201)
    const booking = await json<Booking>(booked)
    expect(booking).toMatchObject({ status: 'booked', applicantName: '李娜', itemName: '食品经营许可' })
    expect((await json<ErrorBody>(await li.post('/api/appointments', { slotId: slot.id }))).error.code).toBe('ALREADY_BOOKED')
    expect((await json<ErrorBody>(await zhang.post('/api/appointments', { slotId: slot.id }))).error.code).toBe('SLOT_FULL')
    expect(await json(await li.post(`/api/appointments/${booking.id}/cancel`, {}))).toMatchObject({ status: 'cancelled' })
    expect((await zhang.post('/api/appointments', { slotId: slot.id })).status).toBe(201)
    const { items } = await json<{ items: Slot[] }>(await zhang.get(`/api/appointments/slots?itemId=${item.itemId}&date=2026-11-23`))
    expect(items.find((entry) => entry.id === slot.id)?.available).toBe(0)
  })

  it('answers 404 when an applicant looks at or cancels someone else’s booking, and keeps it out of their list', async () => {
    const slot = await openSlot(2)
    const booking = await json<Booking>(await (await h.as('citizen.li')).post('/api/appointments', { slotId: slot.id }))
    const zhang = await h.as('citizen.zhang')
    expect((await zhang.get(`/api/appointments/${booking.id}`)).status).toBe(404)
    expect((await zhang.post(`/api/appointments/${booking.id}/cancel`, {})).status).toBe(404)
    expect((await (await h.as('county.hr.1')).post(`/api/appointments/${booking.id}/check-in`, {})).status).toBe(404)
    const { items } = await json<{ items: Booking[] }>(await zhang.get('/api/appointments/mine'))
    expect(items.map((entry) => entry.id)).not.toContain(booking.id)
  })

  it('checks a person in within 30 minutes, and records a later one as given up', async () => {
    const slot = await openSlot(2)
    const [li, zhang] = [await h.as('citizen.li'), await h.as('citizen.zhang')]
    const onTime = await json<Booking>(await li.post('/api/appointments', { slotId: slot.id }))
    const late = await json<Booking>(await zhang.post('/api/appointments', { slotId: slot.id }))
    const untilStart = new Date(slot.startsAt).getTime() - h.clock.now().getTime()
    h.clock.advance(untilStart + 29 * 60_000)
    const clerk = await h.as('county.market.1')
    expect(await json(await clerk.post(`/api/appointments/${onTime.id}/check-in`, {}))).toMatchObject({ status: 'checked_in' })
    h.clock.advance(2 * 60_000)
    const refused = await (await h.as('county.market.1')).post(`/api/appointments/${late.id}/check-in`, {})
    expect((await json<ErrorBody>(refused)).error.code).toBe('BOOKING_GIVEN_UP')
    const today = await json<{ items: Booking[] }>(await (await h.as('county.market.2')).get('/api/appointments?date=2026-11-23'))
    expect(today.items.filter((entry) => entry.id === onTime.id || entry.id === late.id).map((entry) => entry.status).sort()).toEqual(['checked_in', 'given_up'])
    const trail = await h.database.db.select().from(auditLog).where(eq(auditLog.objectId, late.id))
    expect(trail.map((entry) => entry.action)).toEqual(expect.arrayContaining(['appointment.booked', 'appointment.given_up']))
    expect((await json<ErrorBody>(await (await h.as('citizen.huang')).post('/api/appointments', { slotId: slot.id }))).error.code).toBe('SLOT_STARTED')
  })
})
