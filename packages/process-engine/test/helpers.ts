/** Shared test wiring: an engine over a memory store, a fake clock and the example org. */
import { createEngine, createMemoryStore, createOrgResolver, type EngineOptions, type OrgFixture } from '../src/index'
import { createFakeClock } from '../src/testing/fake-clock'

export const org: OrgFixture = {
  users: [
    { id: 'u1', dept: 'window1' },
    { id: 'u2', dept: 'window1', posts: ['supervision'], roles: ['clerk'] },
    { id: 'u3', dept: 'window1', roles: ['clerk'] },
    { id: 'head1', dept: 'window1' },
    { id: 'dir', dept: 'center', roles: ['deputyDirector'] },
    { id: 'boss', dept: 'center', roles: ['director'] },
    { id: 'admin', dept: 'center', roles: ['unitAdmin'] },
  ],
  depts: [
    { id: 'center', parent: null, head: 'boss' },
    { id: 'window1', parent: 'center', head: 'head1' },
  ],
  posts: [{ id: 'supervision', a: 'u2', b: ['u3'] }],
  absent: [],
}

export function setup(options: Partial<EngineOptions> & { org?: OrgFixture } = {}) {
  const clock = createFakeClock('2026-09-29T10:00:00+08:00')
  const store = createMemoryStore()
  let n = 0
  const engine = createEngine({ store, clock, resolver: createOrgResolver(options.org ?? org), newId: () => `i${++n}`, ...options })
  const openTasks = (instanceId: string) => engine.findTasks({ instanceId, status: 'open' })
  const types = async (instanceId: string) => (await engine.history(instanceId)).map((e) => e.type)
  return { engine, clock, store, openTasks, types }
}

/** Wrap flow elements into a BPMN document. */
export function bpmn(body: string, processAttrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:test">
  <bpmn:process id="P" isExecutable="true"${processAttrs}>${body}</bpmn:process>
</bpmn:definitions>`
}

/** `a->b` sequence flows; `a-(cond)->b` with a FEEL condition. */
export function flows(...specs: string[]): string {
  return specs
    .map((spec, i) => {
      const m = /^(\w+)(?:-\((.+)\))?->(\w+)(?:#(\w+))?$/.exec(spec)
      if (!m) throw new Error(`bad flow ${spec}`)
      const id = m[4] ?? `f${i}`
      const cond = m[2] ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${m[2].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</bpmn:conditionExpression>` : ''
      return `<bpmn:sequenceFlow id="${id}" sourceRef="${m[1]}" targetRef="${m[3]}">${cond}</bpmn:sequenceFlow>`
    })
    .join('\n')
}
