/**
 * The Charts screen keeps what the analyst set up while they look at another screen: companies,
 * mode, index date, log scale, hidden categories and series, the zoomed range, the view and the
 * basket's dates. Dates are typed as YYYY-MM-DD (as Capwatch writes them everywhere, not in the
 * browser locale's MM/DD/YYYY), and a day that does not exist is marked and changes nothing.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { importPrices } from '../support/api'
import { EventsPage } from '../support/events-page'
import { afterNextFrame, brushRange, openScreen, waitForChart } from './market-pages'

// Approximate ADS-equivalent counts, typed by the test as an analyst would (not market data).
const SHARES: Record<string, number> = { BABA: 2_710_000_000, JD: 1_560_000_000, PDD: 1_260_000_000 }
const TUTORING_FINES = '15 tutoring firms, including New Oriental and TAL, fined for false advertising'

test.beforeEach(async ({ host, request }) => {
  await importPrices(request, host, SHARES)
})

/** Everything the analyst set up on the market-cap chart, as they would read it off the screen. */
async function marketCapSetup(app: Page, chart: Locator) {
  const legend = app.getByRole('list', { name: /^Legend/ })
  const cats = app.getByRole('group', { name: 'Events' })
  const catBoxes = await cats.getByRole('checkbox').evaluateAll((els) =>
    els.map((e) => `${(e.closest('label')?.textContent ?? '').replace(/\s*\d+$/, '').trim()}:${(e as HTMLInputElement).checked ? 'on' : 'off'}`)
  )
  return {
    view: await app.getByRole('tab', { selected: true }).innerText(),
    companies: await app.locator('.ch-picker summary').innerText(),
    mode: await app.getByLabel('Mode', { exact: true }).inputValue(),
    // Only in indexed mode is there an index date to read.
    indexDate: (await app.getByLabel('Index date', { exact: true }).count()) ? await app.getByLabel('Index date', { exact: true }).inputValue() : 'none',
    log: await app.getByLabel('Log scale', { exact: true }).isChecked(),
    categories: catBoxes.join(', '),
    legend: (await legend.getByRole('button').evaluateAll((els) => els.map((e) => `${e.textContent?.trim()}:${e.getAttribute('aria-pressed')}`))).join(', '),
    lines: (await chart.locator('.ch-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticker')).sort())).join(','),
    markers: await chart.getByRole('button', { name: /^Event / }).count(),
    range: await app.getByTestId('chart-range').innerText(),
    brush: await brushRange(app)
  }
}

/** The market-cap requests the screen sends, to tell which index dates it asked for. */
function watchChartRequests(app: Page): string[] {
  const bodies: string[] = []
  app.on('request', (r) => {
    if (/\/api\/chart(:|%3A)marketcap/i.test(r.url())) bodies.push(r.postData() ?? '')
  })
  return bodies
}

test('a chart set up, left for the Events screen and come back to, is as the analyst left it', async ({ app }) => {
  test.setTimeout(120_000)
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  const opened = await marketCapSetup(app, chart)

  // Companies: Alibaba and JD only.
  await app.locator('.ch-picker summary').click()
  await app.getByRole('group', { name: 'Companies to chart' }).getByRole('listitem').filter({ hasText: 'Pinduoduo' }).getByRole('checkbox').uncheck()
  await app.locator('.ch-picker summary').click()
  await expect(app.locator('.ch-picker summary')).toHaveText('Companies: BABA, JD')
  await expect(chart.locator('.ch-line')).toHaveCount(2)

  // Indexed to 100 on the day of the summons, typed as YYYY-MM-DD the way Capwatch writes dates.
  await app.getByLabel('Mode', { exact: true }).selectOption('indexed')
  const indexDate = app.getByLabel('Index date', { exact: true })
  await expect(indexDate).toHaveAttribute('placeholder', 'YYYY-MM-DD')
  await indexDate.clear()
  await indexDate.pressSequentially('2020-11-02')
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(1)
  await expect(chart).toHaveAttribute('data-state', 'ready')

  // Log scale on; antitrust markers off; JD's line hidden; zoomed in with the brush's end handle.
  await app.getByLabel('Log scale', { exact: true }).check()
  const markersBefore = await chart.getByRole('button', { name: /^Event / }).count()
  await app.getByRole('group', { name: 'Events' }).getByRole('checkbox', { name: /^Antitrust/ }).uncheck()
  await expect.poll(() => chart.getByRole('button', { name: /^Event / }).count()).toBeLessThan(markersBefore)
  await app.getByRole('list', { name: /^Legend/ }).getByRole('button', { name: 'JD' }).click()
  await expect(chart.locator('.ch-line')).toHaveCount(1)
  const rangeBefore = await app.getByTestId('chart-range').innerText()
  await app.getByRole('slider', { name: 'Zoom to' }).focus()
  await app.keyboard.press('PageDown')
  await expect(app.getByTestId('chart-range')).not.toHaveText(rangeBefore)
  await expect(chart).toHaveAttribute('data-state', 'ready')

  const left = await marketCapSetup(app, chart)
  expect(left).toMatchObject({ view: 'Market cap', companies: 'Companies: BABA, JD', mode: 'indexed', indexDate: '2020-11-02', log: true, lines: 'BABA' })
  expect(left.categories).toContain('Antitrust:off')
  expect(left.legend).toBe('BABA:true, JD:false')
  expect(left, 'the setup differs from how the chart opens').not.toEqual(opened)
  await app.screenshot({ path: test.info().outputPath('marketcap-set-up.png') })
  await app.locator('.ch-toolbar').screenshot({ path: test.info().outputPath('marketcap-toolbar.png') })

  // To the Events screen and back: all of it as left.
  await openScreen(app, 'Events')
  await expect(new EventsPage(app).grid).toBeVisible()
  await openScreen(app, 'Charts')
  await waitForChart(app, 'marketcap-chart')
  await expect.poll(() => marketCapSetup(app, chart), 'after visiting Events').toEqual(left)

  // A marker (an event alone on its day) still opens its event on the Events screen; coming
  // back, the chart is still as left.
  await chart.getByRole('button', { name: /^Event 2021-06-01: / }).click({ force: true })
  const events = new EventsPage(app)
  await expect(events.detail.getByRole('heading', { name: TUTORING_FINES })).toBeVisible()
  await openScreen(app, 'Charts')
  await waitForChart(app, 'marketcap-chart')
  await expect.poll(() => marketCapSetup(app, chart), 'after opening an event from a marker').toEqual(left)
})

