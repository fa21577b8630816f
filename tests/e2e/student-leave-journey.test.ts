import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api-client'
import { agreeFromInbox } from '../support/approver-ui'
import {
  ARTIFACTS_DIR,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  signInAt,
  type Device,
  type TestBrowser,
} from '../support/browser'
import { formItem, inputValue, pickDate } from '../support/hall-form'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { installTemplate } from '../support/templates'

/**
 * Issue 6 "done when", the student's leave from start to finish, every action in the browser:
 * the student applies (pre-filled from the data center) and gets a receipt; the counsellor and
 * the dean agree from their inboxes with a signature; the student reports back (销假), the
 * counsellor confirms it, and the student sees the case completed and evaluates it. Each person
 * has their own browser. Run twice: the student on a phone with the approvers at desktops, then
 * the other way round. The API is used only to install the item beforehand.
 */
const STUDENT = {
  username: 'stu.2023001',
  name: '李明',
  no: '2023001',
  college: '计算机学院',
  className: '计算机科学与技术2301班',
  counsellor: '彭雪',
}
const JOURNEYS: { name: string; student: Device; approvers: Device }[] = [
  { name: 'student-phone', student: PHONE, approvers: DESKTOP },
  { name: 'student-desktop', student: DESKTOP, approvers: PHONE },
]
const built = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/runtime/dist/index.html'))
if (!built) console.warn('e2e student leave journey skipped: run pnpm build to run it.')

