import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { appointmentBookings, appointmentSlots, departments, items, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, conflict, forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import type { Caller } from '../cases/service'
import { windowScope } from '../cases/view'
import { holdsRole } from '../org/access'
import { GIVE_UP_AFTER_MS, recordNoShows } from './no-shows'

type SlotRow = typeof appointmentSlots.$inferSelect
type BookingRow = typeof appointmentBookings.$inferSelect

/** Bookings that hold a place in their slot. */
const HOLDING = ['booked', 'checked_in'] as const

/** A local (Beijing) date and clock time as an instant. */
const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)

export interface SlotInput {
  itemId: string
  date: string
  start: string
  end: string
  capacity: number
}

/** Slots are opened by the head of the item's window or by the unit's hall (or unit) admins. */
async function assertMayOpenSlots(db: Db, actor: Actor, item: { unitId: string; deptId: string }): Promise<void> {
  if (await holdsRole(db, actor, ['hall_admin', 'unit_admin'], item.unitId)) return
  const [dept] = await db.select({ head: departments.headUserId }).from(departments).where(eq(departments.id, item.deptId))
  if (dept?.head !== actor.userId) throw forbidden('只有该事项窗口的负责人或大厅管理员可以设置预约时段')
}

async function unitItem(db: Db, actor: Actor, itemId: string) {
  const [item] = await db.select({ id: items.id, unitId: items.unitId, deptId: items.deptId, name: items.name }).from(items).where(and(eq(items.id, itemId), eq(items.unitId, actor.unitId)))
  if (!item) throw notFound('事项', itemId)
  return item
}

export async function openSlot({ deps, actor, meta }: Caller, input: SlotInput) {
  const now = deps.now()
  const startsAt = beijing(input.date, input.start)
  const endsAt = beijing(input.date, input.end)
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw badInput({ date: '日期或时间无效' })
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput({ end: '结束时间须晚于开始时间' })
  if (startsAt.getTime() <= now.getTime()) throw badInput({ start: '不能为已经开始的时间段开放预约' })
  return deps.database.db.transaction(async (tx) => {
    const item = await unitItem(tx, actor, input.itemId)
    await assertMayOpenSlots(tx, actor, item)
    const [slot] = await tx
      .insert(appointmentSlots)
      .values({ id: newId(), unitId: item.unitId, itemId: item.id, deptId: item.deptId, date: input.date, startsAt, endsAt, capacity: input.capacity, createdBy: actor.userId, createdAt: now })
      .returning()
    await audit(tx, { actor, meta }, { action: 'appointment.slot_opened', objectType: 'appointment_slot', objectId: slot!.id, detail: { itemId: item.id, date: input.date, start: input.start, end: input.end, capacity: input.capacity } })
    return slotView(slot!, 0, item.name)
  })
}

/** The bookable slots of an item (or of a day), with places left; anyone of the unit may look. */
export async function listSlots(db: Db, actor: Actor, query: { itemId?: string | undefined; date?: string | undefined }) {
  const where: SQL[] = [eq(appointmentSlots.unitId, actor.unitId)]
  if (query.itemId) where.push(eq(appointmentSlots.itemId, query.itemId))
  if (query.date) where.push(eq(appointmentSlots.date, query.date))
  const rows = await db.select({ slot: appointmentSlots, itemName: items.name }).from(appointmentSlots).innerJoin(items, eq(items.id, appointmentSlots.itemId)).where(and(...where)).orderBy(asc(appointmentSlots.startsAt)).limit(500)
  const taken = await takenPlaces(db, rows.map((row) => row.slot.id))
  return rows.map((row) => slotView(row.slot, taken.get(row.slot.id) ?? 0, row.itemName))
}

async function takenPlaces(db: Db, slotIds: string[]): Promise<Map<string, number>> {
  if (!slotIds.length) return new Map()
  const rows = await db
    .select({ slotId: appointmentBookings.slotId, taken: count() })
    .from(appointmentBookings)
    .where(and(inArray(appointmentBookings.slotId, slotIds), inArray(appointmentBookings.status, HOLDING)))
    .groupBy(appointmentBookings.slotId)
  return new Map(rows.map((row) => [row.slotId, Number(row.taken)]))
}

function slotView(slot: SlotRow, taken: number, itemName: string) {
  return {
    id: slot.id,
    itemId: slot.itemId,
    itemName,
    deptId: slot.deptId,
    date: slot.date,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    capacity: slot.capacity,
    available: Math.max(slot.capacity - taken, 0),
  }
}

/** An applicant books a place for themselves: one per slot, while places are left and before it starts. */
export async function book({ deps, actor, meta }: Caller, slotId: string) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    // The slot row is locked so two people cannot take its last place at once (PostgreSQL).
    const [slot] = await tx.select().from(appointmentSlots).where(and(eq(appointmentSlots.id, slotId), eq(appointmentSlots.unitId, actor.unitId))).for('update')
    if (!slot) throw notFound('预约时段', slotId)
    if (slot.startsAt.getTime() <= now.getTime()) throw conflict('SLOT_STARTED', '这个时段已经开始，不能再预约')
    const holding = await tx.select({ id: appointmentBookings.id, applicantId: appointmentBookings.applicantId }).from(appointmentBookings).where(and(eq(appointmentBookings.slotId, slotId), inArray(appointmentBookings.status, HOLDING)))
    if (holding.some((booking) => booking.applicantId === actor.userId)) throw conflict('ALREADY_BOOKED', '您已经预约了这个时段')
    if (holding.length >= slot.capacity) throw conflict('SLOT_FULL', '这个时段已约满，请选择其他时段')
    const [booking] = await tx.insert(appointmentBookings).values({ id: newId(), slotId, unitId: slot.unitId, applicantId: actor.userId, createdAt: now, updatedAt: now }).returning()
    await audit(tx, { actor, meta }, { action: 'appointment.booked', objectType: 'appointment', objectId: booking!.id, detail: { slotId } })
    return bookingById(tx, booking!.id, true)
  })
}

