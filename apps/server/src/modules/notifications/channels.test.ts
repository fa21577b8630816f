import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { channelsFor } from './channels'
import type { NotificationView } from './view'

const message: NotificationView = { id: 'n1', kind: 'case.completed', title: '您的办件已办结', body: '学生请假（20261123-0001）', link: '/cases/c1', caseId: 'c1', createdAt: '2026-11-23T01:00:00.000Z', readAt: null }

describe('log-only email and SMS channels', () => {
  it('log what they would send with the address and phone masked', async () => {
    const lines: Record<string, unknown>[] = []
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) })
    const [email, sms] = channelsFor(['email', 'sms'], log)
    await email!.send(message, { id: 'u1', email: 'li.ming@example.edu.cn', phone: '13956001001' })
    await sms!.send(message, { id: 'u1', email: null, phone: '13956001001' })
    expect(lines.map((line) => [line.channel, line.to])).toEqual([
      ['email', 'l***@example.edu.cn'],
      ['sms', '139****1001'],
    ])
    expect(JSON.stringify(lines)).not.toContain('13956001001')
  })

  it('skip a person without that address', async () => {
    const lines: string[] = []
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
    for (const channel of channelsFor(['email', 'sms'], log)) await channel.send(message, { id: 'u1', email: null, phone: null })
    expect(lines).toEqual([])
  })
})
