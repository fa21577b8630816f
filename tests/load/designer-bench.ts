/**
 * Load benchmark of the process designer in headless Chromium: a 300-element diagram (150 user
 * tasks with 150 flows between a start and an end event) imported into the designer page of the
 * built server, timed from choosing the file to the moment a click on the last task shows its
 * properties (the engine check on the server included). Also the cold page load to a usable
 * palette. Prints one JSON line per run and the medians of RUNS runs.
 *
 * Run: pnpm build && npx tsx tests/load/designer-bench.ts
 */
import { launchBrowser } from '../support/browser'
import { startServer } from '../support/server'

const RUNS = 3
const TASKS = 150

/** Start → TASKS user tasks in a snake of rows → end, with diagram coordinates. */
function chainDiagram(tasks: number): string {
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function main(): Promise<void> {
  const xml = Buffer.from(chainDiagram(TASKS))
  const server = await startServer()
  const browser = await launchBrowser({ width: 1440, height: 900 })
  try {
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/designer/login`)
    await page.locator('input[name=username]').fill('county.hall')
    await page.locator('input[name=password]').fill('Hall@2026')
    await page.locator('input[name=password]').press('Enter')
    await page.waitForURL(`${server.url}/designer/`)
    const pageLoads: number[] = []
    const imports: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      const opened = performance.now()
      await page.goto(`${server.url}/designer/process-design`)
      await page.locator('.djs-palette .entry').first().waitFor()
      const pageMs = performance.now() - opened

      const chosen = performance.now()
      await page.locator('[data-test=import-file]').setInputFiles({ name: 'bench.bpmn', mimeType: 'application/xml', buffer: xml })
      await page.locator(`[data-element-id="Task_${TASKS}"]`).first().waitFor({ timeout: 120_000 })
      await page.locator(`[data-element-id="Task_${TASKS}"]`).first().click()
      await page.locator('[data-test=properties-panel]').filter({ hasText: `Task_${TASKS}` }).waitFor()
      const importMs = performance.now() - chosen
      const elements = await page.locator('g.djs-element:not(.djs-label)').count()
      pageLoads.push(pageMs)
      imports.push(importMs)
      console.log(JSON.stringify({ run, elements, pageLoadMs: Math.round(pageMs), importToInteractiveMs: Math.round(importMs) }))
    }
    console.log(JSON.stringify({ median: { pageLoadMs: Math.round(median(pageLoads)), importToInteractiveMs: Math.round(median(imports)) }, runs: RUNS, tasks: TASKS }))
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
