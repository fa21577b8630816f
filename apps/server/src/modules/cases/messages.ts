/**
 * Messages a case waits for from its applicant (`hall:deliveredBy="initiator"`), such as 销假:
 * the student reports back after leave and the process moves on to the counsellor's confirmation.
 */
import type { Engine, InstanceState, ProcessDefinition } from '@hall/process-engine'
import { eq } from 'drizzle-orm'
import { cases } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, conflict, notFound } from '../../http/errors'
import type { Db } from '../../db/client'
import { audit } from '../audit/record'
import type { CaseRow } from './access'
import { withEngine } from './engine'
import type { Caller } from './service'

export interface AwaitedMessage {
  messageName: string
  elementId: string
  /** The waiting step's name (假满返校销假), else its id. */
  label: string
}

/** The part of an instance's state that says what it waits for (the case list reads only this). */
export type AwaitState = Pick<InstanceState, 'status' | 'tokens' | 'subscriptions'>

/**
 * The messages the instance now waits for that its initiator may deliver. The engine delivers a
 * message to the FIRST waiting catcher of that name, so a name is offered only when that first
 * catcher is one the initiator delivers to.
 */
export function awaitedByInitiator(state: AwaitState, definition: ProcessDefinition): AwaitedMessage[] {
  if (state.status !== 'active') return []
  const live = new Set(state.tokens.map((token) => token.id))
  const seen = new Set<string>()
  const awaited: AwaitedMessage[] = []
  for (const subscription of state.subscriptions) {
    if (seen.has(subscription.message) || !live.has(subscription.tokenId)) continue
    seen.add(subscription.message)
    const element = definition.elements[subscription.element]
    if (element?.deliveredBy !== 'initiator') continue
    awaited.push({ messageName: subscription.message, elementId: element.id, label: element.name ?? element.id })
  }
  return awaited
}

/** What the case's instance waits for from its applicant now (the case page's buttons). */
export async function awaitingOf(engine: Engine, instanceId: string): Promise<AwaitedMessage[]> {
  const state = await engine.getInstance(instanceId)
  return state ? awaitedByInitiator(state, await engine.definition(state.definitionId)) : []
}

/** Every message name the process knows (catch events, receive tasks, boundaries, message starts). */
function messageNames(definition: ProcessDefinition): Set<string> {
  const names = new Set<string>()
  for (const element of Object.values(definition.elements)) if (element.trigger?.kind === 'message') names.add(element.trigger.name)
  return names
}

/** The case as its applicant; anyone else (even someone who may see it) gets 404: the message is not theirs to send. */
async function applicantsCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  if (!row || row.applicantId !== actor.userId) throw notFound('办件', caseId)
  return row
}

/**
 * The applicant delivers `messageName` to their case's process (one transaction with its audit
 * record): 400 for a name the process does not know, 409 MESSAGE_NOT_AWAITED when the case is not
 * waiting for it from the applicant now.
 */
export async function deliverMessage({ deps, actor, meta }: Caller, caseId: string, input: { messageName: string; comment?: string | undefined }): Promise<void> {
  const row = await applicantsCase(deps.database.db, actor, caseId)
  const notAwaited = () => conflict('MESSAGE_NOT_AWAITED', '办件当前没有在等您办理这一步', { messageName: `办件当前不等待 ${input.messageName}` })
  const instanceId = row.instanceId
  if (!instanceId) throw notAwaited()
  await withEngine(deps, async (tx, engine) => {
    const state = await engine.getInstance(instanceId)
    if (!state) throw notAwaited()
    const definition = await engine.definition(state.definitionId)
    if (!messageNames(definition).has(input.messageName)) throw badInput({ messageName: `该办件的流程没有消息 ${input.messageName}` })
    if (!awaitedByInitiator(state, definition).some((m) => m.messageName === input.messageName)) throw notAwaited()
    const delivered = await engine.correlate(instanceId, input.messageName, {}, { by: actor.userId, ...(input.comment ? { comment: input.comment } : {}) })
    if (!delivered) throw notAwaited()
    await audit(tx, { actor, meta }, { action: 'case.message_delivered', objectType: 'case', objectId: caseId, detail: { messageName: input.messageName, ...(input.comment ? { comment: input.comment } : {}) } })
  })
}
