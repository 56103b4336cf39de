/**
 * The Charts screen with four companies' prices: every event on the market-cap chart, the modes,
 * the legend, zoom and PNG export; then the basket view, whose stated peak-to-trough loss is
 * checked against IMPACT.md's drawdown worked out here from the raw files.
 */
import { readFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../support/fixtures'
import { callApi } from '../support/api'
import { PRICES, ROOT } from '../support/host'
import { openScreen, waitForChart } from './market-pages'
import { basketDrawdown, near, readCloses } from './market-oracle'

const SHOTS = join(ROOT, 'docs', 'screenshots')
// Approximate ADS-equivalent counts, typed by the test as an analyst would (not market data).
const SHARES: Record<string, number> = { BABA: 2_710_000_000, JD: 1_560_000_000, PDD: 1_260_000_000, BIDU: 345_000_000 }

test.beforeEach(async ({ host, request }) => {
  // Setup only: the import wizard has its own story (market.spec.ts).
  for (const [ticker, shares] of Object.entries(SHARES)) {
    const source = { kind: 'text' as const, name: `${ticker}.csv`, text: await readFile(join(PRICES, `${ticker}.csv`), 'utf8') }
    const preview = await callApi(request, host, 'import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker } })
    await callApi(request, host, 'import:commit', { previewId: preview.previewId })
    const first = preview.tickers[0].first!
    await callApi(request, host, 'shares:set', { ticker, rows: [{ date: first, shares, source: 'approximate ADS count (e2e test input)' }] })
  }
})

test('the market-cap chart shows every event, switches modes, zooms and exports a PNG', async ({ app }) => {
  await mkdir(SHOTS, { recursive: true })
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  await expect(chart.locator('.ch-line')).toHaveCount(4)
  const legend = app.getByRole('list', { name: /^Legend/ })
  for (const t of Object.keys(SHARES)) await expect(legend.getByRole('button', { name: t })).toHaveAttribute('aria-pressed', 'true')
  const starter = JSON.parse(await readFile(join(ROOT, 'resources', 'starter', 'workspace.json'), 'utf8')) as { events: { date: string }[] }
  await expect(chart.getByRole('button', { name: /^Event / })).toHaveCount(new Set(starter.events.map((e) => e.date)).size)
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).toContainText('$')
  await app.screenshot({ path: join(SHOTS, 'chart.png') })

  // The legend hides and shows a line.
  await legend.getByRole('button', { name: 'JD' }).click()
  await expect(legend.getByRole('button', { name: 'JD' })).toHaveAttribute('aria-pressed', 'false')
  await expect(chart.locator('.ch-line')).toHaveCount(3)
  await legend.getByRole('button', { name: 'JD' }).click()
  await expect(chart.locator('.ch-line')).toHaveCount(4)

  // Indexed to 100 on a chosen date, then drawdown from peak (never above zero, no log scale).
  await app.getByLabel('Mode', { exact: true }).selectOption('indexed')
  await app.getByLabel('Index date', { exact: true }).fill('2020-11-02')
  await expect(chart).toHaveAttribute('data-state', 'ready')
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).not.toContainText('$')
  await app.getByLabel('Mode', { exact: true }).selectOption('drawdown')
  await expect(app.getByLabel('Log scale', { exact: true })).toBeDisabled()
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).toContainText('%')
  await app.getByLabel('Mode', { exact: true }).selectOption('absolute')
  await app.getByLabel('Log scale', { exact: true }).check()
  await expect(chart.locator('.ch-line')).toHaveCount(4)

  // The chart opens on the events; Reset zoom shows every day of the longest series (BIDU).
  const range = app.getByTestId('chart-range')
  await expect(range).not.toContainText('2005-08-05')
  await app.getByRole('button', { name: 'Reset zoom' }).click()
  await expect(range).toHaveText(/^2005-08-05 – 2024-03-08$/)

  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export PNG' }).click()
  const png = await readFile(await (await download).path())
  expect(png.subarray(0, 8).toString('hex'), 'a PNG file').toBe('89504e470d0a1a0a')
  expect(png.length).toBeGreaterThan(20_000)
})

test('the basket view states its peak-to-trough loss between two dates, as IMPACT.md defines it', async ({ app }) => {
  await mkdir(SHOTS, { recursive: true })
  await openScreen(app, 'Charts')
  await app.getByRole('tab', { name: 'Basket' }).click()
  await app.getByLabel('Basket from').fill('2021-02-16')
  await app.getByLabel('Basket to').fill('2021-10-04')
  await app.getByLabel('Basket to').blur()
  const chart = await waitForChart(app, 'basket-chart')
  await expect(chart.locator('.recharts-area-area')).toHaveCount(4)

  const companies = await Promise.all(
    Object.entries(SHARES).map(async ([t, shares]) => ({ closes: readCloses(await readFile(join(PRICES, `${t}.csv`), 'utf8')), shares }))
  )
  const want = basketDrawdown(companies, '2021-02-16', '2021-10-04')
  const sentence = app.getByTestId('basket-drawdown')
  await expect(sentence).toContainText(`From ${want.peakDate} to ${want.troughDate} the basket lost $`)
  await expect(sentence).toContainText(`(${(want.lossFraction * 100).toFixed(1)} %)`)
  // The exact figures behind the rounded sentence.
  const exact = /loss \$([\d,.]+) \(([\d.e-]+)\)/.exec((await sentence.getAttribute('title')) ?? '')
  expect(exact, 'the sentence carries the exact loss in its title').not.toBeNull()
  expect(near(Number(exact![1].replace(/,/g, '')), want.loss, 1e-9)).toBe(true)
  expect(near(Number(exact![2]), want.lossFraction, 1e-9)).toBe(true)
  await app.screenshot({ path: join(SHOTS, 'basket.png') })
})
