/**
 * Parsing of `hall:` attribute values (README "Hall extension"). Each parser throws an
 * Error whose message goes into the deploy problem list under the element's id.
 */
import { parseAssignees } from '../assignment/spec'
import { parseDeadline } from '../time/duration'
import type { DeadlineSpec } from '../time/duration'
import { DeliveredBy, FieldMode, ItemType, type ApprovalMode, type TimeoutAction } from './model'

export function parseApproval(text: string): ApprovalMode {
  if (text === 'single' || text === 'all' || text === 'any' || text === 'sequential') return { kind: text }
  const ratio = /^ratio:(\d*\.?\d+)$/.exec(text)
  if (ratio) {
    const value = Number(ratio[1])
    if (value > 0 && value <= 1) return { kind: 'ratio', ratio: value }
  }
  throw new Error(`Expected hall:approval single, all, any, sequential or ratio:<0..1>, but got '${text}'`)
}

export function parseHallDeadline(attribute: string, text: string): DeadlineSpec {
  const spec = parseDeadline(text)
  if (!spec) throw new Error(`Expected ${attribute} like 5wd, 3d, 4h, 30m or an ISO duration, but got '${text}'`)
  return spec
}

export function parseTimeout(text: string): TimeoutAction {
  if (text === 'remind' || text === 'approve' || text === 'reject') return { kind: text }
  if (text.startsWith('escalate:')) return { kind: 'escalate', to: parseAssignees(text.slice('escalate:'.length)) }
  throw new Error(`Expected hall:onTimeout remind, approve, reject or escalate:<assignee>, but got '${text}'`)
}

export function parseItemType(text: string): ItemType {
  if ((ItemType as readonly string[]).includes(text)) return text as ItemType
  throw new Error(`Expected hall:itemType one of ${ItemType.join(', ')}, but got '${text}'`)
}

export function parseFieldMode(text: string): FieldMode {
  if ((FieldMode as readonly string[]).includes(text)) return text as FieldMode
  throw new Error(`Expected hall:fieldPermission mode ${FieldMode.join(', ')}, but got '${text}'`)
}

export function parseSkipIfUnchanged(text: string): boolean {
  if (text === 'true' || text === 'false') return text === 'true'
  throw new Error(`Expected hall:skipIfUnchanged true or false, but got '${text}'`)
}

export function parseDeliveredBy(text: string): DeliveredBy {
  if ((DeliveredBy as readonly string[]).includes(text)) return text as DeliveredBy
  throw new Error(`Expected hall:deliveredBy ${DeliveredBy.join(', ')}, but got '${text}'`)
}
