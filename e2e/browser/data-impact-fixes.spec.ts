/**
 * QA fixes on the Market data and Impact screens, told as the analyst meets them: a refused share
 * row whose reason must be readable in its card, an FX series pick-list that must not offer share
 * prices as exchange rates, and the Impact screen at a 1024 x 700 window, where every control
 * and the ranking's event titles must stay in sight. Prices are the real files, imported with
 * the CLI before the host starts (setup, not the story).
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { Locator } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { CLI, PRICES } from '../support/host'
import { callApi } from '../support/api'
import { fitsItsWidth, openScreen } from './market-pages'

const run = promisify(execFile)

async function capwatch(dataDir: string, ...args: string[]): Promise<void> {
  await run(process.execPath, [CLI, '--data-dir', dataDir, ...args])
}

async function importPrices(dataDir: string, file: string, ticker: string): Promise<void> {
  await capwatch(dataDir, 'import', 'prices', file, '--ticker', ticker)
}

async function box(l: Locator) {
  const b = await l.boundingBox()
  if (!b) throw new Error(`not on screen: ${l}`)
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height, width: b.width }
}

const overlaps = (a: Awaited<ReturnType<typeof box>>, b: Awaited<ReturnType<typeof box>>) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
]) {
  test(`a refused share row says why in full, inside its card (${viewport.width} px)`, async ({ app }) => {
    await app.setViewportSize(viewport)
    await openScreen(app, 'Market data')
    const card = app.getByRole('region', { name: 'Share schedule' })
    await card.getByLabel('Company').selectOption({ label: 'Alibaba Group' })
    await expect(card.getByLabel('Listing')).toHaveValue('BABA')
    await card.getByRole('button', { name: 'Add row' }).click()
    await card.getByLabel('Effective date, row 1').fill('2021-02-30')
    await card.getByLabel('Shares outstanding, row 1').fill('2,712,000,000')
    await card.getByRole('button', { name: 'Save shares' }).click()
    await expect(card.getByRole('alert')).toHaveText('Fix the row marked above; nothing was saved.')

    const reason = card.getByText('Effective date "2021-02-30" is not a real date (YYYY-MM-DD)')
    await expect(reason).toBeVisible()
    await reason.scrollIntoViewIfNeeded()
    expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis'), 'the reason is not cut short').toBe(true)
    const cardBox = await box(card)
    const reasonBox = await box(reason)
    const tableBox = await box(card.getByRole('table', { name: 'Share schedule' }))
    expect(reasonBox.right, 'the reason ends inside its card').toBeLessThanOrEqual(cardBox.right)
    expect(tableBox.right, 'the table (and its header strip) ends inside its card').toBeLessThanOrEqual(cardBox.right)
    const next = await box(app.getByRole('region', { name: 'Default benchmarks' }))
    expect(overlaps(reasonBox, next), 'the reason is not under the next card').toBe(false)
    expect(overlaps(tableBox, next), 'the table is not under the next card').toBe(false)
    // The date field names its problem to a screen reader too.
    await expect(card.getByLabel('Effective date, row 1')).toHaveAccessibleDescription(/is not a real date/)
    await app.screenshot({ path: test.info().outputPath(`share-bad-date-${viewport.width}.png`) })
  })
}

test('saved share rows read back as stored: by date, counts grouped', async ({ app }) => {
  await openScreen(app, 'Market data')
  const card = app.getByRole('region', { name: 'Share schedule' })
  await card.getByLabel('Company').selectOption({ label: 'Alibaba Group' })
  await card.getByRole('button', { name: 'Add row' }).click()
  await card.getByLabel('Effective date, row 1').fill('2021-06-30')
  await card.getByLabel('Shares outstanding, row 1').fill('2.71e9')
  await card.getByRole('button', { name: 'Add row' }).click()
  await card.getByLabel('Effective date, row 2').fill('2014-09-19')
  await card.getByLabel('Shares outstanding, row 2').fill('2 460 000 000')
  await card.getByRole('button', { name: 'Save shares' }).click()
  await expect(card.getByRole('status')).toHaveText('Saved 2 rows for BABA.')
  // Without leaving the screen: the earlier date first, each count as the next visit shows it.
  await expect(card.getByLabel('Effective date, row 1')).toHaveValue('2014-09-19')
  await expect(card.getByLabel('Shares outstanding, row 1')).toHaveValue('2,460,000,000')
  await expect(card.getByLabel('Effective date, row 2')).toHaveValue('2021-06-30')
  await expect(card.getByLabel('Shares outstanding, row 2')).toHaveValue('2,710,000,000')
  await expect(card.getByRole('button', { name: 'Save shares' })).toBeDisabled()
})

test.describe('with share prices imported and no FX series', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        await importPrices(dataDir, join(PRICES, '0700.HK.csv'), '0700.HK')
        await importPrices(dataDir, join(PRICES, 'SPY.csv'), 'SPY')
      })
  })

  test('no share price is offered as an FX rate, and the list says why it is empty', async ({ app, host, request }) => {
    await openScreen(app, 'Market data')
    const settings = app.getByRole('region', { name: 'Currency and impact settings' })
    const hkd = settings.getByLabel('FX series HKD')
    await expect(hkd.getByRole('option')).toHaveText(['none: constant rate', 'no HKDUSD=X series imported'])
    await expect(hkd).toHaveAccessibleDescription('No imported series quotes USD per HKD: import one named HKDUSD=X to use a daily rate.')
    await expect(settings.getByText('No imported series quotes USD per HKD')).toBeVisible()

    // A choice saved before this rule (a stock, 0700.HK) stays visible and chosen, marked for what it is.
    await callApi(request, host, 'settings:update', { patch: { fxSeries: { HKD: '0700.HK' } } })
    await app.reload()
    await openScreen(app, 'Market data')
    await expect(hkd).toHaveValue('0700.HK')
    await expect(hkd.getByRole('option', { name: '0700.HK (saved; not a USD per HKD rate)' })).toHaveCount(1)
    await expect(hkd.getByRole('option', { name: /^(BABA|SPY)$/ })).toHaveCount(0)
  })
})

test.describe('with an HKD rate series and its inverse imported', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        await importPrices(dataDir, join(PRICES, '0700.HK.csv'), '0700.HK')
        // Synthetic FX files written for this run (no FX file is among the shared price files):
        // only their tickers matter here; the values sit at the HKD peg, USD per HKD and its inverse.
        const days = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08']
        const fx = (v: number) => ['Date,Close', ...days.map((d) => `${d},${v}`)].join('\n')
        const dir = dirname(dataDir)
        await writeFile(join(dir, 'hkdusd.csv'), fx(0.1282))
        await writeFile(join(dir, 'usdhkd.csv'), fx(7.7539))
        await importPrices(dataDir, join(dir, 'hkdusd.csv'), 'HKDUSD=X')
        await importPrices(dataDir, join(dir, 'usdhkd.csv'), 'HKD=X')
      })
  })

  test('only the series quoting USD per HKD is offered, and choosing it is saved', async ({ app, host, request }) => {
    await openScreen(app, 'Market data')
    const settings = app.getByRole('region', { name: 'Currency and impact settings' })
    const hkd = settings.getByLabel('FX series HKD')
    // HKD=X is Yahoo's HKD per USD: the inverse of what a conversion to USD multiplies by.
    await expect(hkd.getByRole('option')).toHaveText(['none: constant rate', 'HKDUSD=X'])
    await expect(settings.getByText('No imported series quotes USD per HKD')).toHaveCount(0)
    await hkd.selectOption('HKDUSD=X')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByRole('status')).toHaveText('Settings saved.')
    expect((await callApi(request, host, 'settings:get', undefined)).fxSeries).toEqual({ HKD: 'HKDUSD=X' })
  })
})

test.describe('with BABA priced, its shares set and SPY a benchmark', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        await importPrices(dataDir, join(PRICES, 'SPY.csv'), 'SPY')
        await capwatch(dataDir, 'benchmark', 'set', 'SPY')
        await capwatch(dataDir, 'shares', 'set', 'BABA', '--date', '2014-09-19', '--shares', '2710000000')
      })
  })

  test('at 1024 x 700 every Impact control is in the window and the ranking names each event', async ({ app }) => {
    await app.setViewportSize({ width: 1024, height: 700 })
    await openScreen(app, 'Impact')
    const impact = app.getByTestId('impact')
    await expect(impact).toHaveAttribute('data-state', 'ready')

    const toolbar = app.getByRole('toolbar', { name: 'Impact' })
    expect(await fitsItsWidth(toolbar), 'nothing in the toolbar beyond its right edge').toBe(true)
    for (const control of [
      toolbar.getByLabel('Window', { exact: true }),
      toolbar.getByLabel('Benchmark', { exact: true }),
      toolbar.getByRole('button', { name: 'Export impact CSV' }),
      toolbar.getByRole('button', { name: 'Export market caps CSV' }),
      toolbar.getByText('Money in USD')
    ]) {
      await expect(control).toBeVisible()
      const b = await box(control)
      expect(b.left, `${control} starts in the window`).toBeGreaterThanOrEqual(0)
      expect(b.right, `${control} ends in the window`).toBeLessThanOrEqual(1024)
    }

    const ranking = impact.getByRole('table', { name: 'Ranking of events by basket change' })
    await ranking.scrollIntoViewIfNeeded()
    const list = await box(ranking.locator('xpath=..'))
    await expect(ranking.getByRole('columnheader')).toHaveText(['#', 'Date', 'Event', 'Change', 'Bar', 'Counted', 'CAAR'])
    for (const name of ['Event', 'CAAR']) {
      const b = await box(ranking.getByRole('columnheader', { name, exact: true }))
      expect(b.right, `the ${name} column is in sight`).toBeLessThanOrEqual(list.right)
    }
    expect((await box(ranking.getByRole('columnheader', { name: 'Event', exact: true }))).width, 'the Event column has room').toBeGreaterThanOrEqual(150)
    // Each row names its event: the SAMR probe of Alibaba (2020-12-24) is there by its title.
    const row = ranking.getByRole('row').filter({ hasText: '2020-12-24' })
    const title = row.getByRole('button', { name: /^SAMR opens antitrust probe into Alibaba/ })
    await expect(title).toBeVisible()
    expect((await box(title)).width, 'the title shows some words').toBeGreaterThan(100)
    await app.screenshot({ path: test.info().outputPath('impact-1024.png'), fullPage: true })
  })

  test('a row of the impact table opens its event in the panel, and the panel comes into view', async ({ app }) => {
    await app.setViewportSize({ width: 1280, height: 800 })
    await openScreen(app, 'Impact')
    const impact = app.getByTestId('impact')
    await expect(impact).toHaveAttribute('data-state', 'ready')
    const panel = app.getByRole('region', { name: 'Selected event' })
    await expect(panel).toContainText('Choose an event in the ranking, or a row of the table')
    const grid = impact.getByRole('grid', { name: 'Impact' })
    await impact.getByLabel('Filter Company').fill('BABA')
    const probe = grid.getByRole('row').filter({ hasText: 'SAMR opens antitrust probe into Alibaba' }).first()
    await probe.click()
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(/^SAMR opens antitrust probe into Alibaba/)
    await expect(panel).toBeInViewport()
    await expect(probe).toHaveAttribute('aria-selected', 'true')

    // The keyboard's way (arrows, Enter) is impact-layout.spec.ts's story.
    await app.screenshot({ path: test.info().outputPath('impact-row-opened-1280.png') })
  })

  test('a window across a new year shows the year of its end date', async ({ app }) => {
    await openScreen(app, 'Impact')
    const impact = app.getByTestId('impact')
    await expect(impact).toHaveAttribute('data-state', 'ready')
    await app.getByLabel('Window', { exact: true }).selectOption({ label: '[-5, +20]' })
    await impact.getByLabel('Filter Event').fill('SAMR opens antitrust probe')
    await impact.getByLabel('Filter Company').fill('BABA')
    const grid = impact.getByRole('grid', { name: 'Impact' })
    const period = grid.getByTitle(/^From the close of 2020-12-\d\d to the close of 2021-/)
    await expect(period).toHaveCount(1)
    const [, start, end] = /of (\S+) to the close of (\S+)$/.exec((await period.getAttribute('title'))!)!
    await expect(period).toHaveText(`${start.slice(5)} → ${end}`)
    const cell = await period.evaluate((el) => ({ needs: el.closest('td')!.scrollWidth, has: el.closest('td')!.clientWidth }))
    expect(cell.needs, 'the dates fit their cell').toBeLessThanOrEqual(cell.has)
  })
})
