import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, signInAt, type TestBrowser, type Viewport } from '../support/browser'
import { signIn as signInApi } from '../support/api-client'
import { agreeFromInbox } from '../support/approver-ui'
import { SERVER_CLI, startServer, type RunningServer } from '../support/server'

const DESKTOP: Viewport = { width: 1280, height: 800 }
const PHONE: Viewport = { width: 375, height: 812 }
const serverBuilt = existsSync(SERVER_CLI)
if (!serverBuilt)
  console.warn(
    `e2e approver tests skipped: ${SERVER_CLI} does not exist yet. Run pnpm build to run them.`,
  )

describe.skipIf(!serverBuilt)(
  'approving a student leave in the inbox, signing, and printing it',
  () => {
    let server: RunningServer
    let caseId: string
    let caseNo: string
    const browsers: TestBrowser[] = []

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true })
      server = await startServer()
      const base = server.url
      // The demo counsellor is on a training trip around 1 Dec 2026 (seed): the unit admin ends it, so their tasks stay theirs.
      const admin = await signInApi(base, 'univ.admin')
      const { items: people } = await admin.call<{ items: { id: string; username: string }[] }>(
        'GET',
        '/api/org/users?q=cs.counsellor',
      )
      const counsellorId = people.find((user) => user.username === 'cs.counsellor')!.id
      const { items: away } = await admin.call<{ items: { id: string }[] }>(
        'GET',
        `/api/org/absences?userId=${counsellorId}`,
      )
      for (const absence of away) await admin.call('DELETE', `/api/org/absences/${absence.id}`)

      const hall = await signInApi(base, 'univ.hall')
      const { items: depts } = await hall.call<{ items: { id: string; code: string }[] }>(
        'GET',
        '/api/org/departments',
      )
      const { itemId } = await hall.call<{ itemId: string }>(
        'POST',
        '/api/templates/student-leave/install',
        { deptId: depts.find((d) => d.code === 'HALL')!.id, posts: { 'P-XGC': 'P-JWC-REVIEW' } },
      )

      const student = await signInApi(base, 'stu.2023001')
      const draft = await student.call<{ id: string }>('POST', '/api/cases', { itemId })
      const { data } = await student.call<{ data: Record<string, unknown> }>(
        'GET',
        `/api/cases/${draft.id}`,
      )
      // What the data center pre-fills for 李明 (the counsellor decides the first step), in case the draft came without it.
      const known = {
        name: '李明',
        studentNo: '2023001',
        college: '计算机学院',
        className: '计科2301',
        counsellor: '彭雪',
        counsellorId,
        phone: '13956001001',
      }
      // Four days: past the counsellor's three, so the dean approves too.
      const receipt = await student.call<{ caseId: string; caseNo: string }>(
        'POST',
        `/api/cases/${draft.id}/submit`,
        {
          data: {
            ...known,
            ...data,
            leaveType: 'personal',
            startDate: '2026-12-07',
            endDate: '2026-12-10',
            days: 4,
            destination: '安徽合肥',
            emergencyContact: '13905510001',
            reason: '回家探亲',
          },
        },
      )
      ;({ caseId, caseNo } = receipt)
    })
    afterAll(async () => {
      for (const browser of browsers) await browser.close()
      await server?.stop()
    })

    const open = async (viewport: Viewport) => {
      const browser = await launchBrowser(viewport)
      browsers.push(browser)
      return browser.context.newPage()
    }

    it('lets the counsellor find it in the inbox with its due date and agree with a comment and a signature (desktop)', async () => {
      const page = await open(DESKTOP)
      const shot = (step: string) =>
        page.screenshot({
          path: join(ARTIFACTS, `approver-desktop-counsellor-${step}.png`),
          fullPage: true,
        })
      await signInAt(page, server.url, 'cs.counsellor')
      expect(await agreeFromInbox(page, server.url, caseNo, { comment: '情况属实，同意', shot })).toMatch(/\d{4}/)
      await shot('after')
    })

    it('lets the dean do the same on a phone (375×812)', async () => {
      const page = await open(PHONE)
      const shot = (step: string) =>
        page.screenshot({
          path: join(ARTIFACTS, `approver-phone-dean-${step}.png`),
          fullPage: true,
        })
      await signInAt(page, server.url, 'cs.dean')
      expect(await agreeFromInbox(page, server.url, caseNo, { comment: '同意请假，注意安全', shot })).toMatch(/\d{4}/)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow).toBeLessThanOrEqual(0)
    })

    it('prints the finished case with both opinions and both signatures', async () => {
      const page = await open(DESKTOP)
      await signInAt(page, server.url, 'cs.dean')
      await page.goto(`${server.url}/cases/${caseId}/print`)
      const trail = page.locator('[data-test=print-trail]')
      await trail.waitFor()
      const rows = trail.locator('[data-test=trail-row]')
      expect(await rows.count()).toBe(2)
      expect(await rows.nth(0).innerText()).toContain('情况属实，同意')
      expect(await rows.nth(1).innerText()).toContain('同意请假，注意安全')
      const signatures = trail.locator('[data-test=trail-signature]')
      expect(await signatures.count()).toBe(2)
      for (const src of await signatures.evaluateAll((images) =>
        images.map((image) => image.getAttribute('src')),
      ))
        expect(src).toMatch(/^data:image\/png;base64,/)
      expect(await page.locator('[data-test=print-header]').innerText()).toContain(caseNo)
      await page.screenshot({ path: join(ARTIFACTS, 'approver-print.png'), fullPage: true })
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('.app-layout__header').isVisible()).toBe(false)
      await page.screenshot({ path: join(ARTIFACTS, 'approver-print-media.png'), fullPage: true })
    })
  },
)
