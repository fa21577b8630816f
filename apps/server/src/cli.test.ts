import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBundle } from './modules/templates/bundle/read'
import { writeBundle } from './modules/templates/bundle/write'

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

  it('imports a bundle as a named user (preview, then all at once), exports it again, and re-imports without change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-bundle-'))
    const env = { HALL_DATA_DIR: join(dir, 'data') }
    expect(hall(['seed', '--demo'], env).code).toBe(0)
    const template = join(import.meta.dirname, '../../../templates/staff-leave')
    const read = (name: string) => readFileSync(join(template, name))
    const bundle = join(dir, 'leave.zip')
    writeFileSync(
      bundle,
      await writeBundle(
        { format: 1, kind: 'hall-bundle', source: { unitCode: 'county', unitName: '示范县政务服务中心' }, exportedAt: '2026-12-01T10:00:00+08:00', dictionaries: [], items: [{ code: 'staff-leave', name: '窗口工作人员请假', version: 1, files: { guide: 'items/001/guide.json', form: 'items/001/form.json', process: 'items/001/process.bpmn' } }] },
        new Map([['items/001/guide.json', read('guide.json')], ['items/001/form.json', read('form.json')], ['items/001/process.bpmn', read('process.bpmn')]]),
      ),
    )
    const preview = hall(['import', '--as', 'univ.hall', '--file', bundle], env)
    expect(preview.code).toBe(1)
    expect(JSON.parse(preview.out)).toMatchObject({ dryRun: true, ready: false, posts: [{ code: 'P-DEPUTY', mappedTo: null }, { code: 'P-SUP', mappedTo: null }] })

    const mapping = ['--map', 'P-SUP=P-JWC-REVIEW', '--map', 'P-DEPUTY=P-HALL', '--dept', 'HALL']
    const applied = hall(['import', '--as', 'univ.hall', '--file', bundle, ...mapping, '--apply'], env)
    expect(applied.code, applied.err).toBe(0)
    expect(JSON.parse(applied.out).items).toEqual([expect.objectContaining({ code: 'staff-leave', action: 'created' })])

    const out = join(dir, 'again.zip')
    expect(hall(['export', '--as', 'univ.hall', '--items', 'staff-leave', '--out', out], env).code).toBe(0)
    expect((await readBundle(readFileSync(out))).manifest).toMatchObject({ source: { unitCode: 'univ' }, items: [{ code: 'staff-leave', version: 1 }] })
    const again = hall(['import', '--as', 'univ.hall', '--file', bundle, ...mapping, '--apply'], env)
    expect(JSON.parse(again.out).items).toEqual([expect.objectContaining({ action: 'unchanged' })])
  }, 180_000)
})