describe.skipIf(!built)(
  'a student leave, applied for, approved, reported back and evaluated in the browser',
  () => {
    let server: RunningServer

    beforeAll(async () => {
      await mkdir(ARTIFACTS_DIR, { recursive: true })
      server = await startServer()
      // The seed publishes no items: the hall administrator installs the built-in template. Four
      // days never reach 学生工作处, so its post goes to the hall's own.
      const hall = await signIn(server.url, 'univ.hall')
      await installTemplate(hall, 'student-leave', 'HALL', { 'P-XGC': 'P-HALL' })
    })
    afterAll(async () => {
      await server?.stop()
    })

    describe.each(JOURNEYS)(
      '$name: the student on $student.name, the approvers on $approvers.name',
      (journey) => {
        const browsers: TestBrowser[] = []
        let student: Page
        let counsellor: Page
        let dean: Page
        let caseNo = ''
        const shooter = (page: Page, who: string) => (step: string) =>
          page.screenshot({
            path: join(ARTIFACTS_DIR, `journey-${journey.name}-${who}-${step}.png`),
            fullPage: true,
          })
        const open = async (device: Device, username: string) => {
          const browser = await launchBrowser(device)
          browsers.push(browser)
          const page = await browser.context.newPage()
          await signInAt(page, server.url, username)
          return page
        }

        beforeAll(async () => {
          student = await open(journey.student, STUDENT.username)
          counsellor = await open(journey.approvers, 'cs.counsellor')
          dean = await open(journey.approvers, 'cs.dean')
        })
        afterAll(async () => {
          for (const browser of browsers) await browser.close()
        })

        it('the student finds the item, sees the form pre-filled, fills in the rest and gets a receipt', async () => {
          const shot = shooter(student, 'student')
          await student.locator('[data-test=card-guides]').click()
          await student.waitForURL(`${server.url}/services`)
          await student.locator('input[data-test=catalog-search]').fill('请假')
          const card = student
            .locator('[data-test=catalog-item]')
            .filter({ hasText: '学生请假销假' })
          await card.waitFor()
          await shot('01-catalog')
          await card.click()
          await student.locator('[data-test=guide-title]').waitFor()
          await student.locator('[data-test=guide-apply]').click()
          await student.waitForURL(/\/my-cases\/[^/]+\/edit$/)

          await expect.poll(() => inputValue(student, '姓名')).toBe(STUDENT.name)
          expect(await inputValue(student, '学号')).toBe(STUDENT.no)
          expect(await inputValue(student, '学院')).toBe(STUDENT.college)
          expect(await inputValue(student, '班级')).toBe(STUDENT.className)
          expect(await inputValue(student, '辅导员')).toBe(STUDENT.counsellor)
          await shot('02-prefilled')

          // Four days: past the counsellor's three, so the college's dean is on the path too.
          await formItem(student, '请假类型').getByText('事假').click()
          await pickDate(student, '离校日期', '2026-12-07')
          await pickDate(student, '返校日期', '2026-12-10')
          await expect.poll(() => inputValue(student, '请假天数')).toBe('4')
          await formItem(student, '去向').locator('input').fill('浙江杭州')
          await formItem(student, '紧急联系人电话').locator('input').fill('13900002222')
          await formItem(student, '请假事由').locator('textarea').fill('家中有事')
          expect(await horizontalOverflow(student)).toBeLessThanOrEqual(0)
          await shot('03-filled')

          await student.locator('[data-test=apply-submit]').click()
          await student.waitForURL(/\/my-cases\/[^/]+\/receipt$/)
          caseNo = await student.locator('[data-test=receipt-case-no]').innerText()
          expect(caseNo).toMatch(/^\d{13}$/)
          expect(await student.locator('[data-test=receipt-next]').innerText()).toMatch(
            /^辅导员审批，应于 /,
          )
          await shot('04-receipt')
        })

        it('the counsellor and then the dean find it in their inboxes and agree with a signature', async () => {
          expect(caseNo).not.toBe('')
          for (const [page, who, comment] of [
            [counsellor, 'counsellor', '情况属实，同意'],
            [dean, 'dean', '同意请假，注意安全'],
          ] as const) {
            const due = await agreeFromInbox(page, server.url, caseNo, {
              comment,
              shot: shooter(page, who),
              sign: true,
            })
            expect(due).toMatch(/\d{4}/)
            expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
          }
        })

        it('the student reports back (销假) under 我的办件 and the counsellor confirms it', async () => {
          const shot = shooter(student, 'student')
          await student.goto(`${server.url}/my-cases`)
          const row = student.locator('[data-test=my-case]').filter({ hasText: caseNo })
          const report = row.locator('[data-test=awaited-message]')
          await report.waitFor()
          expect(await report.innerText()).toBe('假满返校销假')
          await shot('05-awaiting-return')
          await report.click()
          await row.locator('[data-test=awaited-confirm] textarea').fill('已于 12 月 10 日返校')
          await row.locator('[data-test=awaited-submit]').click()
          // Delivered, the button goes; the case waits for the counsellor's confirmation.
          await expect.poll(() => row.locator('[data-test=awaited-message]').count()).toBe(0)
          expect(await row.locator('[data-test=status-tag]').innerText()).toBe('办理中')
          await shot('06-reported-back')

          await agreeFromInbox(counsellor, server.url, caseNo, {
            comment: '已返校，确认销假',
            shot: shooter(counsellor, 'counsellor-confirm'),
            sign: false,
          })
        })

        it('the student sees the case completed on its page and timeline, and evaluates it', async () => {
          const shot = shooter(student, 'student')
          await student.goto(`${server.url}/my-cases`)
          const row = student.locator('[data-test=my-case]').filter({ hasText: caseNo })
          await row.locator('[data-test=status-tag]').filter({ hasText: '已办结' }).waitFor()
          await row.locator('a').click()
          await student.waitForURL(/\/cases\/[^/]+$/)
          await student.locator('[data-test=case-status]').filter({ hasText: '已办结' }).waitFor()

          await student
            .locator('[data-test=case-diagram] [data-element-id=End_returned].case-done')
            .waitFor()
          expect(await horizontalOverflow(student)).toBeLessThanOrEqual(0)
          await shot('07-completed')
          // Each entry (its time first): the step, what happened, who, and their comment; in order,
          // the student's own report-back among them, ending with the case completed.
          const timeline = await student.locator('[data-test=timeline-entry]').allInnerTexts()
          const order = [
            /\n提交申请\n办理人：李明/,
            /\n辅导员审批\n已办理\n同意\n办理人：彭雪[\s\S]*情况属实，同意$/,
            /\n学院分管领导审批\n已办理\n同意\n办理人：曹立新[\s\S]*同意请假，注意安全$/,
            /\n已确认\n办理人：李明\s+已于 12 月 10 日返校$/,
            /\n辅导员确认销假\n已办理\n同意\n办理人：彭雪[\s\S]*已返校，确认销假$/,
            /\n办结$/,
          ]
          expect(timeline).toEqual(order.map((pattern) => expect.stringMatching(pattern)))

          await student.locator('[data-test=rating-satisfied]').click()
          await student.locator('textarea[data-test=rating-comment]').fill('审批很快，谢谢老师')
          await student.locator('[data-test=submit-evaluation]').click()
          const evaluation = student.locator('[data-test=my-evaluation]')
          await evaluation.waitFor()
          expect(await evaluation.innerText()).toBe('我的评价：满意 — 审批很快，谢谢老师')
          // It stays: the page read again from the server shows the same evaluation and no form.
          await student.reload()
          await evaluation.waitFor()
          expect(await evaluation.innerText()).toBe('我的评价：满意 — 审批很快，谢谢老师')
          expect(await student.locator('[data-test=evaluate-form]').count()).toBe(0)
          await shot('08-evaluated')
        })
      },
    )
  },
)
