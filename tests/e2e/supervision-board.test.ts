import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser } from '../support/browser'
import { SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { signIn } from '../support/api-client'

const serverBuilt = existsSync(SERVER_CLI)
if (!serverBuilt)
  console.warn(
    `e2e supervision board skipped: ${SERVER_CLI} does not exist yet. Run pnpm build to run it.`,
  )

/** A published county item whose one step is due two seconds after it starts: overdue on the real clock at once. */
const guide = {
  summary: '电子监察演示事项',
  legalBasis: ['《政务服务管理办法》'],
  conditions: '无',
  procedure: '网上申请 → 审核',
  promisedLimit: { value: 1, unit: 'wd' },
  legalLimit: { value: 3, unit: 'wd' },
  result: { kind: 'reply', name: '答复' },
  contact: { phone: '0564-1234567', complaintPhone: '12345' },
  materials: [{ id: 'idcard', name: '居民身份证', form: 'copy', offline: true }],
}
const form = {
  type: 'object',
  properties: { name: { type: 'string', title: '姓名', 'x-component': 'Input' } },
}
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:e2e">
  <bpmn:process id="Process_sup-demo" name="电子监察演示" isExecutable="true" hall:promise="1wd">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="社保经办审核" hall:assignee="post:P-HR" hall:due="PT2S" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

describe.skipIf(!serverBuilt)('the supervision board in Chromium', () => {
  let server: RunningServer
  let browser: TestBrowser

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
    browser = await launchBrowser({ width: 375, height: 740 })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the supervision office a step whose due has passed, marked red', async () => {
    const hall = await signIn(server.url, 'county.hall')
    const { items: departments } = (await hall.get('/api/org/departments')) as {
      items: { id: string; code: string }[]
    }
    const created = await hall.call('POST', '/api/items', {
      code: 'sup-demo',
      name: '电子监察演示',
      deptId: departments.find((d) => d.code === 'W-HR')!.id,
    })
    const itemId = (created.item as { id: string }).id
    const draft = await hall.call('PUT', `/api/items/${itemId}/draft`, {
      guide,
      form,
      bpmn,
      revision: (created.draft as { revision: number }).revision,
    })
    await hall.call('POST', `/api/items/${itemId}/publish`, { revision: draft.revision })

    const citizen = await signIn(server.url, 'citizen.zhang')
    const application = await citizen.call('POST', '/api/cases', { itemId })
    const receipt = await citizen.call('POST', `/api/cases/${String(application.id)}/submit`, {
      data: { name: '张伟' },
    })
    await new Promise((done) => setTimeout(done, 2_500)) // the step's 2-second limit passes on the server's real clock

    const page = await browser.context.newPage()
    await page.goto(`${server.url}/login`)
    await submitLogin(page, 'county.sup')
    await page.waitForURL(`${server.url}/`)
    await page.goto(`${server.url}/supervision/board`)
    const row = page.locator('[data-test=board-row]').filter({ hasText: String(receipt.caseNo) })
    await row.waitFor()
    expect(await row.getAttribute('data-state')).toBe('overdue')
    expect(await row.locator('[data-test=board-state]').innerText()).toBe('超时')
    const colour = await row
      .locator('[data-test=board-state]')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(colour).toBe('rgb(245, 108, 108)') // Element Plus danger red
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await page.screenshot({
      path: join(ARTIFACTS, 'supervision-board-overdue.png'),
      fullPage: true,
    })
  })
})
