import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bpmn, setup } from '../../test/helpers'

/** Block-structured processes: every split has its matching join, so every run can finish. */
type Block = { task: true } | { seq: Block[] } | { par: Block[] } | { xor: Block[] } | { or: Block[] } | { sub: Block } | { multi: Block; sequential: boolean; n: number }

const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ task: true } as const),
    fc.record({ seq: fc.array(tie('block'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ par: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ xor: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ or: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ sub: tie('block') }),
    // Multi-instance sub-processes: 0–2 inner instances, each a scope of its own.
    fc.record({ multi: tie('block'), sequential: fc.boolean(), n: fc.nat(2) }),
  ),
})).block

function render(root: Block): { xml: string; tasks: number } {
  let parts: string[] = []
  let n = 0
  let tasks = 0
  const flow = (from: string, to: string, condition?: string) => {
    const id = `f${++n}`
    const body = condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>` : ''
    parts.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${body}</bpmn:sequenceFlow>`)
    return id
  }
  const walk = (b: Block): [string, string] => {
    if ('task' in b) {
      const id = `T${++n}`
      tasks++
      parts.push(`<bpmn:userTask id="${id}" hall:assignee="user:u${n % 3}"/>`)
      return [id, id]
    }
    if ('sub' in b || 'multi' in b) {
      const id = `S${++n}`
      const outer = parts
      parts = []
      const [entry, exit] = walk('sub' in b ? b.sub : b.multi)
      flow(`${id}s`, entry)
      flow(exit, `${id}e`)
      const loop = 'multi' in b ? `<bpmn:multiInstanceLoopCharacteristics isSequential="${b.sequential}"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=${b.n}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>` : ''
      outer.push(`<bpmn:subProcess id="${id}">${loop}<bpmn:startEvent id="${id}s"/><bpmn:endEvent id="${id}e"/>${parts.join('')}</bpmn:subProcess>`)
      parts = outer
      return [id, id]
    }
    if ('seq' in b) {
      const inner = b.seq.map(walk)
      inner.slice(1).forEach(([entry], i) => flow(inner[i]![1], entry))
      return [inner[0]![0], inner.at(-1)![1]]
    }
    const kind = 'par' in b ? 'parallel' : 'xor' in b ? 'exclusive' : 'inclusive'
    const branches = 'par' in b ? b.par : 'xor' in b ? b.xor : b.or
    const split = `G${++n}`
    const join = `J${++n}`
    const defaultId = `fd${split}`
    parts.push(`<bpmn:${kind}Gateway id="${split}"${kind === 'parallel' ? '' : ` default="${defaultId}"`}/><bpmn:${kind}Gateway id="${join}"/>`)
    branches.forEach((branch, i) => {
      const [entry, exit] = walk(branch)
      const last = i === branches.length - 1
      if (kind !== 'parallel' && last) parts.push(`<bpmn:sequenceFlow id="${defaultId}" sourceRef="${split}" targetRef="${entry}"/>`)
      else flow(split, entry, kind === 'parallel' ? undefined : `=pick${kind === 'inclusive' ? ' &gt;=' : ' ='} ${i}`)
      flow(exit, join)
    })
    return [split, join]
  }
  const [entry, exit] = walk(root)
  flow('start', entry)
  flow(exit, 'end')
  return { xml: bpmn(`<bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>${parts.join('')}`), tasks }
}

describe('property: random block-structured processes', () => {
  it('every instance waits only on named elements with open tasks, and ends once every task is done', async () => {
    await fc.assert(
      fc.asyncProperty(block, fc.nat(3), fc.array(fc.nat(), { minLength: 50, maxLength: 50 }), async (root, pick, choices) => {
        const { xml } = render(root)
        const t = setup()
        const def = await t.engine.deploy(xml)
        const id = await t.engine.start({ definitionId: def.id, initiator: 'u0', variables: { pick } })
        for (let step = 0; ; step++) {
          const state = (await t.engine.getInstance(id))!
          const open = await t.openTasks(id)
          if (state.status !== 'active') {
            expect(state.status).toBe('completed')
            expect(state.tokens).toEqual([])
            expect(open).toEqual([])
            return
          }
          expect(state.incidents).toEqual([])
          // Conservation: every live token waits somewhere named; tasks and task tokens match one to one.
          for (const token of state.tokens) {
            expect(token.waiting).toBeTruthy()
            expect(token.element).toMatch(/^[TJGS]\d+$/)
          }
          const taskTokens = state.tokens.filter((k) => k.waiting === 'task').map((k) => k.id).sort()
          expect(open.map((k) => k.tokenId).sort()).toEqual(taskTokens)
          expect(open.length).toBeGreaterThan(0)
          const task = open[choices[step % choices.length]! % open.length]!
          await t.engine.complete(task.id, { by: task.assignee! })
        }
      }),
      { numRuns: 150 },
    )
  }, 60_000)
})
