/**
 * Removing an imported series from the Market data screen, told as the analyst meets it: SPY
 * chosen as Alibaba's benchmark is removed after reading what goes (its points, the SPY company's
 * prices, Alibaba's benchmark choice) and what stays (the company, its listing and share
 * schedule); a cancel changes nothing; a series that converts HKD is refused with the core's
 * reason. Prices are the real files, imported with the CLI before the host starts (setup, not the
 * story); what the screen shows is checked against what the core holds.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { APIRequestContext, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { CLI, PRICES, type Host } from '../support/host'
import { callApi } from '../support/api'
import { openScreen } from './market-pages'

const run = promisify(execFile)

async function capwatch(dataDir: string, ...args: string[]): Promise<void> {
  await run(process.execPath, [CLI, '--data-dir', dataDir, ...args])
}

async function importPrices(dataDir: string, file: string, ticker: string): Promise<void> {
  await capwatch(dataDir, 'import', 'prices', file, '--ticker', ticker)
}

const tickers = async (request: APIRequestContext, host: Host) => (await callApi(request, host, 'series:list', undefined)).map((s) => s.ticker)
const benchmarkOf = async (request: APIRequestContext, host: Host, id: string) =>
  (await callApi(request, host, 'companies:list', undefined)).find((c) => c.id === id)?.benchmark

function screen(app: Page) {
  const table = app.getByRole('table', { name: 'Series' })
  return {
    table,
    defaults: app.getByRole('region', { name: 'Default benchmarks' }),
    remove: (ticker: string) => table.getByRole('button', { name: `Remove series ${ticker}`, exact: true }),
    dialog: (ticker: string) => app.getByRole('dialog', { name: `Remove series ${ticker}` })
  }
}

test.describe('with BABA and SPY imported', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        await importPrices(dataDir, join(PRICES, 'SPY.csv'), 'SPY')
      })
  })

  test('SPY, Alibaba\'s benchmark, is removed after reading what goes; a cancel first leaves everything', async ({ app, host, request }) => {
    await openScreen(app, 'Market data')
    const { table, defaults, remove, dialog } = screen(app)
    await table.getByLabel('Benchmark SPY').check()
    await defaults.getByLabel('Benchmark of Alibaba Group').selectOption('SPY')
    await expect.poll(() => benchmarkOf(request, host, 'alibaba')).toBe('SPY')
    const spy = (await callApi(request, host, 'series:list', undefined)).find((s) => s.ticker === 'SPY')!
    await table.screenshot({ path: test.info().outputPath('series-table.png') })

    // Reading the consequences, then thinking better of it: Cancel, and Escape, change nothing.
    await remove('SPY').click()
    const d = dialog('SPY')
    await expect(d).toBeVisible()
    await expect(d.getByRole('paragraph').first()).toHaveText(
      `Remove SPY: its ${spy.counts.close!.toLocaleString('en-US')} daily points from ${spy.first} to ${spy.last}, imported from SPY.csv?`
    )
    // The import created a company SPY listing SPY: it loses its prices, not its listing.
    await expect(d.getByRole('list', { name: 'What goes' }).getByRole('listitem')).toHaveText([
      'The company SPY loses its SPY prices: no chart, market cap or impact figure for it until they are imported again.',
      'Benchmarked on SPY: Alibaba Group. It falls back to the default benchmark: none is left until another series is marked as one.',
      'SPY is the default benchmark: companies without a benchmark of their own get none until another series is marked as one.'
    ])
    await expect(d.getByRole('list', { name: 'What stays' }).getByRole('listitem')).toHaveText([
      'SPY, its SPY listing and its share schedule.',
      'Events and notes. To bring the prices back, import the file again.'
    ])
    await app.screenshot({ path: test.info().outputPath('remove-dialog.png') })
    await d.getByRole('button', { name: 'Cancel' }).click()
    await expect(d).toHaveCount(0)
    await expect(remove('SPY')).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(d).toBeVisible()
    await app.keyboard.press('Escape')
    await expect(d).toHaveCount(0)
    await expect(remove('SPY')).toBeFocused()
    expect(await tickers(request, host)).toEqual(['BABA', 'SPY'])
    expect(await benchmarkOf(request, host, 'alibaba')).toBe('SPY')

    // Confirmed: SPY is gone from the table and the core; Alibaba is back to the default.
    await remove('SPY').click()
    await d.getByRole('button', { name: 'Remove series', exact: true }).click()
    await expect(app.getByRole('status').getByText('Removed series SPY; Alibaba Group is back to the default benchmark')).toBeVisible()
    await expect(d).toHaveCount(0)
    await expect(table.locator('tbody tr')).toHaveCount(1)
    await expect(remove('SPY')).toHaveCount(0)
    await expect(remove('BABA')).toBeFocused()
    await expect(defaults.getByText('No benchmark yet')).toBeVisible()
    expect(await tickers(request, host)).toEqual(['BABA'])
    expect(await benchmarkOf(request, host, 'alibaba')).toBe('')
    // What the dialog said stays, stays: the SPY company, its listing, offered for shares.
    const companies = await callApi(request, host, 'companies:list', undefined)
    expect(companies.find((c) => c.name === 'SPY')?.listings.map((l) => l.ticker)).toEqual(['SPY'])
    await expect(app.getByRole('region', { name: 'Share schedule' }).getByLabel('Company').getByRole('option', { name: 'SPY', exact: true })).toHaveCount(1)
    await table.screenshot({ path: test.info().outputPath('series-table-after.png') })
  })
})

test.describe('with BABA, SPY and 0700.HK imported, 0700.HK and SPY benchmarks', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        await importPrices(dataDir, join(PRICES, 'SPY.csv'), 'SPY')
        await importPrices(dataDir, join(PRICES, '0700.HK.csv'), '0700.HK')
        await capwatch(dataDir, 'benchmark', 'set', 'SPY')
        await capwatch(dataDir, 'benchmark', 'set', '0700.HK')
      })
  })

  test('a company benchmarked on the removed series falls back to the first benchmark left', async ({ app, host, request }) => {
    await openScreen(app, 'Market data')
    const { defaults, remove, dialog } = screen(app)
    const alibaba = defaults.getByLabel('Benchmark of Alibaba Group')
    await alibaba.selectOption('SPY')
    await expect.poll(() => benchmarkOf(request, host, 'alibaba')).toBe('SPY')

    await remove('SPY').click()
    const d = dialog('SPY')
    // 0700.HK comes first among the benchmarks, so SPY was nobody's default: no line says so.
    await expect(d.getByRole('list', { name: 'What goes' }).getByRole('listitem')).toHaveText([
      'The company SPY loses its SPY prices: no chart, market cap or impact figure for it until they are imported again.',
      'Benchmarked on SPY: Alibaba Group. It falls back to the default benchmark, 0700.HK (the first series marked as one).'
    ])
    await d.getByRole('button', { name: 'Remove series', exact: true }).click()
    await expect(d).toHaveCount(0)
    await expect(alibaba).toHaveValue('')
    await expect(alibaba.locator('option:checked')).toHaveText('first benchmark (0700.HK)')
    await expect(alibaba.getByRole('option', { name: 'SPY' })).toHaveCount(0)
    expect(await benchmarkOf(request, host, 'alibaba')).toBe('')

    // A company's own series: Alibaba loses its BABA prices, keeps its listings and shares.
    await remove('BABA').click()
    const baba = dialog('BABA')
    await expect(baba.getByRole('list', { name: 'What goes' }).getByRole('listitem')).toHaveText([
      'The company Alibaba Group loses its BABA prices: no chart, market cap or impact figure for it until they are imported again.'
    ])
    await expect(baba.getByRole('list', { name: 'What stays' }).getByRole('listitem')).toHaveText([
      'Alibaba Group, its BABA listing and its share schedule.',
      'Events and notes. To bring the prices back, import the file again.'
    ])
    await baba.getByRole('button', { name: 'Cancel' }).click()
    await expect(remove('BABA')).toBeFocused()
    expect(await tickers(request, host)).toEqual(['0700.HK', 'BABA'])
  })
})

test.describe('with a USD per HKD series imported', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        await importPrices(dataDir, join(PRICES, 'BABA.csv'), 'BABA')
        // A synthetic FX file written for this run (no FX file is among the shared price files):
        // only its ticker matters here; the values sit at the HKD peg.
        const days = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08']
        const file = join(dirname(dataDir), 'hkdusd.csv')
        await writeFile(file, ['Date,Close', ...days.map((day) => `${day},0.1282`)].join('\n'))
        await importPrices(dataDir, file, 'HKDUSD=X')
      })
  })

  test('the daily FX series of HKD cannot be removed: the dialog gives the reason and nothing changes', async ({ app, host, request }) => {
    await openScreen(app, 'Market data')
    const settings = app.getByRole('region', { name: 'Currency and impact settings' })
    await settings.getByLabel('FX series HKD').selectOption('HKDUSD=X')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByRole('status')).toHaveText('Settings saved.')

    const { table, remove, dialog } = screen(app)
    await remove('HKDUSD=X').click()
    const d = dialog('HKDUSD=X')
    await d.getByRole('button', { name: 'Remove series', exact: true }).click()
    await expect(d.getByRole('alert')).toHaveText(
      'HKDUSD=X is the daily FX series of HKD: choose a constant rate for it first (Market data, Currency and impact windows)'
    )
    await expect(d).toBeVisible()
    await app.screenshot({ path: test.info().outputPath('remove-refused.png') })
    await d.getByRole('button', { name: 'Cancel' }).click()
    await expect(d).toHaveCount(0)
    await expect(remove('HKDUSD=X')).toBeFocused()
    await expect(table.locator('tbody tr')).toHaveCount(2)
    await expect(settings.getByLabel('FX series HKD')).toHaveValue('HKDUSD=X')
    expect(await tickers(request, host)).toEqual(['BABA', 'HKDUSD=X'])
    expect((await callApi(request, host, 'settings:get', undefined)).fxSeries).toEqual({ HKD: 'HKDUSD=X' })
  })
})
