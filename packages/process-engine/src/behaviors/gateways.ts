/** Exclusive, parallel, inclusive and event-based gateways. */
import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import type { Token } from '../runtime/state'
import { arm } from './catch'
import type { Behavior } from './types'

/** Outgoing flows whose condition holds; undefined after an incident. */
function matchingFlows(run: Run, token: Token, gateway: ElementDef, firstOnly: boolean): string[] | undefined {
  const taken: string[] = []
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlow) continue
    const condition = run.def.flows[flowId]!.condition
    if (!condition) {
      taken.push(flowId)
    } else {
      const result = condition.evaluate(run.variablesAt(token))
      if ('error' in result) {
        run.incident(token, `Expected condition '=${condition.source}' on ${flowId} to evaluate, but it failed: ${result.error}`)
        return undefined
      }
      if (typeof result.value !== 'boolean' && result.value !== null) {
        run.incident(token, `Expected condition '=${condition.source}' on ${flowId} to be true or false, but got ${JSON.stringify(result.value)}`)
        return undefined
      }
      if (result.value === true) taken.push(flowId)
    }
    if (firstOnly && taken.length) return taken
  }
  if (!taken.length && gateway.defaultFlow) taken.push(gateway.defaultFlow)
  if (!taken.length) run.incident(token, `Expected a flow leaving ${gateway.id} to match, but no condition held and there is no default flow`)
  return taken.length ? taken : undefined
}

export const exclusiveGateway: Behavior = {
  enter(run, token, gateway) {
    const flows = matchingFlows(run, token, gateway, true)
    if (flows) run.leave(token, flows)
  },
}

export const parallelGateway: Behavior = {
  enter(run, token, gateway) {
    token.waiting = 'join'
    // Only arrivals in the same scope join: inner instances of a multi-instance sub-process run the same elements.
    const waiting = run.state.tokens.filter((t) => t.element === gateway.id && t.waiting === 'join' && t.scope === token.scope)
    const arrived = new Map<string, Token>()
    for (const t of waiting) if (t.via && !arrived.has(t.via)) arrived.set(t.via, t)
    if (gateway.incoming.length > 1 && gateway.incoming.some((f) => !arrived.has(f))) return
    run.emit('activity.entered', { element: gateway.id })
    const consumed = gateway.incoming.length > 1 ? [...arrived.values()] : [token]
    for (const t of consumed.slice(1)) run.removeToken(t)
    run.leave(consumed[0]!)
  },
}

/** An inclusive join (with `token` waiting at it) fires once no token elsewhere in its scope can still reach it. */
export function inclusiveJoinReady(run: Run, gateway: ElementDef, token: Token): boolean {
  const upstream = run.def.upstream[gateway.id]
  if (!upstream) return true
  return !run.state.tokens.some((t) => t.element !== gateway.id && t.scope === token.scope && upstream.has(t.element))
}

export const inclusiveGateway: Behavior = {
  enter(run, token, gateway) {
    token.waiting = 'join'
    if (!inclusiveJoinReady(run, gateway, token)) return
    fireInclusive(run, token, gateway)
  },
}

/** Merge every token waiting at the join into `token`, then split by conditions. */
export function fireInclusive(run: Run, token: Token, gateway: ElementDef): void {
  run.emit('activity.entered', { element: gateway.id })
  for (const t of run.state.tokens.filter((t) => t.element === gateway.id && t.id !== token.id && t.scope === token.scope)) run.removeToken(t)
  delete token.waiting
  const flows = matchingFlows(run, token, gateway, false)
  if (flows) run.leave(token, flows)
}

export const eventBasedGateway: Behavior = {
  async enter(run, token, gateway) {
    token.waiting = 'event'
    for (const flowId of gateway.outgoing) await arm(run, token, run.element(run.def.flows[flowId]!.target))
  },
}
