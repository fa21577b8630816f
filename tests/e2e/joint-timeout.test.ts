import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type ApiSession } from '../support/api-client'
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
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { installTemplate } from '../support/templates'

/**
 * Issue 6 "done when": a joint item where a co-department times out and is deemed to agree
 * (超时默认同意). The county installs the built-in "joint enterprise approval" template and
 * publishes a variant whose 生态环境 step is due one minute after it opens (the template gives
 * three working days); the lead window accepts the case as joint and agrees in the browser, the
 * market and fire co-departments agree from their inboxes, nobody answers for the environment,
 * and the server's own worker (polling every second, apps/server/src/worker/job-worker.ts)
 * completes that step as agreed when its minute is up. The lead window then issues the licence,
 * and the enterprise follows it all on its case page, which updates itself live.
 *
 * The demo county has no fire or environment window: the unit maps those posts onto windows it
 * has (消防 onto 住建, which has held fire design review since 2019; 生态环境 onto 不动产登记 only
 * so that someone holds the step that will time out).
 */
const POSTS = { 'P-LEAD': 'P-INTAKE', 'P-FIRE': 'P-BUILD', 'P-ENV': 'P-ESTATE' }
const CO_DEPARTMENTS = ['市场监管窗口', '住房城乡建设窗口', '不动产登记窗口']
/** The timed-out step's deadline, and how long the test waits for the worker past it. */
const SHORT_DUE = '1m'
const TIMEOUT_WAIT_MS = 150_000
const built = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/runtime/dist/index.html'))
if (!built) console.warn('e2e joint timeout test skipped: run pnpm build to run it.')

/** Publishes the item again with the environment step due in SHORT_DUE and no early warning. */
async function shortenEnvironmentStep(hall: ApiSession, itemId: string): Promise<void> {
  const { draft } = await hall.get<{
    draft: { guide: unknown; form: unknown; bpmn: string; revision: number }
  }>(`/api/items/${itemId}`)
  const bpmn = draft.bpmn.replace(/<bpmn:userTask id="Task_env"[^>]*>/, (tag) =>
    tag.replace(/hall:due="[^"]*"/, `hall:due="${SHORT_DUE}"`).replace(/\s+hall:warn="[^"]*"/, ''),
  )
  if (!bpmn.includes(`hall:due="${SHORT_DUE}"`))
    throw new Error('Task_env has no hall:due to shorten')
  await hall.call('PUT', `/api/items/${itemId}/draft`, {
    guide: draft.guide,
    form: draft.form,
    bpmn,
    revision: draft.revision,
  })
  await hall.post(`/api/items/${itemId}/publish`, {
    note: `e2e: 生态环境部门审批 due in ${SHORT_DUE}`,
  })
}

/** The enterprise submits online with its two required materials (the window's side is what this test drives). */
async function applyOnline(
  baseUrl: string,
  itemId: string,
): Promise<{ caseId: string; caseNo: string }> {
  const enterprise = await signIn(baseUrl, 'enterprise.wang')
  const upload = async (material: string, name: string) => {
    const form = new FormData()
    form.append(
      'files',
      new File([`%PDF-1.4 ${name}`], `${material}.pdf`, { type: 'application/pdf' }),
    )
    form.append('material', material)
    const { items } = await enterprise.upload<{ items: { id: string; name: string }[] }>(
      '/api/files',
      form,
    )
    return items.map(({ id, name: fileName }) => ({ id, name: fileName }))
  }
  const draft = await enterprise.post<{ id: string }>('/api/cases', { itemId })
  return enterprise.post(`/api/cases/${draft.id}/submit`, {
    data: {
      enterpriseName: '示范农业科技有限公司',
      creditCode: '91350100M000100Y43',
      legalPerson: '王芳',
      legalPersonId: '341524199512010148',
      contactName: '王芳',
      contactPhone: '18605641204',
      address: '示范县城关镇人民路 88 号',
      area: 180,
      scope: '农业技术推广服务',
      licence: await upload('business-licence', '营业执照'),
      sitePlan: await upload('site-plan', '经营场所平面图'),
    },
  })
}

