import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser, type Viewport } from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { signIn, type ApiSession } from '../support/api-client'

const VIEWPORTS: { name: string; viewport: Viewport }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
]
const built = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/runtime/dist/index.html'))
if (!built) console.warn('e2e case page tests skipped: run pnpm build to run them.')

async function expectNoHorizontalScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)
}

describe.skipIf(!built)('the case page, live', () => {
  let server: RunningServer
  let student: ApiSession
  let counsellor: ApiSession
  let dean: ApiSession
  let itemId: string

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
    const admin = await signIn(server.url, 'univ.admin')
    ;[student, counsellor, dean] = await Promise.all([
      signIn(server.url, 'stu.2023001'),
      signIn(server.url, 'cs.counsellor'),
      signIn(server.url, 'cs.dean'),
    ])
    const { items: depts } = await admin.call<{ items: { id: string; code: string }[] }>(
      'GET',
      '/api/org/departments',
    )
    const hall = depts.find((dept) => dept.code === 'HALL')!
    ;({ itemId } = await admin.call<{ itemId: string }>(
      'POST',
      '/api/templates/student-leave/install',
      { deptId: hall.id, posts: { 'P-XGC': 'P-HALL' } },
    ))
  })
  afterAll(async () => {
    await server?.stop()
  })

  /** The student applies for five days' leave (pre-filled from the data center); the counsellor agrees. */
  async function caseAtTheDean(): Promise<string> {
    const { id } = await student.call<{ id: string }>('POST', '/api/cases', { itemId })
    const { form } = await student.call<{ form: unknown }>('GET', `/api/cases/${id}`)
    const { values } = await student.call<{ values: Record<string, unknown> }>(
      'POST',
      '/api/datacenter/prefill',
      { schema: form },
    )
    const data = {
      ...values,
      leaveType: 'personal',
      startDate: '2026-12-07',
      endDate: '2026-12-11',
      days: 5,
      destination: '安徽合肥',
      emergencyContact: '13900000000',
      reason: '回家探亲',
    }
    await student.call('POST', `/api/cases/${id}/submit`, { data })
    await counsellor.call('POST', `/api/tasks/${await taskOf(counsellor, id)}/agree`, {
      comment: '情况属实',
    })
    return id
  }

  async function taskOf(user: ApiSession, caseId: string): Promise<string> {
    const { items } = await user.call<{ items: { taskId: string; caseId: string }[] }>(
      'GET',
      '/api/tasks?box=todo',
    )
    const task = items.find((entry) => entry.caseId === caseId)
    if (!task) throw new Error(`no task of case ${caseId} in the to-do box`)
    return task.taskId
  }

  describe.each(VIEWPORTS)('at $viewport.width×$viewport.height ($name)', ({ name, viewport }) => {
    let browser: TestBrowser
    let page: Page
    const shot = (step: string) =>
      page.screenshot({ path: join(ARTIFACTS, `case-page-${name}-${step}.png`), fullPage: true })

    beforeAll(async () => {
      browser = await launchBrowser(viewport)
      page = await browser.context.newPage()
      await page.goto(`${server.url}/login`)
      await submitLogin(page, 'stu.2023001')
      await page.waitForURL(`${server.url}/`)
    })
    afterAll(async () => {
      await browser?.close()
    })

    it('shows the applicant the timeline and the diagram with done and current steps, and follows the dean live', async () => {
      const caseId = await caseAtTheDean()
      await page.goto(`${server.url}/cases/${caseId}`)
      await page.locator('[data-test=case-status]').filter({ hasText: '办理中' }).waitFor()
      expect(await page.locator('[data-test=case-applicant]').innerText()).toBe('李明')
      const timeline = page.locator('[data-test=timeline-entry]')
      await expect.poll(() => timeline.count()).toBe(2)
      expect(await timeline.nth(1).innerText()).toContain('情况属实')
      expect(await page.locator('[data-test=open-step]').innerText()).toContain('曹立新')

      // bpmn-js draws the version's diagram; the markers sit on the shapes of the elements passed and waited at.
      const diagram = page.locator('[data-test=case-diagram]')
      await diagram.locator('[data-element-id=Task_counsellor].case-done').waitFor()
      expect(await diagram.locator('[data-element-id=Start].case-done').count()).toBe(1)
      expect(await diagram.locator('[data-element-id=Task_dean].case-current').count()).toBe(1)
      await page.locator('[data-test=live-badge]').waitFor()
      await expectNoHorizontalScroll(page)
      await shot('01-at-the-dean')

      await dean.call('POST', `/api/tasks/${await taskOf(dean, caseId)}/agree`, {
        comment: '同意，注意安全',
      })

      // No reload: the page hears case.changed and fetches itself again.
      await page
        .locator('[data-test=timeline-entry]')
        .filter({ hasText: '同意，注意安全' })
        .waitFor()
      await diagram.locator('[data-element-id=Task_dean].case-done').waitFor()
      expect(await diagram.locator('[data-element-id=Task_dean].case-current').count()).toBe(0)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
      await expectNoHorizontalScroll(page)
      await shot('02-after-the-dean')
    })

    it("shows someone else's case as not found", async () => {
      await page.goto(`${server.url}/cases/no-such-case`)
      await page.locator('[data-test=case-not-found]').waitFor()
      await shot('03-not-found')
    })
  })
})
