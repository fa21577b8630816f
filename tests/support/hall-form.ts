import type { Locator, Page } from 'playwright-core'

/** The form item of the hall form (form-renderer) with this label. */
export const formItem = (page: Page, label: string): Locator =>
  page
    .locator('.formily-element-plus-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })

/** The text of the first input of the labelled form item. */
export const inputValue = (page: Page, label: string): Promise<string> =>
  formItem(page, label).locator('input').first().inputValue()

/** Types a date (YYYY-MM-DD) into the labelled date picker and closes its panel. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  await formItem(page, label).locator('input').first().click()
  const input = formItem(page, label).locator('.el-date-editor input')
  await input.fill(date)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}
