import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'

/** A leave process: the initiator's department head reviews, more than 3 days go to the director post. */
const leave = (postId = 'P') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:test">
  <bpmn:process id="Process_leave" isExecutable="true" hall:promise="5wd">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_head" />
    <bpmn:userTask id="Task_head" name="科室负责人审核" hall:assignee="deptHead:1" hall:due="1wd" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_head" targetRef="Gw" />
    <bpmn:exclusiveGateway id="Gw" default="f_short" />
    <bpmn:sequenceFlow id="f_short" sourceRef="Gw" targetRef="End" />
    <bpmn:sequenceFlow id="f_long" sourceRef="Gw" targetRef="Task_deputy">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:userTask id="Task_deputy" name="分管领导审批" hall:assignee="post:${postId}" hall:due="2wd" />
    <bpmn:sequenceFlow id="f3" sourceRef="Task_deputy" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

interface Problems { problems: { elementId?: string; message: string; line?: number }[] }
interface Trace { ok: boolean; trace: { type: string; element?: string; assignees?: string[]; due?: string }[]; failures: string[] }

describe.each(testDatabases)('process definitions check and test run on $name', (kind) => {
  const h = useHarness(kind)
  const userId = async (username: string) => {
    const admin = await h.as('county.hall')
    const { items } = await json<{ items: { id: string; username: string }[] }>(await admin.get(`/api/org/users?q=${username}`))
    return items.find((u) => u.username === username)!.id
  }

  it('finds nothing wrong with a definition the engine would deploy', async () => {
    const designer = await h.as('county.hall')
    const response = await designer.post('/api/definitions/validate', { bpmn: leave() })
    expect(response.status).toBe(200)
    expect((await json<Problems>(response)).problems).toEqual([])
  })

  it('names the element of every problem: unsupported signal events, a bad deadline, broken FEEL', async () => {
    const designer = await h.as('county.hall')
    const bad = leave()
      .replace('hall:due="1wd"', 'hall:due="soon"')
      .replace('=days &gt; 3', '=days &gt; &gt; 3')
      .replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End"><bpmn:signalEventDefinition id="Sig" /></bpmn:endEvent>')
    const { problems } = await json<Problems>(await designer.post('/api/definitions/validate', { bpmn: bad }))
    const ids = problems.map((p) => p.elementId)
    expect(ids).toContain('Task_head')
    expect(ids).toContain('f_long')
    expect(problems.some((p) => /signal/i.test(p.message))).toBe(true)
  })

  it('refuses hostile XML (entity declarations) before parsing it, and says where malformed XML breaks', async () => {
    const designer = await h.as('county.hall')
    const hostile = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&a;</bpmn:definitions>'
    const first = await json<Problems>(await designer.post('/api/definitions/validate', { bpmn: hostile }))
    expect(first.problems.length).toBeGreaterThan(0)
    const malformed = await json<Problems>(await designer.post('/api/definitions/validate', { bpmn: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="P">\n</bpmn:definitions>' }))
    expect(malformed.problems[0]?.message).toMatch(/Malformed XML/)
    expect(malformed.problems[0]?.elementId).toBeUndefined()
  })

  it('rejects a request without a BPMN document, naming the field', async () => {
    const designer = await h.as('county.hall')
    const response = await designer.post('/api/definitions/validate', { bpmn: '' })
    expect(response.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(response)).error.fields).toHaveProperty('bpmn')
  })

  it('lets only designers use the checks: a window clerk gets 403, a visitor 401', async () => {
    const clerk = await h.as('county.intake.1')
    expect((await clerk.post('/api/definitions/validate', { bpmn: leave() })).status).toBe(403)
    expect((await h.anonymous.post('/api/definitions/validate', { bpmn: leave() })).status).toBe(401)
  })

  it("runs a test run with the unit's real people: the initiator's department head, then the post holder standing in", async () => {
    const designer = await h.as('county.hall')
    const { items: postsList } = await json<{ items: { id: string; code: string }[] }>(await designer.get('/api/org/posts'))
    const deputyPost = postsList.find((p) => p.code === 'P-DEPUTY')!.id
    const [initiator, supervisor, director] = await Promise.all([userId('county.sup2'), userId('county.sup'), userId('county.director')])
    const response = await designer.post('/api/definitions/simulate', {
      bpmn: leave(deputyPost),
      // The deputy is away on 2026-11-24/25 (demo absence), so the B holder, the director, acts.
      scenario: { start: { at: '2026-11-24T10:00:00+08:00', initiator, variables: { days: 5 } }, steps: [{ complete: 'Task_head', outcome: 'agree' }, { complete: 'Task_deputy', outcome: 'agree' }] },
      org: 'unit',
    })
    expect(response.status).toBe(200)
    const result = await json<Trace>(response)
    expect(result.ok).toBe(true)
    const created = result.trace.filter((l) => l.type === 'task.created')
    expect(created.map((l) => [l.element, l.assignees])).toEqual([['Task_head', [supervisor]], ['Task_deputy', [director]]])
    expect(created[0]?.due).toBe('2026-11-25T18:00:00+08:00')
    expect(result.trace.at(-2)?.type).toBe('process.completed')
  })

  it('reports a step for a task that is not waiting as a failure, not an error', async () => {
    const designer = await h.as('county.hall')
    const result = await json<Trace>(await designer.post('/api/definitions/simulate', {
      bpmn: leave(),
      scenario: { start: { at: '2026-11-24T10:00:00+08:00', initiator: 'u1', variables: { days: 1 } }, steps: [{ complete: 'Task_deputy' }] },
      org: { users: [{ id: 'u1', dept: 'd1' }], depts: [{ id: 'd1', head: 'boss' }] },
    }))
    expect(result.ok).toBe(false)
    expect(result.failures[0]).toMatch(/Task_deputy/)
  })

  it('rejects a malformed scenario with the field named', async () => {
    const designer = await h.as('county.hall')
    const response = await designer.post('/api/definitions/simulate', { bpmn: leave(), scenario: { start: { at: 'yesterday', initiator: 'u1' }, steps: [] } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('scenario.start.at')
  })
})
