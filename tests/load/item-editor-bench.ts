/**
 * The item editor with a big item, in headless Chromium against the built server: a draft holding
 * the process designer bench's 303-element diagram (start, 150 user tasks, end, 151 flows) and the
 * form designer bench's 200-field form (`wideForm(200)`), saved through the API, then
 * - load: open /designer/items/:id/edit signed in, until the guide tab is painted;
 * - form tab: first switch to the form, until its 201 canvas nodes are painted;
 * - process tab: first switch to the process, until the last task is drawn and the field
 *   permission matrix shows its first cells;
 * - guide tab: back to the guide (both designers stay mounted) until it is painted;
 * - autosave: one keystroke in the guide summary until the server answered the save
 *   (`keystrokeToSavedMs` includes the editor's 1.2 s pause; `saveRequestMs` is the PUT alone,
 *   both designers' content serialized and sent).
 * Prints one JSON line per run and the medians of RUNS runs.
 *
 * Run (after pnpm build): pnpm bench:item-editor
 */
import type { Page } from 'playwright-core'
import { wideForm } from '../../packages/form-renderer/fixture/schemas'
import { launchBrowser } from '../support/browser'
import { startServer } from '../support/server'
import { chainDiagram, clickUntil, median, signInAsHallAdmin } from './bench-helpers'

const RUNS = 3
const TASKS = 150
const FIELDS = 200

/** Creates the item and saves the big draft, as the signed-in administrator. */
async function bigItem(page: Page, url: string): Promise<string> {
  // Writes need the session's CSRF token, which the apps send from the hall_csrf cookie.
  const csrf = (await page.context().cookies(url)).find((cookie) => cookie.name === 'hall_csrf')?.value ?? ''
  const headers = { 'x-csrf-token': csrf }
  const departments = (await (await page.request.get(`${url}/api/org/departments`)).json()) as { items: { id: string }[] }
  const created = await page.request.post(`${url}/api/items`, {
    headers,
    data: { code: `bench-${Date.now()}`, name: '大事项（基准）', deptId: departments.items[0]!.id },
  })
  if (!created.ok()) throw new Error(`creating the item failed: ${created.status()} ${await created.text()}`)
  const { item, draft } = (await created.json()) as { item: { id: string }; draft: { guide: unknown; revision: number } }
  const saved = await page.request.put(`${url}/api/items/${item.id}/draft`, {
    headers,
    data: { guide: draft.guide, form: wideForm(FIELDS), bpmn: chainDiagram(TASKS), revision: draft.revision },
  })
  if (!saved.ok()) throw new Error(`saving the big draft failed: ${saved.status()} ${await saved.text()}`)
  return item.id
}

async function run(page: Page, url: string, itemId: string, n: number) {
  await page.goto(`${url}/designer/items/${itemId}/edit`)
  await page.locator('[data-test=guide-editor]').waitFor()
  const loadMs = await page.evaluate(() => performance.now())

  const formTabMs = await clickUntil(page, '#tab-form', () => document.querySelectorAll('[data-test=canvas] [role=treeitem]').length === 201)
  // Open means the diagram drawn and the process's properties beside it, field permission matrix included.
  const processTabMs = await clickUntil(page, '#tab-process', () => document.querySelector('[data-element-id="Task_150"]') !== null && document.querySelector('[data-test=field-matrix] select') !== null)
  const guideTabMs = await clickUntil(page, '#tab-guide', () => document.querySelector<HTMLElement>('[data-test=guide-editor]')?.offsetParent != null)

  // Opening a designer may itself autosave (normalized content): wait for the save carrying this run's keystroke.
  const key = String(n % 10)
  const ours = (r: { method(): string; url(): string; postData(): string | null }) =>
    r.method() === 'PUT' && r.url().endsWith('/draft') && (JSON.parse(r.postData() ?? '{}') as { guide?: { summary?: string } }).guide?.summary?.endsWith(key) === true
  const summary = page.locator('textarea[data-test=guide-summary]')
  const request = page.waitForRequest(ours, { timeout: 120_000 })
  const response = page.waitForResponse((r) => ours(r.request()), { timeout: 120_000 })
  await summary.press('End')
  const typed = performance.now()
  await summary.press(key)
  await request
  const sentAt = performance.now()
  if (!(await response).ok()) throw new Error(`autosave failed: ${(await response).status()}`)
  const done = performance.now()
  return { loadMs, formTabMs, processTabMs, guideTabMs, keystrokeToSavedMs: done - typed, saveRequestMs: done - sentAt }
}

async function main(): Promise<void> {
  const server = await startServer()
  const browser = await launchBrowser({ width: 1440, height: 900 })
  try {
    const page = await browser.context.newPage()
    await signInAsHallAdmin(page, server.url, '/designer/')
    const itemId = await bigItem(page, server.url)
    const results: Awaited<ReturnType<typeof run>>[] = []
    for (let n = 1; n <= RUNS; n++) {
      const result = await run(page, server.url, itemId, n)
      results.push(result)
      console.log(JSON.stringify({ run: n, ...Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v)])) }))
    }
    const keys = Object.keys(results[0]!) as (keyof (typeof results)[number])[]
    const medians = Object.fromEntries(keys.map((key) => [key, Math.round(median(results.map((r) => r[key])))]))
    console.log(JSON.stringify({ tasks: TASKS, fields: FIELDS, runs: RUNS, medians }))
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
