import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { BOOKING_STATUSES } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import type { Caller } from '../cases/service'
import { book, cancelBooking, checkIn, getBooking, listSlots, myBookings, openSlot, windowBookings } from './service'

const Id = z.string().min(1).max(64)
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期的格式是 YYYY-MM-DD')
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间的格式是 HH:MM')

const Slot = z
  .object({ id: z.string(), itemId: z.string(), itemName: z.string(), deptId: z.string(), date: z.string(), startsAt: z.string(), endsAt: z.string(), capacity: z.number().int(), available: z.number().int() })
  .openapi('AppointmentSlot')
const Booking = z
  .object({
    id: z.string(), slotId: z.string(), itemId: z.string(), itemName: z.string(), window: z.string(), applicantName: z.string(),
    startsAt: z.string(), endsAt: z.string(), status: z.enum(BOOKING_STATUSES), createdAt: z.string(),
  })
  .openapi('AppointmentBooking')

const createSlot = createRoute({
  method: 'post', path: '/slots', tags: ['appointments'], summary: 'Open a slot of an item at its window (window head or hall admin)',
  request: { ...jsonBody(z.strictObject({ itemId: Id, date: Day, start: Clock, end: Clock, capacity: z.number().int().min(1).max(1000) })) },
  responses: { 201: jsonResponse(Slot, 'Opened'), ...commonErrors },
})
const slots = createRoute({
  method: 'get', path: '/slots', tags: ['appointments'], summary: 'Slots of an item or a day with places left',
  request: { query: z.object({ itemId: Id.optional(), date: Day.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Slot) }), 'Earliest first'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['appointments'], summary: 'Book a place in a slot for myself',
  request: { ...jsonBody(z.strictObject({ slotId: Id })) },
  responses: { 201: jsonResponse(Booking, 'Booked'), ...commonErrors, ...conflictError },
})
const mine = createRoute({
  method: 'get', path: '/mine', tags: ['appointments'], summary: 'My bookings (more than 30 minutes late without check-in: given_up)',
  responses: { 200: jsonResponse(z.object({ items: z.array(Booking) }), 'Newest slot first'), ...commonErrors },
})
const day = createRoute({
  method: 'get', path: '/', tags: ['appointments'], summary: 'A day’s bookings at the windows I staff',
  request: { query: z.object({ date: Day, deptId: Id.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Booking) }), 'Earliest slot first'), ...commonErrors },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags: ['appointments'], summary: 'One booking (its applicant or its window)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Booking, 'The booking'), ...commonErrors },
})
const cancel = createRoute({
  method: 'post', path: '/{id}/cancel', tags: ['appointments'], summary: 'Cancel my booking before it is checked in',
  request: { params: IdParam, ...jsonBody(z.strictObject({})) },
  responses: { 200: jsonResponse(Booking, 'Cancelled'), ...commonErrors, ...conflictError },
})
const arrive = createRoute({
  method: 'post', path: '/{id}/check-in', tags: ['appointments'], summary: 'Check the person in at the window (409 BOOKING_GIVEN_UP after 30 minutes)',
  request: { params: IdParam, ...jsonBody(z.strictObject({})) },
  responses: { 200: jsonResponse(Booking, 'Checked in'), ...commonErrors, ...conflictError },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** /api/appointments: slots per item and window, bookings, cancel and check-in (预约). */
export const appointmentRoutes = createRouter()
  .openapi(createSlot, async (c) => c.json(await openSlot(caller(c), c.req.valid('json')), 201))
  .openapi(slots, async (c) => c.json({ items: await listSlots(c.get('deps').database.db, requireActor(c), c.req.valid('query')) }, 200))
  .openapi(create, async (c) => c.json(await book(caller(c), c.req.valid('json').slotId), 201))
  .openapi(mine, async (c) => c.json({ items: await myBookings(caller(c)) }, 200))
  .openapi(day, async (c) => c.json({ items: await windowBookings(caller(c), c.req.valid('query')) }, 200))
  .openapi(get, async (c) => c.json(await getBooking(caller(c), c.req.valid('param').id), 200))
  .openapi(cancel, async (c) => c.json(await cancelBooking(caller(c), c.req.valid('param').id), 200))
  .openapi(arrive, async (c) => c.json(await checkIn(caller(c), c.req.valid('param').id), 200))
