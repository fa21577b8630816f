import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR, launchBrowser, submitLogin, type TestBrowser } from '../support/browser'
import { SERVER_CLI, startServer, type RunningServer } from '../support/server'
import { signIn } from '../support/api-client'
import { publishPensionItem } from '../support/pension-item'

/**
 * Desk intake (窗口受理登记): a citizen walks up to the social-security window without an account
 * session; the clerk finds her by resident ID (a mistyped check digit is caught first), fills the
 * form in her name, ticks the materials handed over, accepts the case as promised and gets the
 * acceptance notice to print. The citizen then finds the case among her own.
 */
const serverBuilt = existsSync(SERVER_CLI)


describe.skipIf(!serverBuilt)('a walk-in applicant registered and accepted at the desk', () => {
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  const shot = (step: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `window-desk-desktop-${step}.png`), fullPage: true })

  beforeAll(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    server = await startServer()
    const hall = await signIn(server.url, 'county.hall')
    await publishPensionItem(hall, { code: 'pension-desk', name: '养老保险关系转移（窗口）' })
    browser = await launchBrowser({ width: 1280, height: 800 })
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('identifies the citizen, fills the form for her, ticks the materials, accepts and prints the notice', async () => {
    await page.goto(`${server.url}/login`)
    await submitLogin(page, 'county.hr.2')
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
    await page.goto(`${server.url}/window/desk`)

    await page.locator('[data-test=desk-item-select]').click()
    await page.locator('.el-select-dropdown__item', { hasText: '养老保险关系转移（窗口）' }).click()
    await page.locator('input[data-test=desk-identity-input]').fill('341524199007080128')
    await page.locator('[data-test=desk-look-up]').click()
    expect(await page.locator('[data-test=desk-identity-error]').textContent()).toBe('身份证号码校验位不正确，请核对是否输错')
    await page.locator('input[data-test=desk-identity-input]').fill('341524199007080129')
    await page.locator('[data-test=desk-look-up]').click()
    const match = page.locator('[data-test=desk-match]')
    await match.waitFor()
    expect(await match.innerText()).toContain('李娜')
    expect(await match.innerText()).toContain('341524********0129')
    await shot('01-applicant-found')

    await match.locator('[data-test=desk-pick]').click()
    const name = page.locator('[data-test=desk-form] input').first()
    await name.waitFor()
    await name.fill('李娜')
    await page.locator('[data-test=desk-received-idcard]').click()
    await page.locator('[data-test=desk-received-application]').click()
    await shot('02-form-and-materials')
    await page.locator('[data-test=desk-submit]').click()

    await page.locator('[data-test=desk-outcome]').waitFor()
    // Every material was handed over: the page starts from a promised acceptance.
    expect(await page.locator('[data-test=action-promised].is-active').count()).toBe(1)
    await shot('03-outcome')
    await page.locator('[data-test=intake-submit]').click()
    await page.waitForURL(/\/notices\//)
    await page.locator('[data-test="window.notice.field.due"]').waitFor()
    expect(await page.locator('[data-test=notice-title]').textContent()).toBe('受理通知书')
    expect(await page.locator('[data-test=notice]').innerText()).toContain('李娜')
    expect(await page.locator('[data-test=print]').isVisible()).toBe(true)
    await shot('04-acceptance-notice')

    const citizen = await signIn(server.url, 'citizen.li')
    const { items } = await citizen.call<{ items: { itemName: string; intake: string; status: string }[] }>('GET', '/api/cases?scope=mine')
    expect(items.find((entry) => entry.itemName === '养老保险关系转移（窗口）')).toMatchObject({ intake: 'desk', status: 'running' })
  })
})
