import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser } from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'

const DESIGNER_BUILT = existsSync(SERVER_CLI) && existsSync(join(REPO_ROOT, 'apps/designer/dist/index.html'))
if (!DESIGNER_BUILT) console.warn('e2e form designer test skipped: run pnpm build first.')

/** Generous: the shared build machine is often loaded many times over. */
const STEP_TIMEOUT = 240_000

/** The slice of a form schema the JSON check reads. */
interface SchemaJson {
  properties?: Record<string, Record<string, unknown>>
}

describe.skipIf(!DESIGNER_BUILT)('a hall admin builds the staff-leave form and its guide by clicking and typing', () => {
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  const problems: string[] = []
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `form-designer-${name}.png`), fullPage: true })
  const by = (test: string) => page.locator(`[data-test="${test}"]`)
  const panel = () => by('property-panel')

  /** Picks `text` in an Element Plus select (its dropdown lives at the end of the body). */
  async function choose(select: Locator, text: string) {
    await select.click()
    await page.locator('.el-select-dropdown__item').filter({ visible: true, hasText: text }).first().click()
  }
  async function addField(component: string, title: string, name: string, required = true) {
    await by(`palette-${component}`).click()
    await panel().locator('[data-test=prop-title]').fill(title)
    const nameInput = panel().locator('[data-test=prop-name]')
    await nameInput.fill(name)
    await nameInput.press('Enter')
    await by(`node-${name}`).waitFor()
    if (required) await panel().locator('[data-test=prop-required]').click()
  }
  const canvasOrder = () =>
    page.locator('[data-test=canvas] [role=treeitem]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-test')))

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
    browser = await launchBrowser({ width: 1440, height: 900 })
    page = await browser.context.newPage()
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text())
    })
    // Failed loads are judged by URL: only the session probe before signing in may fail.
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.status() >= 400 && url.pathname !== '/api/auth/me') problems.push(`${response.status()} ${url.pathname}`)
    })
    await page.goto(`${server.url}/designer/form-design`)
    await submitLogin(page, 'county.hall')
    await by('form-designer').waitFor()
  }, STEP_TIMEOUT)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('builds the fields, with options from a code table and the name pre-filled', async () => {
    await addField('select', '请假类型', 'leaveType')
    await panel().locator('[data-test=options-dictionary]').click()
    const table = panel().locator('[data-test=prop-dictionary]')
    await table.fill('leave_type')
    await table.press('Enter')
    await expect.poll(() => panel().locator('[data-test=dictionary-preview]').textContent()).toContain('共 6 项')

    await addField('number', '请假天数', 'days')
    await addField('date', '开始日期', 'start')
    await addField('date', '结束日期', 'end')
    await addField('textarea', '请假事由', 'reason')
    await addField('upload', '医院证明', 'certificate', false)
    await addField('input', '申请人', 'applicantName')
    await choose(panel().locator('[data-test=prop-prefill]'), '当前用户姓名')

    // Keyboard: the applicant goes to the top with Alt+↑, one place at a time.
    for (let i = 0; i < 6; i++) await by('node-applicantName').press('Alt+ArrowUp')
    expect(await canvasOrder()).toEqual([
      'node-applicantName',
      'node-leaveType',
      'node-days',
      'node-start',
      'node-end',
      'node-reason',
      'node-certificate',
    ])
    await shot('01-fields')
  }, STEP_TIMEOUT)

  it('requires the certificate when more than 3 days are asked for, without code', async () => {
    await by('node-certificate').click()
    await panel().locator('[data-test=rule-add]').click()
    const rule = panel().locator('[data-test=rule-0]')
    await choose(rule.locator('[data-test=rule-field]'), '(days)')
    await choose(rule.locator('[data-test=rule-op]'), '大于')
    await rule.locator('[data-test=rule-value]').fill('3')
    await choose(rule.locator('[data-test=rule-effect]'), '本字段必填')
    await expect.poll(() => by('node-certificate').textContent()).toContain('联动')
  }, STEP_TIMEOUT)

  it('drags a divider in, deletes it with the keyboard, undoes and deletes again', async () => {
    await page.dragAndDrop('[data-test=palette-divider]', '[data-test=node-reason]')
    await by('node-divider1').waitFor()
    await by('node-divider1').click()
    await by('node-divider1').press('Delete')
    await by('node-divider1').waitFor({ state: 'detached' })
    await page.keyboard.press('Control+z')
    await by('node-divider1').waitFor()
    await by('node-divider1').click()
    await by('node-divider1').press('Delete')
    await by('node-divider1').waitFor({ state: 'detached' })
  }, STEP_TIMEOUT)

  it('fills the guide: materials, limits with a live warning, result, contact, appointments', async () => {
    await by('to-guide').click()
    await by('guide-editor').waitFor()
    await by('guide-summary').fill('本单位职工请假的申请与审批。')
    await by('guide-audiences').getByText('职工').click()
    await by('guide-basis-add').click()
    await by('guide-basis-0').fill('《机关工作人员考勤与休假管理办法》')
    await by('guide-conditions').fill('本单位在编在岗职工。')
    await by('material-add').click()
    const material = by('material-0')
    await material.locator('[data-test=material-name]').fill('医院证明')
    await material.locator('[data-test=material-id]').fill('hospital-certificate')
    await material.locator('[data-test=material-secondary]').click()
    await material.locator('[data-test=material-may-be-missing]').click()
    await by('guide-procedure').fill('网上申请，科室负责人审批，超过 3 天由分管领导审批。')

    // A promise as long as the legal limit is lawful but earns the one-third warning, live.
    await by('guide-legal-value').locator('input').fill('5')
    await by('guide-legal-value').locator('input').press('Tab')
    await by('guide-promised-value').locator('input').fill('5')
    await by('guide-promised-value').locator('input').press('Tab')
    await expect.poll(() => by('problem-promisedLimit').textContent()).toContain('至少缩短三分之一')
    await shot('02-guide-warning')
    await by('guide-promised-value').locator('input').fill('3')
    await by('guide-promised-value').locator('input').press('Tab')
    await by('problem-promisedLimit').waitFor({ state: 'detached' })

    await by('guide-result-name').fill('请假审批单')
    await by('guide-phone').fill('0571-88001234')
    await by('guide-complaint-phone').fill('12345')
    await by('guide-appointment').click()
    await by('guide-appointment-settings').waitFor()
    expect(await page.locator('[data-test^="problem-"]').count()).toBe(0)
    await shot('03-guide')
  }, STEP_TIMEOUT)

  it('ties the certificate upload to the guide material, leaving no design problem', async () => {
    await by('to-form').click()
    await by('node-certificate').click()
    await choose(panel().locator('[data-test=prop-material]'), '医院证明')
    await by('lint-none').waitFor()
  }, STEP_TIMEOUT)

  it('previews at phone width with the name pre-filled for the signed-in admin', async () => {
    await by('mode-preview').click()
    await by('preview-phone').click()
    const frame = by('preview-frame')
    await expect.poll(() => frame.evaluate((element) => element.getBoundingClientRect().width)).toBe(375)
    const applicant = frame.locator('.formily-element-plus-form-item').filter({ hasText: '申请人' }).locator('input')
    // county.hall has no data-center person record; the catalog's user attribute is 吴晓梅's display name.
    await expect.poll(() => applicant.inputValue()).toBe('吴晓梅')
    await shot('04-preview-phone')
  }, STEP_TIMEOUT)

  it('shows the schema in the JSON view and refuses broken JSON, keeping the form', async () => {
    await by('mode-json').click()
    const text = by('json-text')
    const schema = JSON.parse(await text.inputValue()) as SchemaJson
    const fields = schema.properties ?? {}
    expect(Object.keys(fields)).toEqual(['applicantName', 'leaveType', 'days', 'start', 'end', 'reason', 'certificate'])
    expect(fields['applicantName']?.['x-prefill']).toBe('user:displayName')
    expect(fields['leaveType']).toMatchObject({ 'x-component': 'Select', 'x-dictionary': 'leave_type', required: true })
    expect(fields['days']).toMatchObject({ type: 'number', 'x-component': 'NumberPicker', title: '请假天数' })
    expect(fields['certificate']).toMatchObject({
      'x-component': 'Upload',
      'x-material': 'hospital-certificate',
      'x-reactions': [{ when: { field: 'days', op: 'gt', value: 3 }, then: { required: true } }],
    })
    await shot('05-json')

    await text.fill('{ "type": "object", "properties": { "a": { "x-evil": 1 } } }')
    await by('json-problems').waitFor()
    expect(await by('json-problems').textContent()).toContain('x-evil')
    expect(await by('json-apply').isDisabled()).toBe(true)
    await by('json-discard').click()
    expect(JSON.parse(await text.inputValue())).toEqual(schema)
    expect(problems).toEqual([])
  }, STEP_TIMEOUT)
})
