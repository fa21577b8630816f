/**
 * The live problems list: our rules and bpmnlint's on every change, plus the engine's deploy
 * check from the server, asked for at most once per pause in editing.
 */
import { api, call } from '@hall/web-common'
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ElementRegistry } from '../modeler/bpmn-services'
import type { ModelerHandle } from '../modeler/use-modeler'
import type { FormFieldInfo, Problem } from '../types'
import { bpmnlintFindings, type LintFinding } from './bpmnlint-rules'
import { designerProblems } from './designer-rules'
import { diagramModelOf } from './diagram-model'

const CHECK_DELAY_MS = 600

/** Problems the engine reports for `bpmn` (network failures come back as one problem). */
export async function engineProblems(bpmn: string): Promise<Problem[]> {
  const { problems } = await call(api.definitions.validate.$post({ json: { bpmn } }))
  return problems.map((p) => ({ ...(p.elementId ? { elementId: p.elementId } : {}), message: p.line ? `${p.message}（第 ${p.line} 行）` : p.message, severity: 'error' as const }))
}

export function useProblems(modeler: Ref<ModelerHandle | undefined>, revision: Ref<number>, xml: Ref<string>, fields: Ref<readonly FormFieldInfo[]>) {
  const { t, te } = useI18n()
  const fromEngine = ref<Problem[]>([])
  const fromLint = ref<LintFinding[]>([])
  let linted = 0
  const checkFailed = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  watch(xml, (bpmn) => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const mine = ++asked
      try {
        const problems = await engineProblems(bpmn)
        if (mine === asked) [fromEngine.value, checkFailed.value] = [problems, false]
      } catch {
        if (mine === asked) checkFailed.value = true
      }
    }, CHECK_DELAY_MS)
  })

  const ours = computed<Problem[]>(() => {
    void revision.value
    const registry = modeler.value?.get<ElementRegistry>('elementRegistry')
    return registry ? designerProblems(diagramModelOf(registry.getAll()), fields.value) : []
  })

  // bpmnlint is asynchronous; only the run for the latest revision may write its result.
  watch(revision, async () => {
    const definitions = modeler.value?.getDefinitions()
    if (!definitions) return
    const mine = ++linted
    const findings = await bpmnlintFindings(definitions)
    if (mine === linted) fromLint.value = findings
  })
  const lint = computed<Problem[]>(() =>
    fromLint.value.map((finding) => {
      const key = lintMessageKey(finding.rule)
      return { ...(finding.elementId ? { elementId: finding.elementId } : {}), message: te(key) ? t(key) : finding.message, severity: finding.severity, rule: `bpmnlint/${finding.rule}` }
    }),
  )

  const problems = computed<Problem[]>(() => {
    const seen = new Set(ours.value.map((p) => `${p.elementId}|${p.message}`))
    return [...fromEngine.value.filter((p) => !seen.has(`${p.elementId}|${p.message}`)), ...ours.value, ...lint.value]
  })
  return { problems, checkFailed }
}

/** The i18n key of a bpmnlint rule's message: `no-implicit-end` → `processDesigner.lint.noImplicitEnd`. */
export const lintMessageKey = (rule: string) => `processDesigner.lint.${rule.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}`
