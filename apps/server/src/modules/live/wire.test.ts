import { describe, expect, it } from 'vitest'
import { MAX_PAYLOAD_BYTES, parsePayload, toPayloads } from './wire'

describe('live events on the wire', () => {
  it('splits a task handed to more candidates than one NOTIFY payload holds, naming each once and in order', () => {
    const userIds = Array.from({ length: 1_000 }, (_, n) => `user-${String(n).padStart(6, '0')}-${'x'.repeat(10)}`)
    const payloads = toPayloads({ type: 'task.created', taskId: 't1', caseId: 'c1', userIds })

    expect(payloads.length).toBeGreaterThan(1)
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES)
    const parts = payloads.map((payload) => parsePayload(payload))
    expect(parts.every((part) => part?.t === 'task.created' && part.task === 't1' && part.case === 'c1')).toBe(true)
    expect(parts.flatMap((part) => (part?.t === 'task.created' ? part.users : []))).toEqual(userIds)
  })

  it('sends a case or a notification by id only, never the document', () => {
    const [notice] = toPayloads({ type: 'notification', userId: 'u1', notification: { id: 'n1', kind: 'task.assigned', title: '新的待办', body: '张三的身份证号…', link: '/tasks/t1', caseId: null, createdAt: '', readAt: null } })
    expect(parsePayload(notice!)).toEqual({ t: 'notification', id: 'n1' })
  })

  it('ignores a payload some other program sent on the channel', () => {
    expect(parsePayload('hello')).toBeNull()
    expect(parsePayload(JSON.stringify({ t: 'case.changed' }))).toBeNull()
  })
})
