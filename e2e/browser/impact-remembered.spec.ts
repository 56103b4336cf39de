/**
 * The Impact screen keeps the analyst's work while they look elsewhere: window, benchmark, sort,
 * company filter, the ranking's order, the event they opened and where each list was scrolled are
 * all as left after a visit to the Events screen, while an export's note is not carried over. The
 * event's small chart, on the Impact screen and in the Events screen's detail panel, writes the
 * year on its date axis (the SAMR probe into Alibaba, 2020-12-24, whose window runs into 2021).
 * Prices are the real files, imported with the CLI before the host starts (setup, not the story).
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Locator } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { CLI, PRICES } from '../support/host'
import { openScreen } from './market-pages'

const run = promisify(execFile)
const capwatch = (dataDir: string, ...args: string[]) => run(process.execPath, [CLI, '--data-dir', dataDir, ...args])

// Approximate ADS-equivalent counts, typed by the test as an analyst would (not market data).
const SHARES: Record<string, number> = { BABA: 2_710_000_000, PDD: 1_260_000_000 }
const PROBE = /^SAMR opens antitrust probe into Alibaba/

test.use({
  prepareDataDir: async ({}, use) =>
    use(async (dataDir) => {
      for (const [ticker, shares] of Object.entries(SHARES)) {
        const file = join(PRICES, `${ticker}.csv`)
        await capwatch(dataDir, 'import', 'prices', file, '--ticker', ticker)
        // The schedule starts on the file's first trading day.
        const first = (await readFile(file, 'utf8')).split('\n')[1].slice(0, 10)
        await capwatch(dataDir, 'shares', 'set', ticker, '--date', first, '--shares', String(shares))
      }
      await capwatch(dataDir, 'import', 'prices', join(PRICES, 'SPY.csv'), '--ticker', 'SPY')
      await capwatch(dataDir, 'benchmark', 'set', 'SPY')
    })
})

/** The date axis of an event's small chart, left to right, as the analyst reads it. */
async function xTicks(chart: Locator): Promise<string[]> {
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible()
  const ticks = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) =>
    els.map((e) => ({ text: (e.textContent ?? '').trim(), x: e.getBoundingClientRect().x }))
  )
  return ticks.sort((a, b) => a.x - b.x).map((t) => t.text)
}

/**
 * The dates an axis names, read as an analyst would: a label without a year is in the year of the
 * label before it. Fails on a first label without its year, or on a year left unsaid at a change.
 */
function readAxis(labels: string[]): string[] {
  let year = ''
  return labels.map((label, i) => {
    const full = /^(\d{4})-\d\d-\d\d$/.exec(label)
    if (full) {
      expect(i === 0 || full[1] !== year, `"${label}": the year is written where it changes, not on every tick`).toBe(true)
      year = full[1]
      return label
    }
    expect(label, `tick ${i + 1} of ${labels.join(', ')}`).toMatch(/^\d\d-\d\d$/)
    expect(year, 'the first tick names its year').not.toBe('')
    return `${year}-${label}`
  })
}

/** An axis around the probe of 2020-12-24: dated ticks in order, from 2020 into 2021. */
function expectProbeAxis(labels: string[]): void {
  const dates = readAxis(labels)
  expect(dates.length, `ticks ${labels.join(', ')}`).toBeGreaterThanOrEqual(3)
  expect([...dates].sort(), 'ticks in date order').toEqual(dates)
  expect(dates[0] < '2020-12-24' && dates[dates.length - 1] > '2021-01-01', `ticks ${dates.join(', ')} span the new year`).toBe(true)
  expect(labels.filter((l) => l.startsWith('2021-')), 'the new year is named once').toHaveLength(1)
}

/** Scroll an element and wait until the scroll has ended; its position then. */
function scrollTo(el: Locator, top: number | 'end'): Promise<number> {
  return el.evaluate(
    (e, to) =>
      new Promise<number>((resolve) => {
        const target = Math.min(to === 'end' ? Infinity : to, e.scrollHeight - e.clientHeight)
        if (Math.abs(e.scrollTop - target) < 1) return resolve(e.scrollTop)
        e.addEventListener('scrollend', () => resolve(e.scrollTop), { once: true })
        e.scrollTop = target
      }),
    top
  )
}

const scrollTop = (el: Locator) => el.evaluate((e) => e.scrollTop)

/** How late (ms) the opened event's panel arrives on the way back. */
const LATE_PANEL_MS = 5000

