import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser, type Viewport } from '../support/browser'
import ExcelJS from 'exceljs'
import { signIn } from '../support/api-client'
import { publishPensionItem } from '../support/pension-item'
import { SERVER_CLI, startServer, type RunningServer } from '../support/server'

const VIEWPORTS: { name: string; viewport: Viewport; phone: boolean }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'phone', viewport: { width: 375, height: 740 }, phone: true },
]
const serverBuilt = existsSync(SERVER_CLI)
if (!serverBuilt)
  console.warn(
    `e2e stats dashboard skipped: ${SERVER_CLI} does not exist yet. Run pnpm build to run it.`,
  )

const CHARTS = [
  'chart-trend',
  'chart-ranking',
  'chart-handlers',
  'chart-distribution',
  'chart-intake',
] as const

describe.skipIf(!serverBuilt)('the statistics dashboard (统计分析) for a window head', () => {
  let server: RunningServer
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
    // This month at the social-security window: two applications, both accepted as promised; one
    // approved and rated 满意, the other still waiting for its review.
    const hall = await signIn(server.url, 'county.hall')
    const itemId = await publishPensionItem(hall, { code: 'pension-stats', name: '养老保险关系转移' })
    const citizen = await signIn(server.url, 'citizen.li')
    const clerk = await signIn(server.url, 'county.hr.2')
    const caseIds: string[] = []
    for (const name of ['李娜', '李娜（第二件）']) {
      const draft = await citizen.call<{ id: string }>('POST', '/api/cases', { itemId })
      const { caseId } = await citizen.call<{ caseId: string }>('POST', `/api/cases/${draft.id}/submit`, { data: { name } })
      await clerk.call('POST', `/api/cases/${caseId}/accept`, { kind: 'promised' })
      caseIds.push(caseId)
    }
    const reviewer = await signIn(server.url, 'county.hr.1')
    const { items: tasks } = await reviewer.call<{ items: { taskId: string; caseId: string }[] }>('GET', '/api/tasks')
    const first = tasks.find((task) => task.caseId === caseIds[0])!
    await reviewer.call('POST', `/api/tasks/${first.taskId}/agree`, { comment: '材料齐全' })
    await citizen.call('POST', `/api/cases/${caseIds[0]}/evaluation`, { rating: 'satisfied', comment: '办得很快' })
  })
  afterAll(async () => {
    await server?.stop()
  })

  describe.each(VIEWPORTS)(
    'at $viewport.width×$viewport.height ($name)',
    ({ name, viewport, phone }) => {
      let browser: TestBrowser
      let page: Page
      beforeAll(async () => {
        browser = await launchBrowser(viewport)
        page = await browser.context.newPage()
      })
      afterAll(async () => {
        await browser?.close()
      })

      it('reaches 统计分析 from the menu and sees this month’s two cases in the figures and every chart drawn', async () => {
        await page.goto(`${server.url}/login`)
        await submitLogin(page, 'county.hr.head')
        await page.waitForURL(`${server.url}/`)
        if (phone) await page.locator('[data-test=open-menu]').click()
        await page.getByText('统计分析', { exact: true }).filter({ visible: true }).first().click()
        await page.waitForURL(`${server.url}/stats`)
        await page.locator('[data-test=stats-dashboard]').waitFor()
        // The worker rolls the statistics up every 30 s: reload until this month's two cases are in.
        const metric = (key: string) => page.locator(`[data-test=metric-${key}] strong`).textContent()
        await expect
          .poll(
            async () => {
              await page.reload()
              await page.locator('[data-test=stats-dashboard]').waitFor()
              return metric('received')
            },
            { timeout: 90_000, interval: 3_000 },
          )
          .toBe('2')
        expect(await metric('completed')).toBe('1')
        expect(await metric('inProgress')).toBe('1')
        expect(await metric('onTimeRate')).toBe('100.0%')
        expect(await metric('satisfactionRate')).toBe('100.0%')
        expect(await metric('evaluated')).toBe('1')
        // Issue 7's visit and first-ask figures sit beside the others.
        expect(await page.locator('[data-test=metric-firstAsks]').textContent()).toMatch(/^首问登记数\d+$/)
        for (const chart of CHARTS) {
          const canvas = page.locator(`[data-test=${chart}] canvas`)
          await canvas.waitFor()
          const box = await canvas.boundingBox()
          expect(box?.width, chart).toBeGreaterThan(100)
          expect(box?.height, chart).toBeGreaterThan(100)
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
        await page.screenshot({
          path: join(ARTIFACTS, `${name}-stats-dashboard.png`),
          fullPage: true,
        })
      })

      it('downloads this month’s report as an Excel workbook with the window’s figures and its assessment', async () => {
        const href = await page.locator('[data-test=stats-report-download]').getAttribute('href')
        const response = await page.request.get(`${server.url}${href}`)
        expect(response.status()).toBe(200)
        expect(response.headers()['content-type']).toContain('spreadsheetml')
        expect(response.headers()['content-disposition']).toContain('.xlsx')
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(new Uint8Array(await response.body()).buffer)
        const texts = (sheet: ExcelJS.Worksheet) =>
          sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))
        const [main] = workbook.worksheets
        expect(texts(main!)).toEqual(expect.arrayContaining(['人力资源社会保障窗口']))
        const assessment = workbook.getWorksheet('考评')
        expect(assessment, 'the 考评 sheet').toBeDefined()
        expect(texts(assessment!)).toEqual(expect.arrayContaining(['人力资源社会保障窗口']))
      })
    },
  )
})
