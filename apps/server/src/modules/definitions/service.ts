import { parseDefinition, simulate, type OrgFixture, type Scenario, type TraceLine } from '@hall/process-engine'

/** One problem for the designer's list; `line`/`column` when the XML parser located it. */
export interface DefinitionProblem {
  elementId?: string
  message: string
  line?: number
  column?: number
}

/** Where a parser message says the error is (`line: 3`, `column: 12`). */
function position(message: string): { line?: number; column?: number } {
  const line = /line:?\s*(\d+)/i.exec(message)
  const column = /col(?:umn)?:?\s*(\d+)/i.exec(message)
  return { ...(line ? { line: Number(line[1]) } : {}), ...(column ? { column: Number(column[1]) } : {}) }
}

/**
 * The engine's deploy check (size/depth/entity pre-scan, XML, whitelist, hall attributes, FEEL)
 * as a list; empty when the definition would deploy.
 */
export async function validateDefinition(bpmn: string): Promise<DefinitionProblem[]> {
  const result = await parseDefinition(bpmn)
  if (result.ok) return []
  return result.problems.map((p) => ({
    ...(p.element === 'definitions' ? {} : { elementId: p.element }),
    message: p.message,
    ...position(p.message),
  }))
}

/** Result of a test run: every trace line, and the failed steps' messages. */
export interface SimulationResult {
  ok: boolean
  trace: TraceLine[]
  failures: string[]
}

/** Runs the engine's simulation on its virtual clock; nothing is stored. */
export async function simulateDefinition(bpmn: string, scenario: Scenario, org: OrgFixture | undefined): Promise<SimulationResult> {
  const trace: TraceLine[] = []
  for await (const line of simulate(bpmn, scenario, org)) trace.push(line)
  const finished = trace.at(-1)
  const ok = finished?.type === 'simulation.finished' && finished.ok === true
  const failures = trace.filter((l) => l.type === 'simulation.finished' && !l.ok).map((l) => l.message ?? '模拟失败')
  return { ok, trace, failures }
}
