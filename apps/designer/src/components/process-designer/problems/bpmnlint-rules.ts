/**
 * bpmnlint's recommended rules, run in the browser on the modeler's definitions. bpmnlint
 * resolves rules by package name at run time (its bundler plugins do that for webpack and
 * Rollup); here a static resolver holds every rule we enable, imported at build time, so Vite
 * bundles exactly those.
 */
import { Linter } from 'bpmnlint'
import recommended from 'bpmnlint/config/recommended'
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver'
import type { Config, RuleFactory } from 'bpmnlint/lib/types'
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process'
import conditionalFlows from 'bpmnlint/rules/conditional-flows'
import endEventRequired from 'bpmnlint/rules/end-event-required'
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway'
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event'
import fakeJoin from 'bpmnlint/rules/fake-join'
import globalElements from 'bpmnlint/rules/global'
import linkEvent from 'bpmnlint/rules/link-event'
import noBpmndi from 'bpmnlint/rules/no-bpmndi'
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway'
import noDisconnected from 'bpmnlint/rules/no-disconnected'
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows'
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork'
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end'
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split'
import noImplicitStart from 'bpmnlint/rules/no-implicit-start'
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements'
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event'
import singleEventDefinition from 'bpmnlint/rules/single-event-definition'
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event'
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway'
import superfluousLabel from 'bpmnlint/rules/superfluous-label'
import superfluousTermination from 'bpmnlint/rules/superfluous-termination'

/**
 * Recommended rules we switch off, each because it contradicts what the engine runs or what
 * this designer already says:
 * - `no-inclusive-gateway`: the engine runs inclusive gateways (joins wait for every token that
 *   can still arrive), and the palette offers them.
 * - `label-required`: the engine needs ids, not names; unnamed end events, joins and the flows
 *   the condition builder writes are normal in a hall process and would flood the list.
 * - `start-event-required`: our own rule says it already, in the administrator's words.
 */
export const SWITCHED_OFF = ['no-inclusive-gateway', 'label-required', 'start-event-required'] as const

const RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global: globalElements,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
}

/** A bpmnlint finding, before it is worded for the problems list. */
export interface LintFinding {
  rule: string
  elementId?: string
  /** bpmnlint's own (English) message. */
  message: string
  severity: 'error' | 'warning'
}

/** Names of the bpmnlint rules that run (each has a worded message in the designer's i18n). */
export const ENABLED_RULES = Object.keys(RULES)

const resolver = new StaticResolver({
  'config:bpmnlint/recommended': recommended,
  ...Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [`rule:bpmnlint/${name}`, rule])),
})
const config: Config = { extends: 'bpmnlint:recommended', rules: Object.fromEntries(SWITCHED_OFF.map((rule) => [rule, 'off' as const])) }

interface FlowElement {
  $type: string
  flowElements?: FlowElement[]
  rootElements?: FlowElement[]
  sourceRef?: FlowElement
  targetRef?: FlowElement
  incoming?: FlowElement[]
  outgoing?: FlowElement[]
}

/**
 * Sets each node's `incoming`/`outgoing` to exactly the sequence flows that name it. bpmn-js keeps
 * them while one draws, but an imported file may leave them out (a new item's starter diagram, our
 * templates), and a flow deleted after an earlier fill could linger in them; bpmnlint reads them,
 * and would call such steps implicit starts, ends or splits.
 */
export function linkSequenceFlows(container: FlowElement): void {
  for (const root of container.rootElements ?? []) linkSequenceFlows(root)
  const nodes = container.flowElements ?? []
  const flows = nodes.filter((element) => element.$type === 'bpmn:SequenceFlow' && element.sourceRef && element.targetRef)
  for (const node of nodes) {
    if (node.flowElements) linkSequenceFlows(node)
    const outgoing = flows.filter((flow) => flow.sourceRef === node)
    const incoming = flows.filter((flow) => flow.targetRef === node)
    // Only flow nodes carry the links; in place, since bpmn-js holds these arrays and updates them as one draws.
    if (node.outgoing || outgoing.length) (node.outgoing ??= []).splice(0, node.outgoing.length, ...outgoing)
    if (node.incoming || incoming.length) (node.incoming ??= []).splice(0, node.incoming.length, ...incoming)
  }
}

/** Every finding of the enabled rules on a moddle `bpmn:Definitions`, errors first. */
export async function bpmnlintFindings(definitions: unknown): Promise<LintFinding[]> {
  linkSequenceFlows(definitions as FlowElement)
  // A linter per run: it keeps the rules it built, and some rules keep state between checks
  // (no-duplicate-sequence-flows remembers every flow it saw), so a reused one reports ghosts.
  // A bpmnlint upgrade that adds a recommended rule fails here ("unknown rule"): import it above or switch it off.
  const results = await new Linter({ config, resolver }).lint(definitions)
  const findings = Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      rule,
      ...(report.id ? { elementId: report.id } : {}),
      message: report.message,
      severity: report.category === 'warn' || report.category === 'info' ? ('warning' as const) : ('error' as const),
    })),
  )
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
}
