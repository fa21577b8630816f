import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api-client'
import { formItem as item, pickDate } from '../support/hall-form'
import { ARTIFACTS_DIR, launchBrowser, submitLogin, type TestBrowser, type Viewport } from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'

/**
 * A student applies for leave in the hall: finds the item, sees their data pre-filled, fills in
 * the rest, submits and keeps the receipt; the counsellor and the dean then approve it through
 * the API and the student follows it under 我的办件. At desktop and at phone size.
 *
 * The demo seed publishes no items, so the university's hall administrator installs the built-in
 * `student-leave` template first (with the 学生工作处 post it assigns long leaves to).
 */
const STUDENT = {
  username: 'stu.2023001',
  name: '李明',
  no: '2023001',
  college: '计算机学院',
  className: '计算机科学与技术2301班',
  counsellor: '彭雪',
}
const VIEWPORTS: { name: string; viewport: Viewport; phone: boolean }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'phone', viewport: { width: 375, height: 812 }, phone: true },
]
const serverBuilt = existsSync(SERVER_CLI)
if (!serverBuilt)
  console.warn(
    `e2e applicant tests skipped: ${SERVER_CLI} does not exist yet. Run pnpm build to run them.`,
  )

interface Task {
  taskId: string
  caseNo: string | null
}

async function expectNoHorizontalScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)
}

/** The counsellor and then the dean each agree to the case's open task, as their inboxes offer it. */
async function approveAsCounsellorAndDean(baseUrl: string, caseNo: string) {
  for (const approver of ['cs.counsellor', 'cs.dean']) {
    const session = await signIn(baseUrl, approver)
    const { items } = await session.get<{ items: Task[] }>('/api/tasks?box=todo')
    const task = items.find((t) => t.caseNo === caseNo)
    if (!task)
      throw new Error(`${approver} has no task for case ${caseNo}: ${JSON.stringify(items)}`)
    await session.post(`/api/tasks/${task.taskId}/agree`, { comment: '同意' })
  }
}