describe.skipIf(!built)(
  'a joint item where one co-department times out and is deemed to agree',
  () => {
    let server: RunningServer
    let caseId = ''
    let caseNo = ''
    const browsers: TestBrowser[] = []
    const pages: Record<string, Page> = {}
    /** Screenshots of `who`'s page, named after them (or `label`) and the step. */
    const shooter =
      (who: string, label = who) =>
      (step: string) =>
        pages[who]!.screenshot({
          path: join(ARTIFACTS_DIR, `joint-timeout-${label}-${step}.png`),
          fullPage: true,
        })
    const open = async (who: string, device: Device, username: string) => {
      const browser = await launchBrowser(device)
      browsers.push(browser)
      pages[who] = await browser.context.newPage()
      await signInAt(pages[who], server.url, username)
      return pages[who]
    }

    beforeAll(async () => {
      await mkdir(ARTIFACTS_DIR, { recursive: true })
      server = await startServer()
      const hall = await signIn(server.url, 'county.hall')
      const itemId = await installTemplate(hall, 'joint-enterprise', 'W-INTAKE', POSTS)
      await shortenEnvironmentStep(hall, itemId)
      ;({ caseId, caseNo } = await applyOnline(server.url, itemId))
    })
    afterAll(async () => {
      for (const browser of browsers) await browser.close()
      await server?.stop()
    })

    it('the lead window accepts it as joint, naming the co-departments, and agrees to take it on', async () => {
      const lead = await open('lead', DESKTOP, 'county.intake.1')
      const shot = shooter('lead')
      await lead.goto(`${server.url}/window/queue`)
      await lead.locator('[data-test=queue-case]', { hasText: caseNo }).click()
      await lead.waitForURL(new RegExp(`/window/cases/${caseId}`))
      await lead.locator('[data-test=action-joint]').click()
      await lead.locator('.window-case__form .el-select').click()
      for (const dept of CO_DEPARTMENTS)
        await lead.locator('.el-select-dropdown__item:visible', { hasText: dept }).click()
      await lead.keyboard.press('Escape')
      await shot('01-joint-intake')
      await lead.locator('[data-test=intake-submit]').click()
      await lead.waitForURL(/\/notices\//)
      expect(await lead.locator('[data-test=notice-title]').innerText()).toBe('联办件受理告知书')
      expect(await lead.locator('[data-test="window.notice.field.coDepts"]').innerText()).toBe(
        CO_DEPARTMENTS.join('；'),
      )
      await shot('02-joint-notice')

      await agreeFromInbox(lead, server.url, caseNo, {
        comment: '材料齐全，予以受理',
        shot,
        sign: false,
      })
    })

    it('the market and fire co-departments agree from their inboxes, at a desktop and on a phone', async () => {
      for (const [who, device, username, comment] of [
        ['market', DESKTOP, 'county.market.1', '同意，符合市场准入条件'],
        ['fire', PHONE, 'county.build.1', '同意，已作消防安全承诺'],
      ] as const) {
        const page = await open(who, device, username)
        await agreeFromInbox(page, server.url, caseNo, { comment, shot: shooter(who), sign: true })
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      }
    })

    it(
      'the environment step nobody answers is agreed by the worker when its minute is up, live on the enterprise’s case page',
      async () => {
        const enterprise = await open('enterprise', PHONE, 'enterprise.wang')
        await enterprise.goto(`${server.url}/cases/${caseId}`)
        await enterprise.locator('[data-test=live-badge]').waitFor()
        const waiting = enterprise.locator('[data-test=open-step]')
        await expect
          .poll(() => waiting.allInnerTexts())
          .toEqual([expect.stringContaining('生态环境部门审批')])
        await shooter('enterprise')('01-waiting-for-environment')

        // No reload: the worker's completion is announced, and the page fetches itself again.
        const timedOut = enterprise
          .locator('[data-test=timeline-entry]')
          .filter({ hasText: '生态环境部门审批' })
          .filter({ hasText: '超时自动办理' })
        await timedOut.waitFor({ timeout: TIMEOUT_WAIT_MS })
        expect(await timedOut.innerText()).toMatch(/\n生态环境部门审批\n超时自动办理\n同意\n/)
        expect(await timedOut.innerText()).not.toContain('办理人')
        await expect
          .poll(() => waiting.allInnerTexts())
          .toEqual([expect.stringContaining('牵头窗口办结发证')])
        expect(
          await enterprise.evaluate(() => performance.getEntriesByType('navigation').length),
        ).toBe(1)
        await shooter('enterprise')('02-environment-timed-out')
      },
      TIMEOUT_WAIT_MS + 30_000,
    )

    it('the lead window issues it, and the enterprise sees the case completed with the deemed agreement in its timeline', async () => {
      await agreeFromInbox(pages.lead!, server.url, caseNo, {
        comment: '准予许可，办结发证',
        shot: shooter('lead', 'issue'),
        sign: true,
      })

      const enterprise = pages.enterprise!
      await enterprise.locator('[data-test=case-status]').filter({ hasText: '已办结' }).waitFor()
      const timeline = await enterprise.locator('[data-test=timeline-entry]').allInnerTexts()
      const decided = (step: string) => timeline.filter((text) => text.includes(`\n${step}\n`))
      expect(decided('牵头窗口受理')).toEqual([
        expect.stringMatching(/同意\n办理人：钱磊[\s\S]*材料齐全，予以受理$/),
      ])
      expect(decided('市场监管部门审批')).toEqual([
        expect.stringMatching(/同意\n办理人：褚红[\s\S]*同意，符合市场准入条件$/),
      ])
      expect(decided('消防部门审批')).toEqual([
        expect.stringMatching(/同意\n办理人：沈娟[\s\S]*同意，已作消防安全承诺$/),
      ])
      expect(decided('生态环境部门审批')).toEqual([expect.stringMatching(/超时自动办理\n同意\n/)])
      expect(decided('牵头窗口办结发证')).toEqual([expect.stringMatching(/准予许可，办结发证$/)])
      expect(timeline.at(-1)).toMatch(/\n办结$/)
      expect(await horizontalOverflow(enterprise)).toBeLessThanOrEqual(0)
      await shooter('enterprise')('03-completed')

      // The lead window sees the same on the case page.
      const lead = pages.lead!
      await lead.goto(`${server.url}/cases/${caseId}`)
      await lead.locator('[data-test=case-status]').filter({ hasText: '已办结' }).waitFor()
      await lead
        .locator('[data-test=timeline-entry]')
        .filter({ hasText: '生态环境部门审批' })
        .filter({ hasText: '超时自动办理' })
        .waitFor()
      await shooter('lead')('03-completed')
    })
  },
)
