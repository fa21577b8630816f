/**
 * Render benchmark of @hall/form-renderer in headless Chromium: the time to
 * render a 200-field form, and to render and validate a 50 × 50 sub-table
 * (Formily's own ArrayTable: ~10 s, alibaba/formily#3816; our target: < 1 s).
 * Prints one JSON line per measurement and the medians of RUNS runs.
 *
 * Run: npx tsx tests/load/form-render-bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import {
  buildFixture,
  chromiumLaunchOptions,
  serveFolder,
  type Scenario,
} from '../../packages/form-renderer/fixture/build'

const RUNS = 5

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** What a case renders: a scenario of HallForm, or the bare Element Plus floor to compare with. */
type Subject = { readonly scenario: Scenario } | { readonly baselineFields: number }

/** A fresh page per run, so no run profits from the previous one's warm caches of the same form. */
async function measure(page: Page, url: string, subject: Subject, withValidation: boolean) {
  await page.goto(url)
  await page.waitForFunction(() => 'hallFixture' in window)
  const renderMs =
    'scenario' in subject
      ? await page.evaluate((s) => window.hallFixture.render(s), subject.scenario)
      : await page.evaluate((n) => window.hallFixture.renderBaseline(n), subject.baselineFields)
  if (!withValidation) return { renderMs, totalMs: renderMs }
  const verdict = await page.evaluate(() => window.hallFixture.validate())
  return {
    renderMs,
    validateMs: verdict.ms,
    errors: verdict.errors,
    totalMs: renderMs + verdict.ms,
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'hall-form-bench-'))
  const built = join(work, 'site')
  await buildFixture(built)
  const server = await serveFolder(built)
  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    ...chromiumLaunchOptions(),
    viewport: { width: 1280, height: 900 },
  })
  try {
    const page = await browser.newPage()
    const cases: { name: string; subject: Subject; validate: boolean }[] = [
      {
        name: 'render 200-field form',
        subject: { scenario: { kind: 'wide', fields: 200 } },
        validate: false,
      },
      {
        name: 'render + validate 50x50 sub-table',
        subject: { scenario: { kind: 'table', rows: 50, columns: 50, valid: false } },
        validate: true,
      },
      {
        name: 'floor: 200 bare Element Plus inputs, no Formily',
        subject: { baselineFields: 200 },
        validate: false,
      },
    ]
    for (const { name, subject, validate } of cases) {
      const totals: number[] = []
      for (let run = 1; run <= RUNS; run++) {
        const result = await measure(page, `${server.url}/index.html`, subject, validate)
        totals.push(result.totalMs)
        console.log(JSON.stringify({ case: name, run, ...result }))
      }
      console.log(JSON.stringify({ case: name, runs: RUNS, medianMs: round(median(totals)) }))
    }
  } finally {
    await browser.close()
    await server.close()
    await rm(work, { recursive: true, force: true })
  }
}

await main()
