import type { Page } from 'playwright-core'

/** Draws a small zigzag on the signature pad with the mouse (pointer events, as a finger would). */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.locator('[data-test=signature-pad]')
  const box = (await pad.boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++)
    await page.mouse.move(
      box.x + 20 + i * (box.width / 8),
      box.y + (i % 2 ? 15 : box.height - 15),
      { steps: 4 },
    )
  await page.mouse.up()
}

export interface AgreeOptions {
  comment: string
  /** Takes a screenshot of the step named (the inbox, the agree dialog). */
  shot?: (step: string) => Promise<unknown>
  /** Also draw a signature in the agree dialog (every agree offers the pad; some steps want it). */
  sign?: boolean
}

/**
 * Opens the case's task from the signed-in approver's inbox (cards on a narrow screen, a table
 * otherwise), agrees with a comment (and a drawn signature), and waits to land back in the inbox.
 * Answers the inbox's due-date text of the task.
 */
export async function agreeFromInbox(
  page: Page,
  baseUrl: string,
  caseNo: string,
  options: AgreeOptions,
): Promise<string> {
  await page.goto(`${baseUrl}/tasks`)
  // The inbox's own breakpoint (useNarrowScreen in @hall/web-common).
  const narrow = await page.evaluate(() => window.matchMedia('(max-width: 768px)').matches)
  const row = page
    .locator(narrow ? '[data-test=inbox-card]' : '[data-test=inbox-table] .el-table__row')
    .filter({ hasText: caseNo })
  await row.waitFor()
  const due = await row.locator('[data-test=due]').innerText()
  await options.shot?.('inbox')
  await row.locator('[data-test=open-task]').click()
  await page.waitForURL(/\/tasks\/[^/]+$/)
  await page.locator('[data-test=case-header]').filter({ hasText: caseNo }).waitFor()
  await page.locator('[data-test=action-agree]').click()
  await page.locator('textarea[data-test=action-comment]').fill(options.comment)
  if (options.sign ?? true) await drawSignature(page)
  await options.shot?.('agree-dialog')
  await page.locator('[data-test=action-confirm]').click()
  await page.waitForURL(`${baseUrl}/tasks`)
  return due
}
