import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { dcCollected, dcPeople, users } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { useHarness } from '../../../../test/harness'
import { writeBack, WriteBackError, type WriteBackInput } from './write-back'

/** A reimbursement form: contact details go back to the person, each expense row to a ledger. */
const expenseForm = {
  type: 'object',
  properties: {
    applicant: { type: 'string', 'x-collect': 'expense-ledger' },
    phone: { type: 'string', 'x-collect': 'dc:person.phone' },
    email: { type: 'string', 'x-collect': 'dc:person.email' },
    expenses: {
      type: 'array',
      items: { type: 'object', properties: { item: { type: 'string', 'x-collect': 'expense-ledger' }, amount: { type: 'number', 'x-collect': 'expense-ledger' } } },
    },
  },
} as const

const data = {
  applicant: '李明',
  phone: '13912345678',
  email: 'liming@example.edu.cn',
  expenses: [{ item: '=HYPERLINK("x")', amount: 120.5 }, { item: '打印费', amount: 30 }],
}

describe.each(testDatabases)('write-back on $name', (kind) => {
  const h = useHarness(kind)
  const subjectOf = async (username: string) => {
    const [user] = await h.database.db.select({ id: users.id, unitId: users.unitId }).from(users).where(eq(users.username, username))
    return user!
  }
  const input = async (username: string, overrides: Partial<WriteBackInput> = {}): Promise<WriteBackInput> => {
    const user = await subjectOf(username)
    return { unitId: user.unitId, caseId: `case-${username}`, itemKey: 'expense-claim', schema: expenseForm, data, subject: { userId: user.id }, ...overrides }
  }
  const personOf = async (username: string) => {
    const user = await subjectOf(username)
    const [person] = await h.database.db.select().from(dcPeople).where(eq(dcPeople.userId, user.id))
    return person!
  }
  const collectedOf = (caseId: string) => h.database.db.select().from(dcCollected).where(eq(dcCollected.caseId, caseId))

  it("updates the subject's phone and e-mail and adds one ledger record per expense row", async () => {
    const given = await input('stu.2023001')
    const result = await h.database.db.transaction(async (tx) => writeBack(tx, given))
    expect(result).toEqual({ personColumns: ['phone', 'email'], records: 2 })
    expect(await personOf('stu.2023001')).toMatchObject({ phone: '13912345678', email: 'liming@example.edu.cn' })
    const records = (await collectedOf('case-stu.2023001')).map((r) => [r.target, r.itemKey, r.record])
    expect(records).toEqual([
      ['expense-ledger', 'expense-claim', { applicant: '李明', item: '=HYPERLINK("x")', amount: 120.5 }],
      ['expense-ledger', 'expense-claim', { applicant: '李明', item: '打印费', amount: 30 }],
    ])
  })

  it('refuses a column that is master data, naming the form field, and the whole transaction rolls back', async () => {
    const before = await personOf('stu.2023002')
    const schema = { ...expenseForm, properties: { ...expenseForm.properties, applicant: { type: 'string', 'x-collect': 'dc:person.name' } } } as const
    const given = await input('stu.2023002', { schema })
    const attempt = h.database.db.transaction(async (tx) => {
      // The caller's own write (the case's completion) happens first in the same transaction.
      await tx.update(dcPeople).set({ title: '已办结' }).where(eq(dcPeople.id, before.id))
      await writeBack(tx, given)
    })
    await expect(attempt).rejects.toThrow(WriteBackError)
    await expect(attempt).rejects.toMatchObject({ status: 422, fields: { applicant: '写回目标 dc:person.name 不存在或不允许写入' } })
    expect(await personOf('stu.2023002')).toEqual(before)
    expect(await collectedOf('case-stu.2023002')).toEqual([])
  })

  it('refuses an invalid phone number instead of storing it', async () => {
    const given = await input('stu.2023003', { data: { ...data, phone: '12345' } })
    const attempt = h.database.db.transaction(async (tx) => writeBack(tx, given))
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_BACK_FAILED', fields: { phone: '联系电话格式不正确，无法写回数据中心' } })
    expect(await collectedOf('case-stu.2023003')).toEqual([])
  })

  it("is undone when the caller's transaction fails after it", async () => {
    const before = await personOf('stu.2023004')
    const given = await input('stu.2023004')
    const attempt = h.database.db.transaction(async (tx) => {
      await writeBack(tx, given)
      throw new Error('completion failed later')
    })
    await expect(attempt).rejects.toThrow('completion failed later')
    expect(await personOf('stu.2023004')).toEqual(before)
    expect(await collectedOf('case-stu.2023004')).toEqual([])
  })

  it('refuses a subject who is not in the unit’s data center', async () => {
    const county = await subjectOf('county.admin')
    const given = await input('stu.2023005', { unitId: county.unitId })
    const attempt = h.database.db.transaction(async (tx) => writeBack(tx, given))
    await expect(attempt).rejects.toMatchObject({ fields: { subject: '申请人不在本单位数据中心' } })
    expect(await collectedOf('case-stu.2023005')).toEqual([])
  })
})
