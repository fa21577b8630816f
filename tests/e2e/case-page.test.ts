import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ARTIFACTS_DIR as ARTIFACTS,
  launchBrowser,
  type TestBrowser,
  type Viewport,
} from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'

const PASSWORD = 'Hall@2026'
const VIEWPORTS: { name: string; viewport: Viewport }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
]
const built = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/runtime/dist/index.html'))
if (!built) console.warn('e2e case page tests skipped: run pnpm build to run them.')

/** A signed-in API user, as the approvers act in this test: through the API, not a browser. */
interface ApiUser {
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>
}

async function signIn(url: string, username: string): Promise<ApiUser> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`)
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const answer = await fetch(`${url}/api${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await answer.text()
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`)
      return JSON.parse(text) as T
    },
  }
}

async function expectNoHorizontalScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)
}

describe.skipIf(!built)('the case page, live', () => {
  let server: RunningServer
  let student: ApiUser
  let counsellor: ApiUser
  let dean: ApiUser
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
      '/org/departments',
    )
    const hall = depts.find((dept) => dept.code === 'HALL')!
    ;({ itemId } = await admin.call<{ itemId: string }>(
      'POST',
      '/templates/student-leave/install',
      { deptId: hall.id, posts: { 'P-XGC': 'P-HALL' } },
    ))
  })
  afterAll(async () => {
    await server?.stop()
  })

  /** The student applies for five days' leave (pre-filled from the data center); the counsellor agrees. */
  async function caseAtTheDean(): Promise<string> {
    const { id } = await student.call<{ id: string }>('POST', '/cases', { itemId })
    const { form } = await student.call<{ form: unknown }>('GET', `/cases/${id}`)
    const { values } = await student.call<{ values: Record<string, unknown> }>(
      'POST',
      '/datacenter/prefill',
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
    await student.call('POST', `/cases/${id}/submit`, { data })
    await counsellor.call('POST', `/tasks/${await taskOf(counsellor, id)}/agree`, {
      comment: '情况属实',
    })
    return id
  }

  async function taskOf(user: ApiUser, caseId: string): Promise<string> {
    const { items } = await user.call<{ items: { taskId: string; caseId: string }[] }>(
      'GET',
      '/tasks?box=todo',
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
      await page.locator('input[name=username]').fill('stu.2023001')
      await page.locator('input[name=password]').fill(PASSWORD)
      await page.locator('input[name=password]').press('Enter')
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

      await dean.call('POST', `/tasks/${await taskOf(dean, caseId)}/agree`, {
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
