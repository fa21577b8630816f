import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { publishItem, type PublishedItem } from '../../../test/published-item'
import { licence } from '../../../test/window-item'

interface Match { id: string; name: string; phone: string | null; idNumber: string | null }
interface ErrorBody { error: { code: string; fields: Record<string, string> } }

describe.each(testDatabases)('identifying the applicant at the desk on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, licence)
  })
  const lookUp = async (username: string, query: Record<string, string>) =>
    (await h.as(username)).get(`/api/cases/desk/applicants?${new URLSearchParams({ itemId: item.itemId, ...query })}`)

  it('finds the person by resident ID number or mobile, shows them masked, and audits the look-up', async () => {
    const byId = await json<{ items: Match[] }>(await lookUp('county.market.2', { idNumber: '341524199007080129' }))
    expect(byId.items).toEqual([expect.objectContaining({ name: '李娜', phone: '139****1202', idNumber: '341524********0129' })])
    const byPhone = await json<{ items: Match[] }>(await lookUp('county.market.2', { phone: '13905641202' }))
    expect(byPhone.items.map((match) => match.id)).toEqual([byId.items[0]!.id])
    expect((await json<{ items: Match[] }>(await lookUp('county.market.2', { phone: '13900000000' }))).items).toEqual([])
    const audited = await h.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, item.itemId), eq(auditLog.action, 'case.desk_applicant_looked_up')))
    expect(audited.length).toBeGreaterThanOrEqual(3)
  })

  it('refuses an ID number with a wrong check digit, or none or two ways of identifying, naming the field', async () => {
    const bad = await lookUp('county.market.2', { idNumber: '341524199007080128' })
    expect(bad.status).toBe(400)
    expect((await json<ErrorBody>(bad)).error.fields).toHaveProperty('idNumber')
    expect((await lookUp('county.market.2', {})).status).toBe(400)
    expect((await lookUp('county.market.2', { idNumber: '341524199007080129', phone: '13905641202' })).status).toBe(400)
  })

  it('lets only the item’s window look people up: another window and an applicant get 403, an unknown item 404', async () => {
    expect((await lookUp('county.hr.2', { phone: '13905641202' })).status).toBe(403)
    expect((await lookUp('citizen.li', { phone: '13905641202' })).status).toBe(403)
    const unknown = await (await h.as('county.market.2')).get('/api/cases/desk/applicants?itemId=no-such-item&phone=13905641202')
    expect(unknown.status).toBe(404)
  })
})
