import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors'
import { bpmn, flows, setup } from '../../test/helpers'

// Given an approval chain with a 会签 step, a parallel block and a loop back on disagreement:
const xml = bpmn(`<bpmn:startEvent id="s"/>
  <bpmn:userTask id="Apply" hall:assignee="user:u1"/>
  <bpmn:userTask id="Joint" hall:assignee="user:u2,user:u3" hall:approval="all"/>
  <bpmn:exclusiveGateway id="g" default="ok"/>
  <bpmn:parallelGateway id="split"/><bpmn:userTask id="A" hall:assignee="user:dir"/><bpmn:userTask id="B" hall:assignee="role:clerk"/><bpmn:parallelGateway id="join"/>
  <bpmn:userTask id="Final" hall:assignee="user:boss" hall:approval="sequential"/><bpmn:endEvent id="e"/>
  ${flows('s->Apply', 'Apply->Joint', 'Joint->g', 'g-(=approvals.Joint = "disagree")->Apply', 'g->split#ok', 'split->A', 'split->B', 'A->join', 'B->join', 'join->Final', 'Final->e')}`)

const action = fc.record({
  kind: fc.constantFrom('agree', 'disagree', 'return', 'reject', 'transfer', 'delegate', 'signBefore', 'signAfter', 'withdraw', 'reassign'),
  pick: fc.nat(),
  user: fc.constantFrom('u1', 'u2', 'u3', 'dir', 'boss', 'head1'),
})

describe('property: random approval actions', () => {
  it('never fail with anything but typed errors, and keep tasks and tokens in step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40 }), async (actions) => {
        const t = setup()
        const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
        for (const a of actions) {
          const state = (await t.engine.getInstance(id))!
          if (state.status !== 'active') break
          const open = await t.openTasks(id)
          const task = open[a.pick % Math.max(open.length, 1)]
          const actor = task?.assignee ?? task?.candidates[0] ?? 'u1'
          const attempt = async () => {
            if (a.kind === 'withdraw') return t.engine.withdraw(id, { by: 'u1' })
            if (!task) return
            if (a.kind === 'agree' || a.kind === 'disagree') return t.engine.complete(task.id, { by: actor, outcome: a.kind })
            if (a.kind === 'return') return t.engine.returnTo(task.id, { by: actor, target: state.completions[0]?.element ?? 'Apply' })
            if (a.kind === 'reject') return t.engine.reject(task.id, { by: actor })
            if (a.kind === 'transfer') return t.engine.transfer(task.id, { by: actor, to: a.user })
            if (a.kind === 'delegate') return t.engine.delegate(task.id, { by: actor, to: a.user })
            if (a.kind === 'reassign') return t.engine.reassign(task.id, { by: 'admin', to: a.user, reason: 'test' })
            return t.engine.addSigner(task.id, { by: actor, users: [a.user], position: a.kind === 'signBefore' ? 'before' : 'after' })
          }
          await attempt().catch((error: unknown) => {
            if (!(error instanceof EngineError)) throw error
          })
          const after = (await t.engine.getInstance(id))!
          expect(after.incidents).toEqual([])
          const live = (await t.engine.findTasks({ instanceId: id })).filter((k) => k.status === 'open' || k.status === 'waiting')
          const taskTokens = new Set(after.tokens.filter((k) => k.waiting === 'task').map((k) => k.id))
          for (const k of live) expect(taskTokens.has(k.tokenId)).toBe(true)
          for (const tokenId of taskTokens) expect(live.some((k) => k.tokenId === tokenId)).toBe(true)
          if (after.status !== 'active') expect(live).toEqual([])
        }
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
