/**
 * A test run: the scenario grows one decision at a time and the whole run is replayed on the
 * server each time (the simulation is deterministic), or decisions are added until the end
 * with every task agreeing.
 */
import { api, call } from '@hall/web-common'
import { computed, ref, shallowRef } from 'vue'
import { openTasks, tracePath, type TraceLine } from './trace-path'
import type { DiagramFlow } from '../problems/diagram-model'

export type Decision = { complete: string; outcome: 'agree' | 'disagree' } | { return: string; to: string }

/** Auto-agree stops after this many decisions (a loop back would otherwise never end). */
const AUTO_LIMIT = 50

export function useTestRun(xml: () => string, flows: () => DiagramFlow[]) {
  const steps = ref<Decision[]>([])
  const trace = shallowRef<TraceLine[]>([])
  const running = ref(false)
  const error = ref<string>()
  const path = computed(() => tracePath(trace.value, flows()))

  async function replay(start: { at: string; initiator: string; variables: Record<string, unknown> }) {
    running.value = true
    error.value = undefined
    try {
      const result = await call(api.definitions.simulate.$post({ json: { bpmn: xml(), scenario: { start, steps: steps.value }, org: 'unit' } }))
      trace.value = result.trace
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      running.value = false
    }
  }

  return {
    steps,
    trace,
    path,
    running,
    error,
    async start(start: Parameters<typeof replay>[0]) {
      steps.value = []
      await replay(start)
    },
    async decide(start: Parameters<typeof replay>[0], decision: Decision) {
      steps.value = [...steps.value, decision]
      await replay(start)
    },
    async autoAgree(start: Parameters<typeof replay>[0]) {
      if (!trace.value.length) await replay(start)
      for (let i = 0; i < AUTO_LIMIT && !error.value && path.value.status === 'running'; i++) {
        const open = openTasks(path.value)
        if (!open.length) break
        steps.value = [...steps.value, ...open.map((task) => ({ complete: task, outcome: 'agree' as const }))]
        await replay(start)
      }
    },
    reset() {
      steps.value = []
      trace.value = []
      error.value = undefined
    },
  }
}