describe.skipIf(!serverBuilt)('a student applies for leave in the hall', () => {
  let server: RunningServer

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'apps/runtime/dist/index.html')))
      throw new Error('Expected the built runtime. Hint: run pnpm build.')
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    server = await startServer()
    const admin = await signIn(server.url, 'univ.admin')
    const { items: depts } = await admin.get<{ items: { id: string; code: string }[] }>(
      '/api/org/departments',
    )
    const xgc = depts.find((d) => d.code === 'XGC')!.id
    const { items: heads } = await admin.get<{ items: { id: string; username: string }[] }>(
      '/api/org/users?q=univ.xgc',
    )
    await admin.post('/api/org/posts', {
      code: 'P-XGC',
      name: '学生工作处审批岗',
      deptId: xgc,
      aUserId: heads.find((u) => u.username === 'univ.xgc')!.id,
    })
    await signIn(server.url, 'univ.hall').then((hall) =>
      hall.post('/api/templates/student-leave/install', { deptId: xgc }),
    )
  })
  afterAll(async () => {
    await server?.stop()
  })

  describe.each(VIEWPORTS)('at $viewport.width×$viewport.height ($name)', ({ name, viewport }) => {
    let browser: TestBrowser
    let page: Page
    let caseNo = ''
    const shot = (step: string) =>
      page.screenshot({
        path: join(ARTIFACTS_DIR, `applicant-${name}-${step}.png`),
        fullPage: true,
      })

    beforeAll(async () => {
      browser = await launchBrowser(viewport)
      page = await browser.context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
    })

    it('finds the leave item in the catalog and reads its guide', async () => {
      await page.goto(`${server.url}/login`)
      await submitLogin(page, STUDENT.username)
      await page.waitForURL(`${server.url}/`)
      await page.locator('[data-test=card-guides]').click()
      await page.waitForURL(`${server.url}/services`)

      await page.locator('input[data-test=catalog-search]').fill('请假')
      const card = page.locator('[data-test=catalog-item]')
      await expect.poll(() => card.count()).toBe(1)
      expect(await card.innerText()).toContain('学生请假销假')
      expect(await card.locator('[data-test=item-limit]').innerText()).toBe('承诺时限：2 个工作日')
      expect(await card.locator('[data-test=item-online]').innerText()).toBe('可在线申请')
      await expectNoHorizontalScroll(page)
      await shot('01-catalog')

      await card.click()
      await page.locator('[data-test=guide-title]').waitFor()
      expect(await page.locator('[data-test=guide-promised]').innerText()).toBe('2 个工作日')
      expect(await page.locator('[data-test=guide-legal]').innerText()).toBe('3 个工作日')
      expect(await page.locator('[data-test=guide-materials]').innerText()).toContain(
        '病历或医院证明',
      )
      expect(await page.locator('[data-test=guide-contact]').innerText()).toContain('0571-88000001')
      await expectNoHorizontalScroll(page)
      await shot('02-guide')
    })

    it('opens the form with their data pre-filled, fills in the rest and submits it for a receipt', async () => {
      await page.locator('[data-test=guide-apply]').click()
      await page.waitForURL(/\/my-cases\/[^/]+\/edit$/)
      await item(page, '姓名').locator('input').waitFor()
      const value = (label: string) => item(page, label).locator('input').first().inputValue()
      await expect.poll(() => value('姓名')).toBe(STUDENT.name)
      expect(await value('学号')).toBe(STUDENT.no)
      expect(await value('学院')).toBe(STUDENT.college)
      expect(await value('班级')).toBe(STUDENT.className)
      expect(await value('辅导员')).toBe(STUDENT.counsellor)
      await shot('03-apply-prefilled')

      // A program renamed 证明.pdf passes the browser's name check; the server reads the bytes,
      // refuses it for the draft's certificate field, and says so at that field.
      await item(page, '请假类型').getByText('病假').click()
      const certificate = item(page, '病历或医院证明')
      await certificate.locator('[data-test=upload-input]').setInputFiles({
        name: '证明.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      })
      await expect
        .poll(() => certificate.locator('[role=alert]').innerText())
        .toContain('证明.pdf 的内容不是允许的类型')
      await shot('03b-apply-disguised-file')

      // Four days: past the counsellor's three, so the college's dean approves too.
      await item(page, '请假类型').getByText('事假').click()
      await pickDate(page, '离校日期', '2026-12-07')
      await pickDate(page, '返校日期', '2026-12-10')
      await expect.poll(() => value('请假天数')).toBe('4')
      await item(page, '去向').locator('input').fill('浙江杭州')
      await item(page, '紧急联系人电话').locator('input').fill('13900002222')
      await item(page, '请假事由').locator('textarea').fill('家中有事')
      await page
        .locator('[data-test=save-state]')
        .filter({ hasText: /^已保存 / })
        .waitFor()
      await expectNoHorizontalScroll(page)
      await shot('04-apply-filled')

      await page.locator('[data-test=apply-submit]').click()
      await page.waitForURL(/\/my-cases\/[^/]+\/receipt$/)
      const number = page.locator('[data-test=receipt-case-no]')
      await number.waitFor()
      caseNo = await number.innerText()
      expect(caseNo).toMatch(/^\d{8}\d{5}$/)
      expect(await page.locator('[data-test=receipt-item]').innerText()).toBe('学生请假销假')
      expect(await page.locator('[data-test=receipt-next]').innerText()).toMatch(
        /^辅导员审批，应于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 前办理$/,
      )
      expect(await page.locator('[data-test=receipt-promise]').innerText()).toMatch(
        /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/,
      )
      await expectNoHorizontalScroll(page)
      await shot('05-receipt')
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('[data-test=receipt-print]').isVisible()).toBe(false)
      await shot('06-receipt-print')
      await page.emulateMedia({ media: 'screen' })
    })

    it('follows the case under 我的办件 once the counsellor and the dean have approved it', async () => {
      await approveAsCounsellorAndDean(server.url, caseNo)
      await page.goto(`${server.url}/my-cases`)
      const row = page.locator('[data-test=my-case]').filter({ hasText: caseNo })
      await row.waitFor()
      expect(await row.locator('[data-test=my-case-item]').innerText()).toBe('学生请假销假')
      expect(await row.locator('a').getAttribute('href')).toMatch(/^\/cases\//)
      // Approved, it waits for the student's return (销假) and the counsellor's confirmation.
      expect(await row.locator('[data-test=status-tag]').innerText()).toBe('办理中')
      await expectNoHorizontalScroll(page)
      await shot('07-my-cases')
    })
  })
})
