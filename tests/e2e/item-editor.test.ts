import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser } from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'

const built = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/designer/dist/index.html'))
if (!built) console.warn('e2e item editor test skipped: run pnpm build first.')

/** Generous: the shared build machine is often loaded many times over. */
const STEP_TIMEOUT = 240_000

interface VersionBody {
  version: number
  guide: { materials: { id: string; name: string }[]; legalLimit?: { value: number }; promisedLimit?: { value: number }; contact: { phone: string } }
  form: { properties?: Record<string, Record<string, unknown>> }
  bpmn: string
}

/**
 * Issue 5's acceptance path in the item editor: from an empty item, the staff-leave item of
 * DOMAIN.md §6 is built only by clicking and typing — guide, form, process — test-run and
 * published; the published version is then read back through the API.
 */
describe.skipIf(!built)('a hall admin builds the staff-leave item in the item editor, only by clicking', () => {
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  let itemId = ''
  const problems: string[] = []
  const shot = (step: string) => page.screenshot({ path: join(ARTIFACTS, `item-editor-${step}.png`) })
  const by = (test: string) => page.locator(`[data-test="${test}"]`)
  const panel = () => by('property-panel')

  /** Picks `text` in an Element Plus select (its dropdown lives at the end of the body). */
  async function choose(select: Locator, text: string) {
    await select.click()
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: text }).first().click()
  }
  async function fillNumber(test: string, value: string) {
    const input = by(test).locator('input')
    await input.fill(value)
    await input.press('Tab')
  }
  async function addField(component: string, title: string, name: string) {
    await by(`palette-${component}`).click()
    await panel().locator('[data-test=prop-title]').fill(title)
    const nameInput = panel().locator('[data-test=prop-name]')
    await nameInput.fill(name)
    await nameInput.press('Enter')
    await by(`node-${name}`).waitFor()
  }

  // The process canvas, as in process-designer.test.ts. A task shows its name inside its shape; an
  // event's name is a label shape of its own, and selecting and deleting that label only clears the
  // name: the event stays. So shapes are found by name without labels, events by their label's owner.
  const shape = (name: string) => page.locator('g.djs-shape:not([data-element-id$="_label"])').filter({ hasText: new RegExp(`^${name}$`) }).first()
  async function event(name: string) {
    const label = page.locator('g.djs-shape[data-element-id$="_label"]').filter({ hasText: new RegExp(`^${name}$`) }).first()
    const id = (await label.getAttribute('data-element-id'))!.replace(/_label$/, '')
    return page.locator(`g.djs-shape[data-element-id="${id}"]`)
  }
  const gateway = () => page.locator('.djs-shape[data-element-id^="Gateway_"]').first()
  const contextPad = (action: string) => page.locator(`.djs-context-pad [data-action="${action}"]`)
  async function pick(element: Locator) {
    await page.locator('[data-test=process-canvas] svg').first().click({ position: { x: 20, y: 20 } })
    await element.click()
  }
  async function appendTask(name: string) {
    await contextPad('append.append-task').click()
    await page.locator('.djs-direct-editing-parent').waitFor()
    await page.keyboard.type(name)
    await pick(shape(name))
  }

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
    browser = await launchBrowser({ width: 1440, height: 900 })
    page = await browser.context.newPage()
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text())
    })
    // Only the session probe before signing in may fail.
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.status() >= 400 && url.pathname !== '/api/auth/me') problems.push(`${response.status()} ${url.pathname}`)
    })
    await page.goto(`${server.url}/designer/`)
    await submitLogin(page, 'county.hall')
    await by('create-item').waitFor()
  }, STEP_TIMEOUT)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates an empty item and lands in its editor', async () => {
    await by('create-item').click()
    await by('item-code').fill('staff-leave-e2e')
    await by('item-name').fill('职工请假（端到端）')
    await choose(by('item-dept'), '办公室')
    await by('create-item-submit').click()
    await page.waitForURL(/\/designer\/items\/[^/]+\/edit$/)
    itemId = page.url().split('/items/')[1]!.split('/')[0]!
    await by('guide-editor').waitFor()
    await shot('01-empty-item')
  }, STEP_TIMEOUT)

  it('writes the guide: basis, conditions, a material, procedure, limits, result, contact', async () => {
    await by('guide-summary').fill('本单位职工请假的申请与审批。')
    await by('guide-basis-add').click()
    await by('guide-basis-0').fill('《机关工作人员考勤与休假管理办法》')
    await by('guide-conditions').fill('本单位在编在岗职工。')
    await by('material-add').click()
    const material = by('material-0')
    await material.locator('[data-test=material-name]').fill('医院证明')
    await material.locator('[data-test=material-id]').fill('hospital-certificate')
    await material.locator('[data-test=material-secondary]').click()
    await material.locator('[data-test=material-may-be-missing]').click()
    await by('guide-procedure').fill('网上申请，科室负责人审批，超过 3 天由主任审批。')
    await fillNumber('guide-legal-value', '6')
    await fillNumber('guide-promised-value', '3')
    await by('guide-result-name').fill('请假审批单')
    await by('guide-phone').fill('0571-88001234')
    await by('guide-complaint-phone').fill('12345')
    expect(await page.locator('[data-test^="problem-"]').count()).toBe(0)
    await shot('02-guide')
  }, STEP_TIMEOUT)

  it('designs the form: applicant name, leave type from a code table, days, reason, the certificate', async () => {
    await page.locator('#tab-form').click()
    await by('form-designer').waitFor()
    await addField('input', '申请人', 'applicantName')
    await choose(panel().locator('[data-test=prop-prefill]'), '当前用户姓名')
    await addField('select', '请假类型', 'leaveType')
    await panel().locator('[data-test=prop-required]').click()
    await panel().locator('[data-test=options-dictionary]').click()
    const table = panel().locator('[data-test=prop-dictionary]')
    await table.fill('leave_type')
    await table.press('Enter')
    await expect.poll(() => panel().locator('[data-test=dictionary-preview]').textContent()).toContain('共 6 项')
    await addField('number', '请假天数', 'days')
    await panel().locator('[data-test=prop-required]').click()
    await addField('textarea', '请假事由', 'reason')
    await addField('upload', '医院证明', 'certificate')
    await choose(panel().locator('[data-test=prop-material]'), '医院证明')
    await by('lint-none').waitFor()
    await shot('03-form')
  }, STEP_TIMEOUT)

  it('draws the process after 窗口受理: two approval steps, a gateway on days with a default flow, a read-only field for the director', async () => {
    await page.locator('#tab-process').click()
    await page.locator('.djs-palette').waitFor()
    // A new item starts as 申请 → 窗口受理 → 办结: the end goes, the steps continue after 窗口受理.
    const end = await event('办结')
    await pick(end)
    await contextPad('delete').click()
    await expect.poll(() => end.count()).toBe(0)
    await pick(shape('窗口受理'))
    await appendTask('科室审核')
    await choose(page.locator('[data-test=assignee-kind]').first(), '部门负责人')
    await fillNumber('due-amount', '3')
    await contextPad('append.gateway').click()
    await appendTask('主任审批')
    await choose(page.locator('[data-test=assignee-who]').first(), '王志强')
    await choose(by('approval'), '会签（全部同意）')
    await contextPad('append.end-event').click()
    await pick(gateway())
    await appendTask('办结登记')
    await choose(page.locator('[data-test=assignee-who]').first(), '郑丽')
    await contextPad('append.end-event').click()

    await pick(gateway())
    await by('gateway-flow-主任审批').click()
    await choose(by('condition-field'), '请假天数')
    await choose(by('condition-operator'), '大于')
    await page.locator('input[data-test=condition-value], [data-test=condition-value] input').first().fill('3')
    await expect.poll(() => by('condition-feel').innerText()).toBe('=days > 3')
    await pick(gateway())
    await by('gateway-flow-办结登记').click()
    await by('default-flow').click()
    // Nothing selected: the process's properties, with the field permissions matrix (fields × steps).
    await page.locator('[data-test=process-canvas] svg').first().click({ position: { x: 20, y: 20 } })
    const reasonForDirector = page.getByLabel('请假事由 · 主任审批', { exact: true })
    await reasonForDirector.selectOption('readonly')
    await expect.poll(() => reasonForDirector.inputValue()).toBe('readonly')
    await by('zoom-fit').click()
    await page.locator('#tab-problems').click()
    await expect.poll(() => page.locator('[data-test=problems-list] [data-test=problem]').allInnerTexts(), { timeout: 30_000 }).toEqual([])
    await shot('04-process')
  }, STEP_TIMEOUT)

  it('test-runs 5 days of leave and sees the director path highlighted', async () => {
    await page.locator('#tab-test-run').click()
    await page.locator('[data-test="var-days"] input').fill('5')
    await by('test-start').click()
    await expect.poll(() => by('test-decide').first().innerText()).toContain('窗口受理')
    await by('test-auto').click()
    await expect.poll(async () => `${await by('test-status').innerText()} ${await by('test-tasks').innerText()}`, { timeout: 30_000 }).toContain('已办结')
    const tasks = await by('test-tasks').locator('li').allInnerTexts()
    expect(tasks).toHaveLength(3)
    expect(tasks[0]).toContain('窗口受理')
    // county.hall sits in 办公室, whose head is 郑丽; the director's step goes to 王志强.
    expect(tasks[1]).toContain('科室审核')
    expect(tasks[1]).toContain('郑丽')
    expect(tasks[2]).toContain('主任审批')
    expect(tasks[2]).toContain('王志强')
    expect(tasks.join()).not.toContain('办结登记')
    expect(await page.locator('.djs-element.hall-sim-done').count()).toBeGreaterThanOrEqual(10)
    await shot('05-test-run')
  }, STEP_TIMEOUT)

  it('publishes version 1', async () => {
    await by('publish').click()
    await by('publish-start').click()
    await by('publish-success').waitFor({ timeout: 60_000 })
    await shot('06-published')
  }, STEP_TIMEOUT)

  it('finds what was clicked in the published version, through the API', async () => {
    const list = await page.request.get(`${server.url}/api/items/${itemId}/versions`)
    expect(list.status()).toBe(200)
    const { items: versions } = (await list.json()) as { items: { version: number }[] }
    expect(versions.map((v) => v.version)).toEqual([1])
    const version = (await (await page.request.get(`${server.url}/api/items/${itemId}/versions/1`)).json()) as VersionBody

    expect(version.guide.materials).toEqual([expect.objectContaining({ id: 'hospital-certificate', name: '医院证明' })])
    expect(version.guide.legalLimit?.value).toBe(6)
    expect(version.guide.promisedLimit?.value).toBe(3)
    expect(version.guide.contact.phone).toBe('0571-88001234')

    const fields = version.form.properties ?? {}
    expect(Object.keys(fields)).toEqual(['applicantName', 'leaveType', 'days', 'reason', 'certificate'])
    expect(fields.leaveType).toMatchObject({ title: '请假类型', 'x-dictionary': 'leave_type', required: true })
    expect(fields.days).toMatchObject({ title: '请假天数', type: 'number' })
    expect(fields.certificate).toMatchObject({ 'x-material': 'hospital-certificate' })

    expect(version.bpmn).toContain('hall:assignee="deptHead:1"')
    expect(version.bpmn).toContain('hall:due="3wd"')
    expect(version.bpmn).toMatch(/name="主任审批"[^>]*hall:approval="all"|hall:approval="all"[^>]*name="主任审批"/)
    expect(version.bpmn).toMatch(/<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3<\/bpmn:conditionExpression>/)
    expect(version.bpmn).toMatch(/<bpmn:exclusiveGateway id="Gateway_\w+" default="Flow_\w+"/)
    expect(version.bpmn).toMatch(/<hall:fieldPermission path="reason" mode="readonly" \/>/)
  }, STEP_TIMEOUT)

  it('logged no console errors and no failed requests along the way', () => {
    expect(problems).toEqual([])
  })
})
