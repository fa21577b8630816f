import { describe, expect, it } from 'vitest'
import { withoutUnsupported } from './engine-palette'

describe('palette and menus limited to what the engine runs', () => {
  it('drops pools, data, groups and signal/escalation/compensation/conditional/link events, keeps the rest', () => {
    const ids = [
      'create.start-event', 'create.task', 'create.exclusive-gateway', 'create.subprocess-expanded', 'create.participant-expanded', 'create.data-object', 'create.data-store', 'create.group',
      'replace-with-signal-start', 'replace-with-escalation-end', 'replace-with-compensation-end', 'replace-with-conditional-intermediate-catch', 'replace-with-link-intermediate-throw',
      'replace-with-send-task', 'replace-with-rule-task', 'replace-with-complex-gateway', 'replace-with-transaction', 'replace-with-user-task', 'replace-with-timer-boundary', 'replace-with-message-start',
    ]
    const kept = Object.keys(withoutUnsupported(Object.fromEntries(ids.map((id) => [id, {}]))))
    expect(kept).toEqual(['create.start-event', 'create.task', 'create.exclusive-gateway', 'create.subprocess-expanded', 'replace-with-user-task', 'replace-with-timer-boundary', 'replace-with-message-start'])
  })
})