test('the Impact screen is as the analyst left it after a visit to Events, and the event chart names its years', async ({ app }) => {
  await openScreen(app, 'Impact')
  const impact = app.getByTestId('impact')
  await expect(impact).toHaveAttribute('data-state', 'ready')
  const toolbar = app.getByRole('toolbar', { name: 'Impact' })
  const grid = impact.getByRole('grid', { name: 'Impact' })
  const count = impact.getByRole('status').filter({ hasText: / rows$/ })
  const rankingCard = impact.getByRole('region', { name: 'Basket totals per event' })
  const ranking = rankingCard.getByRole('table', { name: 'Ranking of events by basket change' })
  const selected = impact.getByRole('region', { name: 'Selected event' })
  // Named with its sort arrow once sorted ("CAR ▼").
  const car = grid.getByRole('columnheader', { name: /^CAR( [▲▼])?$/ })

  // The analyst's question: Alibaba's abnormal returns over [-5, +20] against the S&P 500.
  await toolbar.getByLabel('Window', { exact: true }).selectOption({ label: '[-5, +20]' })
  await toolbar.getByLabel('Benchmark', { exact: true }).selectOption('SPY')
  await car.getByRole('button').click()
  await expect(car).toHaveAttribute('aria-sort', 'descending')
  const everyRow = await count.textContent()
  await impact.getByLabel('Filter Company').fill('BABA')
  await expect(count).not.toHaveText(everyRow!)
  await expect(impact).toHaveAttribute('data-state', 'ready')
  const babaRows = (await count.textContent())!
  await expect(grid.getByRole('row').filter({ hasText: 'PDD' })).toHaveCount(0)

  // The ranking by date, and the probe opened from it.
  await rankingCard.getByRole('tab', { name: 'By date' }).click()
  await expect(rankingCard.getByRole('tab', { name: 'By date' })).toHaveAttribute('aria-selected', 'true')
  await expect(impact).toHaveAttribute('data-state', 'ready')
  const dates = await ranking.getByRole('row').locator('td:nth-child(2)').allTextContents()
  expect(dates.length).toBeGreaterThan(10)
  expect([...dates].sort(), 'the ranking in date order').toEqual(dates)
  await ranking.getByRole('button', { name: PROBE }).click()
  await expect(selected.getByRole('heading', { name: PROBE })).toBeVisible()
  const miniChart = selected.getByTestId('event-impact-chart')
  expectProbeAxis(await xTicks(miniChart))

  // Where each list was read: the table at its end, the ranking a few events down, the screen at its foot.
  const tableTop = await scrollTo(grid.locator('xpath=..'), 'end')
  const rankingTop = await scrollTo(ranking.locator('xpath=..'), 120)
  const screenTop = await scrollTo(impact.locator('xpath=..'), 'end')
  expect(tableTop, 'the filtered table is taller than its box').toBeGreaterThan(0)
  expect(rankingTop).toBe(120)
  expect(screenTop, 'the screen is taller than the window').toBeGreaterThan(0)
  await expect(grid.locator('[aria-busy="true"]')).toHaveCount(0)
  const lastRows = await grid.getByRole('row').filter({ hasNot: app.getByRole('columnheader') }).allTextContents()
  await app.screenshot({ path: test.info().outputPath('impact-before.png') })

  // An export's note belongs to that moment only.
  const download = app.waitForEvent('download')
  await toolbar.getByRole('button', { name: 'Export impact CSV' }).click()
  await download
  await expect(toolbar.getByRole('status')).toContainText('rows')

  // To Events and back, on a busy machine: the opened event's panel arrives seconds after the rest.
  await openScreen(app, 'Events')
  await expect(app.getByRole('grid', { name: 'Events' })).toBeVisible()
  const eventGet = (url: URL) => url.pathname.endsWith(`/api/${encodeURIComponent('events:get')}`)
  await app.route(eventGet, async (route) => {
    await new Promise((later) => setTimeout(later, LATE_PANEL_MS))
    await route.continue()
  })
  await openScreen(app, 'Impact')
  await expect(impact).toHaveAttribute('data-state', 'ready')

  await expect(toolbar.getByLabel('Window', { exact: true })).toHaveValue('-5:20')
  await expect(toolbar.getByLabel('Benchmark', { exact: true })).toHaveValue('SPY')
  await expect(car).toHaveAttribute('aria-sort', 'descending')
  await expect(impact.getByLabel('Filter Company')).toHaveValue('BABA')
  await expect(count).toHaveText(babaRows)
  await expect(rankingCard.getByRole('tab', { name: 'By date' })).toHaveAttribute('aria-selected', 'true')
  expect(await ranking.getByRole('row').locator('td:nth-child(2)').allTextContents()).toEqual(dates)
  await expect(ranking.getByRole('button', { name: PROBE })).toHaveAttribute('aria-pressed', 'true')
  await expect(selected.getByRole('heading', { name: PROBE })).toBeVisible()
  expectProbeAxis(await xTicks(miniChart))
  await expect(toolbar.getByRole('status'), 'the export note was not carried over').toHaveCount(0)
  // Scrolled as left: the same rows of the table on screen, loaded, not placeholders.
  await expect.poll(() => scrollTop(grid.locator('xpath=..'))).toBe(tableTop)
  await expect(grid.locator('[aria-busy="true"]')).toHaveCount(0)
  expect(await grid.getByRole('row').filter({ hasNot: app.getByRole('columnheader') }).allTextContents()).toEqual(lastRows)
  await expect.poll(() => scrollTop(ranking.locator('xpath=..'))).toBe(rankingTop)
  // The screen's foot is there once the late panel has made room for it.
  await expect.poll(() => scrollTop(impact.locator('xpath=..')), { timeout: LATE_PANEL_MS + 10_000 }).toBe(screenTop)
  await app.unroute(eventGet)
  await app.screenshot({ path: test.info().outputPath('impact-after.png') })

  // The event's own page: the detail panel's chart dates its axis the same way.
  await selected.getByRole('button', { name: 'Open in Events' }).click()
  const details = app.getByRole('complementary', { name: 'Event details' })
  await expect(details.getByRole('heading', { name: PROBE })).toBeVisible()
  const detailChart = details.getByTestId('event-impact-chart')
  await detailChart.scrollIntoViewIfNeeded()
  expectProbeAxis(await xTicks(detailChart))
  await detailChart.screenshot({ path: test.info().outputPath('event-detail-mini-chart.png') })
  await app.screenshot({ path: test.info().outputPath('event-detail.png') })
})
