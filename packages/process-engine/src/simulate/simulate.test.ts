import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { OrgFixture } from '../assignment/org-fixture'
import { runSimulateCli } from '../cli/simulate'
import { simulate } from './simulate'
import type { Scenario, TraceLine } from './scenario'

const example = (name: string) => new URL(`../../examples/${name}`, import.meta.url)
const read = (name: string) => readFileSync(example(name), 'utf8')
const org = JSON.parse(read('org.json')) as OrgFixture

async function collect(xml: string, scenario: Scenario): Promise<TraceLine[]> {
  const lines: TraceLine[] = []
  for await (const line of simulate(xml, scenario, org)) lines.push(line)
  return lines
}

describe('simulate', () => {
  it('runs the leave example: review, then the director times out into approval', async () => {
    const trace = await collect(read('leave.bpmn'), JSON.parse(read('leave.scenario.json')) as Scenario)
    expect(trace.at(-1)).toMatchObject({ type: 'simulation.finished', ok: true })
    expect(trace[0]).toEqual({ type: 'process.started', at: '2026-09-29T10:00:00+08:00', element: 'Start', by: 'u1' })
    expect(trace.find((l) => l.type === 'task.created')).toMatchObject({ element: 'Task_review', assignees: ['u2'], due: '2026-09-30T18:00:00+08:00' })
    expect(trace.find((l) => l.type === 'task.auto-completed')).toMatchObject({ element: 'Task_director', outcome: 'agree', reason: 'timeout', at: '2026-10-08T18:00:00+08:00' })
    expect(trace.map((l) => l.type)).toContain('process.completed')
  })

  it('runs the joint example: the silent department is deemed to agree (超时默认同意)', async () => {
    const trace = await collect(read('joint.bpmn'), JSON.parse(read('joint.scenario.json')) as Scenario)
    expect(trace.at(-1)).toMatchObject({ ok: true })
    expect(trace.filter((l) => l.type === 'task.auto-completed').map((l) => l.assignees)).toEqual([['fire']])
    // u2 (A holder of the supervision post) is away on 10-09, so the B holder gets 出证.
    expect(trace.filter((l) => l.type === 'task.created').at(-1)).toMatchObject({ element: 'Task_issue', assignees: ['u3'] })
  })

  it('runs the supplement example: one-time notice, clock suspended until the materials arrive', async () => {
    const trace = await collect(read('supplement.bpmn'), JSON.parse(read('supplement.scenario.json')) as Scenario)
    expect(trace.at(-1)).toMatchObject({ ok: true })
    expect(trace.map((l) => l.type)).toEqual(expect.arrayContaining(['notification', 'clock.suspended', 'message.correlated', 'clock.resumed', 'task.warned']))
    expect(trace.find((l) => l.type === 'clock.resumed')).toMatchObject({ due: '2026-10-29T17:30:00+08:00' })
  })

  it('runs the daily-report example: a timer start on the virtual clock, every working day at 18:00', async () => {
    const trace = await collect(read('daily-report.bpmn'), JSON.parse(read('daily-report.scenario.json')) as Scenario)
    expect(trace.at(-1)).toMatchObject({ type: 'simulation.finished', ok: true })
    // Deployed at 09:00; the first occurrence starts an instance at 18:00, the next on the working day after National Day.
    expect(trace.filter((l) => l.type === 'process.started')).toEqual([
      { type: 'process.started', at: '2026-09-29T18:00:00+08:00', element: 'Start_daily', by: 'system', reason: 'timer' },
      { type: 'process.started', at: '2026-09-30T18:00:00+08:00', element: 'Start_daily', by: 'system', reason: 'timer' },
      { type: 'process.started', at: '2026-10-08T18:00:00+08:00', element: 'Start_daily', by: 'system', reason: 'timer' },
    ])
    expect(trace.filter((l) => l.type === 'task.created').map((l) => l.assignees)).toEqual([['u2'], ['u2'], ['u3']])
    const times = trace.map((l) => l.at)
    expect(times).toEqual([...times].sort())
  })

  it('runs the inspection example: a multi-instance sub-process, one finding per site kept apart', async () => {
    const xml = read('inspection.bpmn')
    const lines = await collect(xml, JSON.parse(read('inspection.scenario.json')) as Scenario)
    expect(lines.at(-1)).toMatchObject({ ok: true })
    expect(lines.filter((l) => l.type === 'task.created').map((l) => l.element)).toEqual(['Task_inspect', 'Task_inspect', 'Task_decide'])
    // The findings, collected in site order, reach the deputy director's step; the expectation's
    // keys are written in another order than the engine set them, which does not matter.
    const scenario: Scenario = { start: { at: '2026-09-29T10:00:00+08:00', initiator: 'u1', variables: { sites: ['东区仓库', '西区门店'] } }, steps: [
      { complete: 'Task_inspect', by: 'u2', variables: { finding: '消防通道畅通' } }, { complete: 'Task_inspect', by: 'u2', variables: { finding: '灭火器过期' } },
      { expect: { variables: { findings: [
        { site: '东区仓库', finding: '消防通道畅通', lastOutcome: 'agree', approvals: { Task_inspect: 'agree' }, loopCounter: 1 },
        { lastOutcome: 'agree', approvals: { Task_inspect: 'agree' }, finding: '灭火器过期', loopCounter: 2, site: '西区门店' },
      ] } } },
    ] }
    expect((await collect(xml, scenario)).at(-1)).toMatchObject({ ok: true })
  })

  it('rejects a step for a task that is not waiting, naming the step', async () => {
    const scenario: Scenario = { start: { at: '2026-09-29T10:00:00+08:00', initiator: 'u1' }, steps: [{ complete: 'Task_director', by: 'dir' }] }
    const last = (await collect(read('leave.bpmn'), scenario)).at(-1)!
    expect(last).toMatchObject({ ok: false, step: 1 })
    expect(last.message).toMatch(/^Step 1 \(complete Task_director\): Task_director is not waiting for dir; open tasks: \[Task_review:u2\]/)
  })

  it('reports a failed expectation', async () => {
    const scenario: Scenario = { start: { at: '2026-09-29T10:00:00+08:00', initiator: 'u1' }, steps: [{ expect: { waiting: ['Task_director'] } }] }
    expect((await collect(read('leave.bpmn'), scenario)).at(-1)!.message).toMatch(/expected waiting \["Task_director"\], but waiting \["Task_review"\]/)
  })
})

