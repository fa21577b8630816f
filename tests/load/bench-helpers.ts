/**
 * What the designer benchmarks share: a large diagram, medians, timing a click until the page
 * shows its effect, and signing in as the county's hall administrator.
 */
import type { Page } from 'playwright-core'
import { submitLogin } from '../support/browser'

/** Start → TASKS user tasks in a snake of rows → end, with diagram coordinates. */
export function chainDiagram(tasks: number): string {
  const perRow = 10
  const at = (i: number) => ({ x: 100 + (i % perRow) * 160, y: 100 + Math.floor(i / perRow) * 140 })
  const ids = ['Start', ...Array.from({ length: tasks }, (_, i) => `Task_${i + 1}`), 'End']
  const elements = ids.map((id, i) =>
    id === 'Start' ? `<bpmn:startEvent id="Start" />` : id === 'End' ? `<bpmn:endEvent id="End" />` : `<bpmn:userTask id="${id}" name="环节 ${i}" hall:assignee="deptHead:1" hall:due="3wd" />`,
  )
  const flows = ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${ids[i]}" targetRef="${id}" />`)
  const box = (id: string, i: number) => {
    const { x, y } = at(i)
    const [w, h] = id.startsWith('Task') ? [100, 80] : [36, 36]
    return { x, y, w, h, cx: x + w / 2, cy: y + h / 2 }
  }
  const shapes = ids.map((id, i) => {
    const b = box(id, i)
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`
  })
  const edges = ids.slice(1).map((id, i) => {
    const [a, b] = [box(ids[i]!, i), box(id, i + 1)]
    return `<bpmndi:BPMNEdge id="Flow_${i + 1}_di" bpmnElement="Flow_${i + 1}"><di:waypoint x="${a.cx}" y="${a.cy}" /><di:waypoint x="${b.cx}" y="${b.cy}" /></bpmndi:BPMNEdge>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:bench">
<bpmn:process id="Process_bench" isExecutable="true">${elements.join('')}${flows.join('')}</bpmn:process>
<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="Process_bench">${shapes.join('')}${edges.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Clicks `selector` and resolves with the ms until `done` holds in the page and the next frame is painted. */
export async function clickUntil(page: Page, selector: string, done: () => boolean): Promise<number> {
  const started = await page.evaluate((target) => {
    const now = performance.now()
    document.querySelector<HTMLElement>(target)?.click()
    return now
  }, selector)
  await page.waitForFunction(done, undefined, { polling: 'raf', timeout: 120_000 })
  return page.evaluate(
    (from) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - from))),
      ),
    started,
  )
}

/** Signs in as `county.hall` on `path` (a designer page) and waits for the redirect back. */
export async function signInAsHallAdmin(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`)
  await submitLogin(page, 'county.hall')
  await page.waitForURL(`${url}${path}`)
}
