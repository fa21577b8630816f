import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const examples = join(import.meta.dirname, '../../../packages/process-engine/examples')

/** Runs the `hall` command from source, as `pnpm hall …` does. */
function hall(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HALL_LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the hall command', () => {
  it('stops at start-up naming a wrong variable and what it expects', () => {
    const { code, err } = hall(['migrate'], { HALL_PORT: 'eighty' })
    expect(code).toBe(1)
    expect(err).toContain('HALL_PORT')
  })

  it('simulates the leave example and exits 0 when every expectation holds', () => {
    const { code, out } = hall(['simulate', '--bpmn', join(examples, 'leave.bpmn'), '--scenario', join(examples, 'leave.scenario.json'), '--org', join(examples, 'org.json')])
    expect(code).toBe(0)
    const trace = out.trim().split('\n').map((line) => JSON.parse(line) as { type: string })
    expect(trace[0]?.type).toBe('process.started')
    expect(trace.some((line) => line.type === 'process.completed')).toBe(true)
  })

  it('exits non-zero with the reason when an expectation fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-sim-'))
    const scenario = join(dir, 'wrong.json')
    writeFileSync(scenario, JSON.stringify({ start: { at: '2026-09-29T10:00:00+08:00', initiator: 'u1', variables: { days: 1 } }, steps: [{ expect: { waiting: ['Task_nowhere'] } }] }))
    const { code, out, err } = hall(['simulate', '--bpmn', join(examples, 'leave.bpmn'), '--scenario', scenario, '--org', join(examples, 'org.json')])
    expect(code).not.toBe(0)
    expect(out + err).toContain('Task_nowhere')
  })

  it('refuses an unknown command with the usage', () => {
    const { code, err } = hall(['fly'])
    expect(code).toBe(2)
    expect(err).toContain('unknown command: fly')
  })
})
