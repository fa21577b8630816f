import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR as ARTIFACTS, launchBrowser, submitLogin, type TestBrowser, type Viewport } from '../support/browser'
import { REPO_ROOT, SERVER_CLI, startServer, type RunningServer } from '../support/server'

const VIEWPORTS: { name: string; viewport: Viewport; phone: boolean }[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'phone', viewport: { width: 375, height: 740 }, phone: true },
]
const serverBuilt = existsSync(SERVER_CLI)
if (!serverBuilt) {
  console.warn(
    `e2e login tests skipped: ${SERVER_CLI} does not exist yet. Run pnpm build to run them.`,
  )
}

/** Phones show no side bar: the actions live in the drawer behind the menu button. */
async function visible(page: Page, selector: string, phone: boolean) {
  if (phone && !(await page.locator('.el-drawer').isVisible())) {
    await page.locator('[data-test=open-menu]').click()
    await page.locator('.el-drawer').waitFor({ state: 'visible' })
  }
  return page.locator(selector).filter({ visible: true })
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

describe.skipIf(!serverBuilt)('signing in to the runtime and the designer', () => {
  let server: RunningServer

  beforeAll(async () => {
    for (const app of ['runtime', 'designer']) {
      const index = join(REPO_ROOT, 'apps', app, 'dist/index.html')
      if (!existsSync(index))
        throw new Error(`Expected the built ${app} at ${index}. Hint: run pnpm build.`)
    }
    await mkdir(ARTIFACTS, { recursive: true })
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  describe.each(VIEWPORTS)(
    'at $viewport.width×$viewport.height ($name)',
    ({ name, viewport, phone }) => {
      let browser: TestBrowser
      let page: Page
      const shot = (step: string) =>
        page.screenshot({ path: join(ARTIFACTS, `${name}-${step}.png`), fullPage: true })

      beforeAll(async () => {
        browser = await launchBrowser(viewport)
        page = await browser.context.newPage()
      })
      afterAll(async () => {
        await browser?.close()
      })

      it('sends a visitor to the login page and shows why a wrong password fails', async () => {
        await page.goto(`${server.url}/`)
        await page.waitForURL(/\/login/)
        await expectNoHorizontalScroll(page)
        await shot('01-runtime-login')

        await submitLogin(page, 'stu.2023001', 'not-the-password')
        const error = page.locator('[data-test=login-error]')
        await error.waitFor()
        expect(await error.innerText()).toContain('用户名或密码错误')
        await shot('02-runtime-login-failed')
      })

      it('signs the student in and greets them by name', async () => {
        await submitLogin(page, 'stu.2023001')
        await page.waitForURL(`${server.url}/`)
        const me = await page.evaluate(async () => {
          const response = await fetch('/api/auth/me')
          return ((await response.json()) as { user: { displayName: string } }).user
        })
        const greeting = page.locator('[data-test=greeting]')
        await greeting.waitFor()
        expect(await greeting.innerText()).toBe(`您好，${me.displayName}`)
        expect(await page.locator('[data-test=card-cases]').getAttribute('href')).toBe('/my-cases')
        await expectNoHorizontalScroll(page)
        if (phone) expect(await page.locator('.app-layout__aside').count()).toBe(0)
        await shot('03-runtime-home')
      })

      it("shows the student's profile with the change-password form", async () => {
        await (await visible(page, 'a[href="/profile"]', phone)).click()
        await page.waitForURL(`${server.url}/profile`)
        // Following a link closes the drawer: wait for it to be gone before looking at the page.
        await page.locator('.el-drawer').waitFor({ state: 'hidden' })
        await page.locator('[data-test=profile-display-name]').waitFor()
        expect(await page.locator('[data-test=change-password]').isVisible()).toBe(true)
        await expectNoHorizontalScroll(page)
        await shot('04-runtime-profile')
        await (await visible(page, '.nav-menu .el-menu-item', phone)).first().click()
        await page.waitForURL(`${server.url}/`)
        await page.locator('.el-drawer').waitFor({ state: 'hidden' })
      })

      it('switches to English and signs out', async () => {
        await (await visible(page, '[data-test=language-switch]', phone)).click()
        await page.locator('[data-test=greeting]').filter({ hasText: 'Hello,' }).waitFor()
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
        await shot('05-runtime-home-english')

        await (await visible(page, '[data-test=logout]', phone)).click()
        await page.waitForURL(/\/login/)
        await page.getByRole('heading', { name: /Sign in/ }).waitFor()
      })

      it('shows 无权限 to a student in the designer', async () => {
        await page.goto(`${server.url}/designer/`)
        await page.waitForURL(/\/designer\/login/)
        // The language chosen in the runtime carries over; switch back to Chinese.
        await page.locator('[data-test=language-switch]').click()
        await page.getByRole('heading', { name: /登录/ }).waitFor()

        await submitLogin(page, 'stu.2023001')
        await page.waitForURL(/\/designer\/forbidden/)
        expect(await page.locator('[data-test=forbidden]').innerText()).toContain('无权限')
        await expectNoHorizontalScroll(page)
        await shot('06-designer-forbidden')
        await page.locator('[data-test=switch-account]').click()
        await page.waitForURL(/\/designer\/login/)
      })

      it('shows the item list to the county hall administrator', async () => {
        await submitLogin(page, 'county.hall')
        await page.waitForURL(`${server.url}/designer/`)
        const empty = page.locator('[data-test=items-empty]')
        await empty.waitFor()
        expect(await empty.innerText()).toContain('暂无事项')
        await expectNoHorizontalScroll(page)
        await shot('07-designer-items')
        await (await visible(page, '[data-test=logout]', phone)).click()
        await page.waitForURL(/\/designer\/login/)
      })
    },
  )
})
