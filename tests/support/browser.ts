import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { DEMO_PASSWORD } from './server'

/** Where browser tests leave their screenshots (git-ignored; CI keeps them as artifacts). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url))

/** Debian's Chromium: the tests need no browser download. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface Viewport {
  width: number
  height: number
}

export interface TestBrowser {
  context: BrowserContext
  close(): Promise<void>
}

/**
 * A headless Chromium with a fresh profile (its own temporary user data folder): no cookies or
 * remembered language leak from one run into the next.
 */
export async function launchBrowser(viewport: Viewport): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'hall-e2e-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Fills in the login form the page shows and submits it (a demo account's password by default). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('input[name=password]').press('Enter')
}
