/**
 * Load-to-interactive of the form designer in headless Chromium with a 200-field form (the
 * renderer's `wideForm` fixture: 8 component kinds in a grid), against the built server:
 * - page: open /designer/form-design signed in, until the palette answers clicks;
 * - canvas: the 200-field form pasted in the JSON view, switch to the design view until painted;
 * - select: click a field until its property panel is painted;
 * - preview: switch to the preview until all 200 fields are rendered by HallForm.
 * Prints one JSON line per run and the medians of RUNS runs.
 *
 * Run (after pnpm build): npx tsx tests/load/form-designer-bench.ts
 */
import type { Page } from 'playwright-core'
import { wideForm } from '../../packages/form-renderer/fixture/schemas'
import { launchBrowser } from '../support/browser'
import { startServer } from '../support/server'
import { clickUntil, median, signInAsHallAdmin } from './bench-helpers'

const RUNS = 5
const FIELDS = 200

async function run(page: Page, url: string, schemaText: string) {
  await page.goto(`${url}/designer/form-design`)
  await page.locator('[data-test=palette-input]').waitFor()
  const pageMs = await page.evaluate(() => performance.now())

  await page.locator('[data-test=mode-json]').click()
  await page.locator('[data-test=json-text]').fill(schemaText)
  await page.locator('[data-test=json-apply]').click()
  // The fixture is a grid holding the fields: FIELDS + 1 nodes on the canvas.
  const canvasMs = await clickUntil(
    page,
    '[data-test=mode-design]',
    () => document.querySelectorAll('[data-test=canvas] [role=treeitem]').length === 201,
  )
  const selectMs = await clickUntil(
    page,
    '[data-test=node-f100]',
    () => document.querySelector<HTMLInputElement>('[data-test=prop-name]')?.value === 'f100',
  )
  const previewMs = await clickUntil(
    page,
    '[data-test=mode-preview]',
    () => document.querySelectorAll('[data-test=preview-frame] .formily-element-plus-form-item').length === 200,
  )
  return { pageMs, canvasMs, selectMs, previewMs }
}

async function main(): Promise<void> {
  const server = await startServer()
  const browser = await launchBrowser({ width: 1440, height: 900 })
  try {
    const page = await browser.context.newPage()
    await signInAsHallAdmin(page, server.url, '/designer/form-design')
    await page.locator('[data-test=form-designer]').waitFor()
    const schemaText = JSON.stringify(wideForm(FIELDS))
    const results: Awaited<ReturnType<typeof run>>[] = []
    for (let n = 1; n <= RUNS; n++) {
      const result = await run(page, server.url, schemaText)
      results.push(result)
      console.log(JSON.stringify({ run: n, fields: FIELDS, ...result }))
    }
    const medians = Object.fromEntries(
      (['pageMs', 'canvasMs', 'selectMs', 'previewMs'] as const).map((key) => [
        key,
        Math.round(median(results.map((r) => r[key]))),
      ]),
    )
    console.log(JSON.stringify({ fields: FIELDS, runs: RUNS, medians }))
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