describe('simulate CLI', () => {
  const io = () => {
    const out: string[] = []
    const err: string[] = []
    return { out, err, io: { write: (l: string) => out.push(l), error: (l: string) => err.push(l), readFile: async (p: string) => readFileSync(p, 'utf8') } }
  }

  it('prints one JSON object per line and exits 0 when every expectation holds', async () => {
    const { out, io: cli } = io()
    const code = await runSimulateCli(['--bpmn', example('leave.bpmn').pathname, '--scenario', example('leave.scenario.json').pathname, '--org', example('org.json').pathname], cli)
    expect(code).toBe(0)
    expect(out.every((l) => typeof JSON.parse(l).type === 'string')).toBe(true)
  })

  it('exits non-zero with a reason on bad usage or a failing scenario', async () => {
    const bad = io()
    expect(await runSimulateCli([], bad.io)).toBe(2)
    expect(bad.err[0]).toMatch(/usage/)
    const failing = io()
    failing.io.readFile = async (p: string) => (p === 'scenario.json' ? JSON.stringify({ start: { at: '2026-09-29T10:00:00+08:00', initiator: 'u1' }, steps: [{ expect: { status: 'completed' } }] }) : readFileSync(p, 'utf8'))
    expect(await runSimulateCli(['--bpmn', example('leave.bpmn').pathname, '--scenario', 'scenario.json'], failing.io)).toBe(1)
    expect(failing.err[0]).toMatch(/expected status completed, but it is active/)
  })
})
