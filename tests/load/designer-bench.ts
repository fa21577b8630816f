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
import { chainDiagram, median, signInAsHallAdmin } from './bench-helpers'
import { startServer } from '../support/server'

const RUNS = 3
const TASKS = 150

async function main(): Promise<void> {
  const xml = Buffer.from(chainDiagram(TASKS))
  const server = await startServer()
  const browser = await launchBrowser({ width: 1440, height: 900 })
  try {
    const page = await browser.context.newPage()
    await signInAsHallAdmin(page, server.url, '/designer/')
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