test('a day that does not exist is marked and leaves the chart as it was', async ({ app }) => {
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  await app.getByLabel('Mode', { exact: true }).selectOption('indexed')
  const indexDate = app.getByLabel('Index date', { exact: true })
  await indexDate.fill('2020-11-02')
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(1)
  await expect(chart).toHaveAttribute('data-state', 'ready')
  const paths = () => chart.locator('.ch-line').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? e.querySelector('path')?.getAttribute('d')).join('|'))
  await expect.poll(paths, 'the lines settle').toBe(await paths())
  const before = await paths()
  const asked = watchChartRequests(app)

  await indexDate.fill('2021-02-30')
  await expect(indexDate).toHaveAttribute('aria-invalid', 'true')
  await expect(indexDate).toHaveAttribute('title', '2021-02-30 is not a date: February 2021 has 28 days')
  await app.locator('.ch-toolbar').screenshot({ path: test.info().outputPath('index-date-invalid.png') })
  await indexDate.blur()
  // Any request the typing or the blur started has been reported by the next frame.
  await afterNextFrame(app)
  expect(asked.filter((b) => b.includes('2021-02-30')), 'requests for the impossible date').toEqual([])
  expect(await paths(), 'the lines drawn').toBe(before)
  await expect(chart).toHaveAttribute('data-state', 'ready')
  await expect(indexDate).toHaveValue('2021-02-30')

  // Esc gives the date back; a real date clears the mark and redraws.
  await indexDate.focus()
  await app.keyboard.press('Escape')
  await expect(indexDate).toHaveValue('2020-11-02')
  await expect(indexDate).not.toHaveAttribute('aria-invalid', 'true')
  await indexDate.fill('2021-02-26')
  await expect(indexDate).not.toHaveAttribute('aria-invalid', 'true')
  await expect.poll(paths, 'redrawn for the new index date').not.toBe(before)
})

test('the basket keeps its dates and view across a visit to another screen', async ({ app }) => {
  await openScreen(app, 'Charts')
  await app.getByRole('tab', { name: 'Basket' }).click()
  const from = app.getByLabel('Basket from')
  const to = app.getByLabel('Basket to')
  await from.pressSequentially('2021-02-16')
  await to.fill('2021-10-04')
  await to.blur()
  const chart = await waitForChart(app, 'basket-chart')
  const sentence = app.getByTestId('basket-drawdown')
  await expect(sentence).toContainText('2021-02-16 to 2021-10-04')
  const said = await sentence.innerText()
  await app.locator('.ch-toolbar').screenshot({ path: test.info().outputPath('basket-toolbar.png') })

  await openScreen(app, 'Impact')
  await openScreen(app, 'Charts')
  await expect(app.getByRole('tab', { selected: true })).toHaveText('Basket')
  await expect(from).toHaveValue('2021-02-16')
  await expect(to).toHaveValue('2021-10-04')
  await waitForChart(app, 'basket-chart')
  await expect(sentence).toHaveText(said)

  // An impossible end date is marked; the basket stays the one for the last real dates.
  await to.fill('2021-02-30')
  await expect(to).toHaveAttribute('aria-invalid', 'true')
  await expect(to).toHaveAttribute('title', '2021-02-30 is not a date: February 2021 has 28 days')
  await afterNextFrame(app)
  await expect(sentence).toHaveText(said)
  await expect(chart).toHaveAttribute('data-state', 'ready')
  await app.locator('.ch-toolbar').screenshot({ path: test.info().outputPath('basket-invalid.png') })
})

test("the events table's date filter takes dates as YYYY-MM-DD and refuses a day that does not exist", async ({ app }) => {
  const events = new EventsPage(app)
  const all = await events.counts()
  const trigger = events.grid.getByRole('button', { name: 'Filter Date' })
  await trigger.click()
  const panel = app.getByRole('dialog', { name: 'Filter Date' })
  const from = panel.getByLabel('From')
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD')

  await from.fill('2021-02-30')
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(from).toHaveAttribute('title', '2021-02-30 is not a date: February 2021 has 28 days')
  await app.screenshot({ path: test.info().outputPath('date-filter-invalid.png') })
  await expect(trigger).toHaveText('Any')
  expect(await events.counts()).toEqual(all)

  await from.fill('2021-07-01')
  await panel.getByLabel('To').pressSequentially('2021-07-31')
  await expect(trigger).toHaveText('2021-07-01 – 2021-07-31')
  await expect.poll(async () => (await events.counts()).shown).toBeLessThan(all.total)
  await expect(events.rows.first().locator('[data-col="date"]')).toContainText(/2021-07-/)
  await app.screenshot({ path: test.info().outputPath('date-filter.png') })
})
