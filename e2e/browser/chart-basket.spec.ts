/**
 * The Charts screen with four companies' prices: every event on the market-cap chart, the modes,
 * the legend, zoom and PNG export; then the basket view, whose stated peak-to-trough loss is
 * checked against IMPACT.md's drawdown worked out here from the raw files.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../support/fixtures'
import { importPrices } from '../support/api'
import { PRICES, ROOT } from '../support/host'
import { brushRange, hoverPlot, openScreen, readoutRow, waitForChart, xTicks, yTicks } from './market-pages'
import { basketDrawdown, near, readCloses, type Closes } from './market-oracle'
import { shotPath } from '../support/shots'

// Approximate ADS-equivalent counts, typed by the test as an analyst would (not market data).
const SHARES: Record<string, number> = { BABA: 2_710_000_000, JD: 1_560_000_000, PDD: 1_260_000_000, BIDU: 345_000_000 }
// How the chart writes money: three significant digits, "$612B".
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 })
const fromUsd = (text: string) => Number(text.replace(/[$,]/g, '').replace(/[KMBT]$/, '')) * ({ K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[text.slice(-1)] ?? 1)

test.beforeEach(async ({ host, request }) => {
  await importPrices(request, host, SHARES)
})

test('the market-cap chart shows every event, switches modes, zooms and exports a PNG', async ({ app }) => {
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  await expect(chart.locator('.ch-line')).toHaveCount(4)
  const legend = app.getByRole('list', { name: /^Legend/ })
  for (const t of Object.keys(SHARES)) await expect(legend.getByRole('button', { name: t })).toHaveAttribute('aria-pressed', 'true')
  const starter = JSON.parse(await readFile(join(ROOT, 'resources', 'starter', 'workspace.json'), 'utf8')) as { events: { date: string }[] }
  await expect(chart.getByRole('button', { name: /^Event / })).toHaveCount(new Set(starter.events.map((e) => e.date)).size)
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).toContainText('$')
  await app.screenshot({ path: shotPath('chart.png') })

  // About a pixel a day: the summons of 2 November and the IPO suspension of 3 November cannot be
  // pointed at apart, so either marker lists both, each with its date, and a click pins the list.
  // (force: the next day's marker lies over this one's centre, which is the point of the test)
  await chart.getByRole('button', { name: /^Event 2020-11-02: / }).hover({ force: true })
  const tip = chart.getByRole('tooltip')
  await expect(tip).toContainText("2020-11-02 Financial regulators summon Jack Ma and Ant Group's leaders")
  await expect(tip).toContainText("2020-11-03 Ant Group's record $37 billion IPO suspended")
  await app.mouse.move(5, 5)
  await expect(tip).toHaveCount(0)
  // An event known only to the month is dated by its month, not by a made-up first day.
  await chart.getByRole('button', { name: /^Event 2020-10 \(month only\): Shenzhen gives away/ }).hover({ force: true })
  await expect(tip.locator('.ch-tooltip-date')).toHaveText('2020-10 (month only)')
  await app.mouse.move(5, 5)

  // Hovering a day reads each company's market cap on it: that day's close x shares, from the file.
  const closes: Record<string, Closes> = {}
  for (const t of Object.keys(SHARES)) closes[t] = readCloses(await readFile(join(PRICES, `${t}.csv`), 'utf8'))
  const readout = await hoverPlot(app, chart, 0.15)
  for (const t of Object.keys(SHARES)) {
    const row = readoutRow(readout, t)
    await expect(row, `${t} in the read-out`).toHaveCount(1)
    // Read as one snapshot (the zoomed range's full-resolution lines may arrive meanwhile): where a
    // line has no point on the read-out's day (downsampled), the row names the day it shows.
    await expect
      .poll(async () => {
        const [day, text] = [await readout.getAttribute('data-date'), await row.innerText()]
        const shown = /on (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? day!
        const want = usd.format(closes[t].close[closes[t].dates.indexOf(shown)] * SHARES[t])
        const got = /\$[\d.]+[KMBT]?/.exec(text)?.[0]
        return got === want ? 'close x shares' : `${t} on ${shown}: ${got}, want ${want}`
      }, `${t}'s value in the read-out`)
      .toBe('close x shares')
  }

  // The legend hides and shows a line, and the read-out follows it.
  await legend.getByRole('button', { name: 'JD' }).click()
  await expect(legend.getByRole('button', { name: 'JD' })).toHaveAttribute('aria-pressed', 'false')
  await expect(chart.locator('.ch-line')).toHaveCount(3)
  await hoverPlot(app, chart, 0.2)
  await expect(readoutRow(readout, 'JD')).toHaveCount(0)
  await expect(readoutRow(readout, 'BABA')).toHaveCount(1)
  await legend.getByRole('button', { name: 'JD' }).click()
  await expect(chart.locator('.ch-line')).toHaveCount(4)
  await app.mouse.move(0, 0)
  await expect(readout).toHaveCount(0)

  // The brush and the chart show the same range, whatever the mode.
  const range = app.getByTestId('chart-range')
  const inStep = (when: string) =>
    expect
      .poll(async () => {
        const [brush, shown] = [await brushRange(app), await range.innerText()]
        return brush === shown ? 'the same range' : `brush ${brush}, chart ${shown}`
      }, when)
      .toBe('the same range')
  await inStep('as the chart opens')

  // Indexed to 100 on a chosen date: round ticks, a reference line at 100.
  await app.getByLabel('Mode', { exact: true }).selectOption('indexed')
  await app.getByLabel('Index date', { exact: true }).fill('2020-11-02')
  await expect(chart).toHaveAttribute('data-state', 'ready')
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').last()).not.toContainText('$')
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(1)
  await expect.poll(() => yTicks(chart)).toContain('100')
  await inStep('after switching to indexed')
  // An index date before PDD listed: PDD cannot be 100 on it, and the screen says so.
  await expect(app.getByTestId('index-note')).toHaveCount(0)
  await app.getByLabel('Index date', { exact: true }).fill('2016-01-04')
  await expect(app.getByTestId('index-note')).toHaveText('PDD starts 2018-07-26, after the index date 2016-01-04: indexed to its first close (100 on 2018-07-26).')

  // Drawdown from peak: never above zero, so the axis tops at exactly 0 %; no log scale.
  await app.getByLabel('Mode', { exact: true }).selectOption('drawdown')
  await expect(app.getByLabel('Log scale', { exact: true })).toBeDisabled()
  await expect.poll(async () => (await yTicks(chart)).at(-1)).toBe('0 %')
  expect((await yTicks(chart)).filter((t) => !t.startsWith('-') && t !== '0 %'), 'no positive drawdown tick').toEqual([])
  await inStep('after switching to drawdown')
  await app.getByLabel('Mode', { exact: true }).selectOption('absolute')
  await app.getByLabel('Log scale', { exact: true }).check()
  await expect(chart.locator('.ch-line')).toHaveCount(4)
  // Log ticks on 1, 2, 5 x 10^k or sparser: no two labels run into one another.
  await expect.poll(async () => (await yTicks(chart)).join(' ')).toMatch(/\$100B/)
  const ys = await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().y).sort((a, b) => a - b))
  expect(Math.min(...ys.slice(1).map((y, i) => y - ys[i])), `log labels at ${ys.map(Math.round).join(', ')}`).toBeGreaterThanOrEqual(16)

  // The chart opens on the events; Reset zoom shows every day of the longest series (BIDU).
  await expect(range).not.toContainText('2005-08-05')
  await app.getByRole('button', { name: 'Reset zoom' }).click()
  await expect(range).toHaveText(/^2005-08-05 – 2024-03-08$/)
  await inStep('after Reset zoom')

  // The brush's end handle moves with the keyboard, and the chart follows it.
  await app.getByRole('slider', { name: 'Zoom to' }).focus()
  await app.keyboard.press('Home')
  await expect(range).not.toHaveText(/2024-03-08$/)
  await inStep('after moving the brush with the keyboard')
  await app.getByRole('button', { name: 'Reset zoom' }).click()
  await expect.poll(() => xTicks(chart)).toContain('2010')

  // Zoomed in to the last week or so: no month starts there, so the axis names the days.
  await app.getByRole('slider', { name: 'Zoom from' }).focus()
  await app.keyboard.press('End')
  for (let i = 0; i < 4; i++) await app.keyboard.press('ArrowLeft')
  await expect(range).toHaveText(/^2024-02-2\d – 2024-03-08$/)
  await expect.poll(async () => (await xTicks(chart)).length).toBeGreaterThanOrEqual(4)
  const days = await xTicks(chart)
  expect(days.every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)), `full dates: ${days.join(', ')}`).toBe(true)
  expect(days, 'in order, one label per date').toEqual([...new Set(days)].sort())
  expect(days.at(-1)! <= '2024-03-08' && days[0] >= '2024-02-20').toBe(true)
  await inStep('zoomed in to a week')
  await app.getByRole('button', { name: 'Reset zoom' }).click()

  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export PNG' }).click()
  const png = await readFile(await (await download).path())
  expect(png.subarray(0, 8).toString('hex'), 'a PNG file').toBe('89504e470d0a1a0a')
  expect(png.length).toBeGreaterThan(20_000)
})

test('the basket view states its peak-to-trough loss between two dates, as IMPACT.md defines it', async ({ app }) => {
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
  // The value axis counts in round steps from $0 (1, 2, 2.5 or 5 x a power of ten).
  const ticks = (await yTicks(chart)).map(fromUsd)
  expect(ticks[0]).toBe(0)
  const step = ticks[1] - ticks[0]
  expect(ticks.every((v, i) => near(v, i * step, 1e-9) || v === i * step), `ticks ${ticks.join(', ')} on one step`).toBe(true)
  expect([1, 2, 2.5, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)))
  // The exact figures behind the rounded sentence.
  const exact = /loss \$([\d,.]+) \(([\d.e-]+)\)/.exec((await sentence.getAttribute('title')) ?? '')
  expect(exact, 'the sentence carries the exact loss in its title').not.toBeNull()
  expect(near(Number(exact![1].replace(/,/g, '')), want.loss, 1e-9)).toBe(true)
  expect(near(Number(exact![2]), want.lossFraction, 1e-9)).toBe(true)

  // Hovering a day reads out each company and the basket's total: close x shares, summed.
  const grid = (await chart.locator('.recharts-cartesian-grid').first().boundingBox())!
  await app.mouse.move(grid.x + grid.width * 0.4, grid.y + grid.height * 0.6)
  const readout = chart.getByTestId('basket-readout')
  await expect(readout).toBeVisible()
  const day = (await readout.getAttribute('data-date'))!
  const total = companies.reduce((sum, c) => sum + c.closes.close[c.closes.dates.indexOf(day)] * c.shares, 0)
  const shown = fromUsd((await readout.getByRole('row').filter({ hasText: 'Basket' }).getByRole('cell').textContent())!)
  expect(Math.abs(shown - total) / total, `basket total on ${day}: shown ${shown}, computed ${total}`).toBeLessThan(0.01)
  const heads = await readout.getByRole('rowheader').allTextContents()
  expect(heads.at(-1)).toBe('Basket')
  expect(heads.slice(0, -1).sort()).toEqual(Object.keys(SHARES).sort())
  await app.screenshot({ path: shotPath('basket.png') })

  // Dates the wrong way round: said so, and no figure left over from the last good range.
  await app.getByLabel('Basket from').fill('2021-11-01')
  await app.getByLabel('Basket from').blur()
  await expect(app.getByText('The start date must not be after the end date.')).toBeVisible()
  await expect(app.getByTestId('basket-chart')).toContainText('No basket for these dates: the start must be on or before the end.')
  await expect(sentence).toHaveCount(0)
  await app.screenshot({ path: test.info().outputPath('basket-reversed.png') })
})

test('a company left out of the basket is named beside the loss, with the reason', async ({ app, host, request }) => {
  // NetEase's prices, but no share count typed: it has no market cap, so no part in the sum.
  await importPrices(request, host, { NTES: null })
  await openScreen(app, 'Charts')
  await app.getByRole('tab', { name: 'Basket' }).click()
  await app.locator('.ch-picker summary').click()
  const ntes = app.getByRole('group', { name: 'Companies to chart' }).getByRole('listitem').filter({ hasText: 'NetEase' })
  const box = ntes.getByRole('checkbox')
  if (!(await box.isChecked())) await box.check()
  await app.locator('.ch-picker summary').click()
  const chart = await waitForChart(app, 'basket-chart')
  await expect(chart.locator('.recharts-area-area')).toHaveCount(4)
  const sentence = app.getByTestId('basket-drawdown')
  await expect(sentence).toContainText('Basket of 4 of 5 chosen companies')
  await expect(sentence.getByTestId('basket-left-out')).toHaveText(/^\s*Left out: NetEase \(.+\)\.$/)
  await app.screenshot({ path: test.info().outputPath('basket-left-out.png') })
})