/** My bookings, newest slot first, with the 30-minute rule already applied. */
export async function myBookings({ deps, actor }: Caller) {
  return deps.database.db.transaction(async (tx) => {
    await recordNoShows(tx, actor.unitId, deps.now())
    return bookingsWhere(tx, eq(appointmentBookings.applicantId, actor.userId), true)
  })
}

/** One booking: its applicant, or the staff of its window; anyone else gets 404. */
async function visibleBooking(db: Db, actor: Actor, id: string): Promise<{ booking: BookingRow; slot: SlotRow; staff: boolean }> {
  const [row] = await db.select({ booking: appointmentBookings, slot: appointmentSlots }).from(appointmentBookings).innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId)).where(eq(appointmentBookings.id, id))
  if (!row) throw notFound('预约', id)
  if (row.booking.applicantId === actor.userId) return { ...row, staff: false }
  if (await holdsRole(db, actor, ['window_staff', 'hall_admin', 'unit_admin'], row.slot.unitId, row.slot.deptId)) return { ...row, staff: true }
  throw notFound('预约', id)
}

export async function getBooking({ deps, actor }: Caller, id: string) {
  return deps.database.db.transaction(async (tx) => {
    await recordNoShows(tx, actor.unitId, deps.now())
    const { booking, staff } = await visibleBooking(tx, actor, id)
    return bookingById(tx, booking.id, !staff)
  })
}

export async function cancelBooking({ deps, actor, meta }: Caller, id: string) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    await recordNoShows(tx, actor.unitId, now)
    const { booking } = await visibleBooking(tx, actor, id)
    if (booking.applicantId !== actor.userId) throw forbidden('只有预约人本人可以取消预约')
    if (booking.status !== 'booked') throw conflict('BOOKING_CLOSED', '这个预约已经签到、取消或视为放弃，不能再取消')
    await tx.update(appointmentBookings).set({ status: 'cancelled', updatedAt: now }).where(eq(appointmentBookings.id, id))
    await audit(tx, { actor, meta }, { action: 'appointment.cancelled', objectType: 'appointment', objectId: id })
    return bookingById(tx, id, true)
  })
}

/** Window staff check the person in; past the 30 minutes the booking is already given up. */
export async function checkIn({ deps, actor, meta }: Caller, id: string) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    await recordNoShows(tx, actor.unitId, now)
    const { booking, slot, staff } = await visibleBooking(tx, actor, id)
    if (!staff || !(await holdsRole(tx, actor, ['window_staff'], slot.unitId, slot.deptId))) throw forbidden('只有该窗口的工作人员可以签到')
    if (booking.status === 'given_up') throw conflict('BOOKING_GIVEN_UP', `超过预约时间 ${GIVE_UP_AFTER_MS / 60_000} 分钟未签到，已视为放弃`)
    if (booking.status !== 'booked') throw conflict('BOOKING_CLOSED', '这个预约已经签到或取消')
    await tx.update(appointmentBookings).set({ status: 'checked_in', checkedInBy: actor.userId, updatedAt: now }).where(eq(appointmentBookings.id, id))
    await audit(tx, { actor, meta }, { action: 'appointment.checked_in', objectType: 'appointment', objectId: id })
    return bookingById(tx, id, false)
  })
}

/** A day's bookings at the windows the actor staffs (unit overseers: every window). */
export async function windowBookings({ deps, actor }: Caller, query: { date: string; deptId?: string | undefined }) {
  return deps.database.db.transaction(async (tx) => {
    await recordNoShows(tx, actor.unitId, deps.now())
    const scope = await windowScope(tx, actor)
    if (scope !== 'unit' && !scope.size) throw forbidden('只有窗口工作人员可以查看当天预约')
    const where: SQL[] = [eq(appointmentSlots.unitId, actor.unitId), eq(appointmentSlots.date, query.date)]
    if (scope !== 'unit') where.push(inArray(appointmentSlots.deptId, [...scope]))
    if (query.deptId) where.push(eq(appointmentSlots.deptId, query.deptId))
    return bookingsWhere(tx, and(...where)!, false)
  })
}

async function bookingById(db: Db, id: string, newestFirst: boolean) {
  const [view] = await bookingsWhere(db, eq(appointmentBookings.id, id), newestFirst)
  return view!
}

async function bookingsWhere(db: Db, where: SQL, newestFirst: boolean) {
  const rows = await db
    .select({ booking: appointmentBookings, slot: appointmentSlots, itemName: items.name, deptName: departments.name, applicantName: users.displayName })
    .from(appointmentBookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
    .innerJoin(items, eq(items.id, appointmentSlots.itemId))
    .innerJoin(departments, eq(departments.id, appointmentSlots.deptId))
    .innerJoin(users, eq(users.id, appointmentBookings.applicantId))
    .where(where)
    .orderBy(newestFirst ? desc(appointmentSlots.startsAt) : asc(appointmentSlots.startsAt), asc(appointmentBookings.createdAt))
    .limit(500)
  return rows.map(({ booking, slot, itemName, deptName, applicantName }) => ({
    id: booking.id,
    slotId: slot.id,
    itemId: slot.itemId,
    itemName,
    window: deptName,
    applicantName,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    status: booking.status,
    createdAt: booking.createdAt.toISOString(),
  }))
}
