import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR, launchBrowser, submitLogin, type TestBrowser, type Viewport } from '../support/browser'
import { SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { signIn } from '../support/api-client'
import { publishPensionItem } from '../support/pension-item'

/**
 * Issue 6 "done when": a citizen's promised item is returned once for supplement with two missing
 * materials (one notice, chosen in the window's UI), supplied, accepted as promised, approved and
 * completed. The citizen and the approver act through the API; the window clerk in Chromium.
 */
const VIEWPORTS: { name: string; viewport: Viewport }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
]
const serverBuilt = existsSync(SERVER_CLI)


describe.skipIf(!serverBuilt)('a promised case returned once for two missing materials, then completed', () => {
  let server: RunningServer
  let itemId: string

  beforeAll(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    server = await startServer()
    const hall = await signIn(server.url, 'county.hall')
    itemId = await publishPensionItem(hall, {
      code: 'pension-transfer',
      name: '养老保险关系转移',
      extraMaterials: [{ id: 'proof', name: '参保缴费凭证', main: false, offline: true }],
    })
  })
  afterAll(async () => {
    await server?.stop()
  })

  describe.each(VIEWPORTS)('at $viewport.width×$viewport.height ($name)', ({ name, viewport }) => {
    let browser: TestBrowser
    let page: Page
    const shot = (step: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `window-supplement-${name}-${step}.png`), fullPage: true })

    beforeAll(async () => {
      browser = await launchBrowser(viewport)
      page = await browser.context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
    })

    it('goes from online submission through one supplement notice to completion', async () => {
      const citizen = await signIn(server.url, 'citizen.li')
      const draft = await citizen.call<{ id: string }>('POST', '/api/cases', { itemId })
      const receipt = await citizen.call<{ caseId: string; caseNo: string }>('POST', `/api/cases/${draft.id}/submit`, { data: { name: '李娜' } })

      await page.goto(`${server.url}/login`)
      await submitLogin(page, 'county.hr.2')
      await page.waitForURL((url) => !url.pathname.startsWith('/login'))
      await page.goto(`${server.url}/window/queue`)
      await page.locator('[data-test=queue-case]', { hasText: receipt.caseNo }).first().click()
      await page.waitForURL(new RegExp(`/window/cases/${receipt.caseId}`))
      await page.locator('[data-test=actions]').waitFor()
      await shot('01-intake')

      await page.locator('[data-test=action-supplement]').click()
      await page.locator('[data-test=material-idcard]').click()
      await page.locator('[data-test=material-proof]').click()
      await page.locator('[data-test=intake-submit]').click()
      await page.waitForURL(/\/notices\//)
      const materials = page.locator('[data-test="window.notice.field.materials"]')
      await materials.waitFor()
      expect(await page.locator('[data-test=notice-title]').textContent()).toBe('一次性补正告知书')
      expect(await materials.textContent()).toBe('居民身份证复印件；参保缴费凭证')
      expect(await page.locator('[data-test=print]').isVisible()).toBe(true)
      await shot('02-supplement-notice')

      const form = new FormData()
      form.append('files', new File(['%PDF-1.4 身份证复印件'], 'idcard.pdf', { type: 'application/pdf' }))
      form.append('material', 'idcard')
      await citizen.upload('/api/files', form)
      await citizen.call('POST', `/api/cases/${receipt.caseId}/supplied`, {})

      await page.goto(`${server.url}/window/cases/${receipt.caseId}`)
      await page.locator('[data-test=action-promised]').click()
      await page.locator('[data-test=intake-submit]').click()
      await page.waitForURL(/\/notices\//)
      await page.locator('[data-test="window.notice.field.due"]').waitFor()
      expect(await page.locator('[data-test=notice-title]').textContent()).toBe('受理通知书')
      await shot('03-acceptance-notice')

      const approver = await signIn(server.url, 'county.hr.1')
      const { items: tasks } = await approver.call<{ items: { taskId: string; caseId: string }[] }>('GET', '/api/tasks')
      const task = tasks.find((entry) => entry.caseId === receipt.caseId)!
      await approver.call('POST', `/api/tasks/${task.taskId}/agree`, { comment: '材料齐全' })
      const done = await citizen.call<{ status: string }>('GET', `/api/cases/${receipt.caseId}`)
      expect(done.status).toBe('completed')
    })
  })
})
