/**
 * `simulate --bpmn f --scenario f [--org f]`: one JSON trace object per line; exit code 0
 * when every expectation held. The server's `hall simulate` calls {@link runSimulateCli}.
 */
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { OrgFixture } from '../assignment/org-fixture'
import { simulate } from '../simulate/simulate'
import { assertScenario } from '../simulate/scenario'

export interface CliIo {
  write(line: string): void
  error(line: string): void
  readFile(path: string): Promise<string>
}

const defaultIo: CliIo = {
  write: (line) => void process.stdout.write(`${line}\n`),
  error: (line) => void process.stderr.write(`${line}\n`),
  readFile: (path) => readFile(path, 'utf8'),
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 ? argv[at + 1] : undefined
}

/** Returns the process exit code: 0 ok, 1 an expectation or step failed, 2 bad usage or input. */
export async function runSimulateCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const bpmnPath = option(argv, 'bpmn')
  const scenarioPath = option(argv, 'scenario')
  const orgPath = option(argv, 'org')
  if (!bpmnPath || !scenarioPath) {
    io.error('usage: simulate --bpmn <file.bpmn> --scenario <scenario.json> [--org <org.json>]')
    return 2
  }
  let xml: string
  let scenario: unknown
  let org: OrgFixture | undefined
  try {
    xml = await io.readFile(bpmnPath)
    scenario = JSON.parse(await io.readFile(scenarioPath))
    assertScenario(scenario)
    if (orgPath) org = JSON.parse(await io.readFile(orgPath)) as OrgFixture
  } catch (error) {
    io.error(`simulate: ${(error as Error).message}`)
    return 2
  }
  let ok = false
  for await (const line of simulate(xml, scenario, org)) {
    io.write(JSON.stringify(line))
    if (line.type === 'simulation.finished') {
      ok = line.ok === true
      if (!ok) io.error(`simulate: ${line.message ?? 'failed'}`)
    }
  }
  return ok ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runSimulateCli(process.argv.slice(2))
}
