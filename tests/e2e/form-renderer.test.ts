import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildFixture,
  chromiumLaunchOptions,
  serveFolder,
  type StaticServer,
} from '../../packages/form-renderer/fixture/build'
import { ARTIFACTS_DIR as ARTIFACTS } from '../support/browser'

const FIELDS = 200
/** wideForm requires its text inputs: every eighth field, 字段 1, 字段 9, … */
const REQUIRED = Array.from({ length: FIELDS / 8 }, (_, i) => i * 8 + 1)

describe('HallForm in Chromium: a 200-field form', () => {
  let work: string
  let server: StaticServer
  let browser: BrowserContext
  let page: Page

  /** The form item labelled `字段 n`. */
  const item = (n: number) =>
    page
      .locator('.formily-element-plus-form-item')
      .filter({ has: page.locator(`label:text-is("字段 ${n}")`) })
  const errors = () => page.locator('.formily-element-plus-form-item-error-help')

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hall-form-e2e-'))
    await buildFixture(join(work, 'site'))
    server = await serveFolder(join(work, 'site'))
    browser = await chromium.launchPersistentContext(join(work, 'profile'), {
      ...chromiumLaunchOptions(),
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    })
    page = await browser.newPage()
    await mkdir(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('renders, shows the errors validate finds, and submits once they are fixed', async () => {
    await page.goto(`${server.url}/index.html`)
    await page.waitForFunction(() => 'hallFixture' in window)
    await page.evaluate((fields) => window.hallFixture.render({ kind: 'wide', fields }), FIELDS)
    expect(await page.locator('.formily-element-plus-form-item').count()).toBe(FIELDS)

    // Fill the first third of the required fields, a number and a radio.
    const [filled, missing] = [REQUIRED.slice(0, 9), REQUIRED.slice(9)]
    for (const n of filled) await item(n).locator('input').fill(`值 ${n}`)
    await item(2).locator('input').fill('42')
    await item(2).locator('input').press('Tab')
    await item(8).getByText('否').click()

    await page.locator('[data-test=submit]').click()
    await expect.poll(() => errors().count()).toBe(missing.length)
    expect(await page.locator('[data-test=error-summary]').innerText()).toContain(
      `有 ${missing.length} 处需要修改`,
    )
    expect(await item(missing[0]!).innerText()).toContain(`“字段 ${missing[0]}”为必填项`)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(ARTIFACTS, 'form-renderer-01-errors.png') })
    expect(await page.evaluate(() => window.hallFixture.submitted.length)).toBe(0)

    // Errors clear as the fields are fixed, then the form submits.
    for (const n of missing) await item(n).locator('input').fill(`值 ${n}`)
    await expect.poll(() => errors().count()).toBe(0)
    await page.locator('[data-test=submit]').click()
    await expect.poll(() => page.evaluate(() => window.hallFixture.submitted.length)).toBe(1)

    const [record] = await page.evaluate(() => window.hallFixture.submitted)
    expect(record).toMatchObject({ f0: '值 1', f1: 42, f7: '否', f192: '值 193' })
    await page.screenshot({ path: join(ARTIFACTS, 'form-renderer-02-submitted.png') })
  })
})
