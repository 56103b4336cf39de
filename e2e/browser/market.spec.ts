/**
 * The analyst's part-2 story: import real daily prices through the wizard (after seeing a dry run
 * reject a damaged copy line by line), mark SPY a benchmark, set Alibaba's shares, see the events
 * on its market-cap chart, and export impact figures that agree with IMPACT.md worked out here,
 * independently, from the same files.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { test, expect } from '../support/fixtures'
import { PRICES, ROOT } from '../support/host'
import { fitsItsWidth, ImportWizard, openScreen, waitForChart } from './market-pages'
import { near, readCloses, windowFigures } from './market-oracle'
import { shotPath } from '../support/shots'

const BABA_SHARES = 2_710_000_000
const ANT_IPO = { id: 'ev-ant-ipo-suspended', title: "Ant Group's record $37 billion IPO suspended", date: '2020-11-03' }
// A Saturday: day 0 is the next trading day, which the check below must find by itself.
const RECORD_FINE = { id: 'ev-alibaba-record-fine', date: '2021-04-10' }

test('prices imported through the wizard give impact figures that match IMPACT.md', async ({ app }) => {
  test.setTimeout(120_000)
  const babaText = await readFile(join(PRICES, 'BABA.csv'), 'utf8')
  const spyText = await readFile(join(PRICES, 'SPY.csv'), 'utf8')
  const babaRows = babaText.trim().split('\n').length - 1
  const spyRows = spyText.trim().split('\n').length - 1

  await openScreen(app, 'Market data')
  const wizard = new ImportWizard(app)

  // A damaged copy first: the dry run names each bad line and why, and writes nothing.
  const lines = babaText.split('\n')
  lines[4] = lines[4].replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, '$1n/a') // Close of line 5
  lines[8] = lines[8].replace(/^\d{4}-\d{2}-\d{2}/, '2021-02-30') // date of line 9
  await wizard.pick({ name: 'BABA.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) })
  await expect(wizard.select('Date column')).toHaveValue('Date')
  await expect(wizard.select('Value column')).toHaveValue('Close')
  await expect(wizard.select('Value is')).toHaveValue('close')
  // Saying the value is the adjusted close takes the Adj Close column; market cap, which the file
  // has no column for, is called out rather than storing prices as money.
  await wizard.select('Value is').selectOption('adj_close')
  await expect(wizard.select('Value column')).toHaveValue('Adj Close')
  await wizard.select('Value is').selectOption('market_cap')
  await expect(wizard.root.getByRole('alert')).toHaveText('The column Adj Close is named for adjusted close prices, not market caps: check the value column or what the value is.')
  await wizard.select('Value column').selectOption('Close')
  await expect(wizard.select('Value is')).toHaveValue('close')
  await expect(wizard.root.getByRole('alert')).toHaveCount(0)
  await expect(wizard.select('Ticker')).toHaveValue('BABA')
  await expect(wizard.root.getByRole('region', { name: 'First rows of the file' })).toContainText('2014-09-19')
  await wizard.dryRun()
  await expect(wizard.summary).toContainText(`${(babaRows - 2).toLocaleString('en-US')} new`)
  await expect(wizard.summary).toContainText('2 rejected')
  const rejected = wizard.root.getByRole('table', { name: 'Rejected rows' }).getByRole('row')
  await expect(rejected.nth(1)).toContainText('5')
  await expect(rejected.nth(1)).toContainText('Close')
  await expect(rejected.nth(2)).toContainText('9')
  await expect(rejected.nth(2)).toContainText('Date')
  await app.screenshot({ path: shotPath('import.png') })
  await wizard.startOver()
  await openScreen(app, 'Charts')
  await expect(app.getByText('No prices imported yet')).toBeVisible()
  await openScreen(app, 'Market data')

  // The real file: every row new, Alibaba already exists so no company is created.
  await wizard.pick(join(PRICES, 'BABA.csv'))
  await wizard.dryRun()
  await expect(wizard.summary).toContainText(`${babaRows.toLocaleString('en-US')} new`)
  await expect(wizard.summary).toContainText('0 rejected')
  await expect(wizard.root.getByRole('table', { name: 'Rows per ticker' })).not.toContainText('creates company')
  await wizard.commit()
  await expect(app.getByRole('table', { name: 'Series' }).getByRole('row', { name: /BABA/ })).toContainText('2,383')

  // Re-importing the same file changes nothing.
  await wizard.startOver()
  await wizard.pick(join(PRICES, 'BABA.csv'))
  await wizard.dryRun()
  await expect(wizard.summary).toContainText(`${babaRows.toLocaleString('en-US')} unchanged`)
  await expect(wizard.importButton()).toBeDisabled()

  // SPY: columns in another order, mapped by name; an unknown ticker creates its company.
  await wizard.startOver()
  await wizard.pick(join(PRICES, 'SPY.csv'))
  await expect(wizard.select('Value column')).toHaveValue('Close')
  await expect(wizard.select('Ticker')).toHaveValue('SPY')
  await wizard.dryRun()
  await expect(wizard.summary).toContainText(`${spyRows.toLocaleString('en-US')} new`)
  await expect(wizard.root.getByRole('table', { name: 'Rows per ticker' })).toContainText('creates company')
  await wizard.commit()
  const benchmark = app.getByLabel('Benchmark SPY')
  await benchmark.check()
  await expect(benchmark).toBeChecked()
  await app.getByLabel('Benchmark of Alibaba Group').selectOption('SPY')
  await expect(app.getByLabel('Benchmark of Alibaba Group')).toHaveValue('SPY')
  // Long company names wrap; the selects are not cut off at the card's right edge.
  expect(await fitsItsWidth(app.getByRole('table', { name: 'Benchmarks by company' }).locator('xpath=..')), 'benchmark selects inside their card').toBe(true)

  // Shares outstanding for BABA: a bad row is refused with its reason, then a good one is saved.
  const shares = app.getByRole('region', { name: 'Share schedule' })
  await shares.getByLabel('Company').selectOption({ label: 'Alibaba Group' })
  await expect(shares.getByLabel('Listing')).toHaveValue('BABA')
  await shares.getByRole('button', { name: 'Add row' }).click()
  await shares.getByLabel('Effective date, row 1').fill('2014-02-30')
  await shares.getByLabel('Shares outstanding, row 1').fill('0')
  await shares.getByRole('button', { name: 'Save shares' }).click()
  await expect(shares.getByText('Effective date "2014-02-30" is not a real date (YYYY-MM-DD); Shares outstanding must be more than zero')).toBeVisible()
  // Switching company with unsaved rows asks first; Cancel keeps the rows being edited.
  await shares.getByLabel('Company').selectOption({ label: 'JD.com' })
  const discard = app.getByRole('dialog', { name: 'Discard unsaved share rows?' })
  await expect(discard).toContainText('The rows you changed for BABA are not saved.')
  await discard.getByRole('button', { name: 'Cancel' }).click()
  await expect(shares.getByLabel('Listing')).toHaveValue('BABA')
  await expect(shares.getByLabel('Effective date, row 1')).toHaveValue('2014-02-30')
  await shares.getByLabel('Effective date, row 1').fill('2014-09-19')
  await shares.getByLabel('Shares outstanding, row 1').fill(BABA_SHARES.toLocaleString('en-US'))
  await shares.getByLabel('Source, row 1').fill('e2e test input')
  await shares.getByRole('button', { name: 'Save shares' }).click()
  await expect(shares.getByRole('status')).toHaveText('Saved 1 row for BABA.')

  // Impact windows are the analyst's: a wrong one is refused by name, a good list is saved.
  const settings = app.getByRole('region', { name: 'Currency and impact settings' })
  await settings.getByLabel('Impact windows').fill('-1:1, 0:5, 3:0')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByRole('alert')).toContainText('Impact windows: "3:0": the start must not be after the end.')
  await settings.getByLabel('Impact windows').fill('-1:1, 0:5, 0:0')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByRole('status')).toHaveText('Settings saved.')

  // The chart: Alibaba is linked to events and has prices, so it is drawn by default, with a
  // marker on every event day.
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  await expect(app.getByText('Companies: BABA', { exact: true })).toBeVisible()
  const starter = JSON.parse(await readFile(join(ROOT, 'resources', 'starter', 'workspace.json'), 'utf8')) as { events: { date: string }[] }
  const eventDays = new Set(starter.events.map((e) => e.date)).size
  await expect(chart.getByRole('button', { name: /^Event / })).toHaveCount(eventDays)

  // Only listing events: the IPO suspension's marker shows its title and date, and opens it.
  const categories = app.getByRole('group', { name: 'Events' })
  await categories.getByRole('button', { name: 'Hide all' }).click()
  await expect(chart.getByRole('button', { name: /^Event / })).toHaveCount(0)
  await categories.getByLabel(/^Listing/).check()
  const marker = chart.getByRole('button', { name: `Event ${ANT_IPO.date}: ${ANT_IPO.title}` })
  await marker.hover()
  await expect(chart.getByRole('tooltip')).toContainText(ANT_IPO.title)
  await expect(chart.getByRole('tooltip')).toContainText(ANT_IPO.date)
  await marker.click()
  await expect(app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events' })).toHaveAttribute('aria-current', 'page')
  const details = app.getByRole('complementary', { name: 'Event details' })
  await expect(details.getByRole('heading', { name: ANT_IPO.title })).toBeVisible()
  // Its market impact, in the panel's width: every column of the figures readable, none cut off.
  const detailRows = details.getByRole('table', { name: 'Impact of this event' })
  await expect(detailRows.getByRole('row', { name: /BABA/ })).toHaveCount(3)
  await expect(detailRows.getByRole('columnheader')).toHaveText(['Ticker', 'Window', 'Change', 'Return', 'Abnormal', 'CAR', 't'])
  expect(await fitsItsWidth(detailRows.locator('xpath=..')), 'the impact table fits the detail panel').toBe(true)
  const clipped = await detailRows.getByRole('columnheader').evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth).map((th) => th.textContent))
  expect(clipped, 'headers cut short (e.g. "Abno…")').toEqual([])
  await expect(details.getByRole('list', { name: 'Lines of the chart' })).toContainText('BABA')

  // Impact: the table, then the report, checked against the files themselves.
  await openScreen(app, 'Impact')
  const impact = app.getByTestId('impact')
  await expect(impact).toHaveAttribute('data-state', 'ready')
  await expect(app.getByLabel('Window', { exact: true }).getByRole('option')).toHaveText(['All windows', '[-1, +1]', '[0, +5]', '[0, 0]'])
  // At 1440 x 900 every column is on screen, the last (Note) and the benchmark's filter included.
  const scroller = await impact.getByRole('grid', { name: 'Impact' }).locator('xpath=..').boundingBox()
  for (const header of [impact.getByRole('columnheader', { name: 'Note' }), impact.getByLabel('Filter Benchmark')]) {
    const box = (await header.boundingBox())!
    expect(box.x + box.width, 'inside the table box').toBeLessThanOrEqual(scroller!.x + scroller!.width)
  }
  await impact.getByLabel('Filter Company').fill('BABA')
  await expect(impact.getByRole('grid', { name: 'Impact' }).getByRole('row', { name: new RegExp(ANT_IPO.title.replace(/[$.()]/g, '\\$&')) }).first()).toBeVisible()
  // Sorted by the host: by CAR, the largest first and the rows without one last; then back.
  const grid = impact.getByRole('grid', { name: 'Impact' })
  const carHeader = grid.getByRole('columnheader', { name: /^CAR/ })
  await carHeader.getByRole('button').click()
  await expect(carHeader).toHaveAttribute('aria-sort', /descending|ascending/)
  await expect(impact).toHaveAttribute('data-state', 'ready')
  const carIndex = await grid.getByRole('columnheader').evaluateAll((hs) => hs.findIndex((h) => /^CAR/.test(h.textContent ?? '')))
  const cars = async () =>
    grid.locator('tbody tr:not([aria-hidden])').evaluateAll((rows, i) => rows.map((r) => (r.children[i] as HTMLElement | undefined)?.querySelector('span[title]')?.getAttribute('title') ?? null), carIndex)
  await expect.poll(async () => (await cars()).length).toBeGreaterThan(5)
  const sortedDir = await carHeader.getAttribute('aria-sort')
  const shown = (await cars()).map((t) => (t === null || t === '' || Number.isNaN(Number(t)) ? null : Number(t)))
  const numbers = shown.filter((v): v is number => v !== null)
  expect(numbers, `CAR ${sortedDir}`).toEqual([...numbers].sort((a, b) => (sortedDir === 'descending' ? b - a : a - b)))
  expect(shown.slice(0, numbers.length), 'figures before the empty cells').toEqual(numbers)
  await carHeader.getByRole('button').click()
  await carHeader.getByRole('button').click()
  await expect(carHeader).toHaveAttribute('aria-sort', 'none')
  // A plain click sorts by that column alone, dates from the earliest first, then the other way.
  const day0Header = grid.getByRole('columnheader', { name: /^Day 0/ })
  await day0Header.getByRole('button').click()
  await expect(day0Header).toHaveAttribute('aria-sort', 'ascending')
  await expect(grid.getByRole('columnheader', { name: /^Date/ })).toHaveAttribute('aria-sort', 'none')
  await day0Header.getByRole('button').click()
  await expect(day0Header).toHaveAttribute('aria-sort', 'descending')
  await day0Header.getByRole('button').click()
  await expect(day0Header).toHaveAttribute('aria-sort', 'none')
  // One window: the table keeps its rows, the ranking ranks by it.
  await app.getByLabel('Window', { exact: true }).selectOption({ label: '[0, +5]' })
  await expect(impact.getByRole('heading', { name: /^Basket change per event, \[0, \+5\]/ })).toBeVisible()
  const windowIndex = await grid.getByRole('columnheader').evaluateAll((hs) => hs.findIndex((h) => (h.textContent ?? '').startsWith('Window')))
  await expect
    .poll(async () => [...new Set(await grid.locator('tbody tr:not([aria-hidden])').evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ''), windowIndex))])
    .toEqual(['[0, +5]'])
  await app.getByLabel('Window', { exact: true }).selectOption({ label: 'All windows' })
  await expect(impact.getByRole('heading', { name: /^Basket change per event, \[-1, \+1\]/ })).toBeVisible()
  // An event of the ranking: its companies around the event and its rows, beside the ranking.
  await impact.getByRole('table', { name: 'Ranking of events by basket change' }).getByRole('button', { name: ANT_IPO.title }).click()
  const selected = impact.getByRole('region', { name: 'Selected event' })
  await expect(selected.getByTestId('event-impact-chart').locator('.recharts-line-curve')).toHaveCount(1)
  await expect(selected.getByRole('table', { name: 'Impact of this event' }).getByRole('row', { name: /BABA/ })).toHaveCount(3)
  expect(await fitsItsWidth(selected.getByRole('table', { name: 'Impact of this event' }).locator('xpath=..')), 'the impact table fits its card').toBe(true)
  // The mini chart names its line and reads its value on a hovered day.
  await expect(selected.getByRole('list', { name: 'Lines of the chart' })).toContainText('BABA')
  const mini = (await selected.getByTestId('event-impact-chart').locator('.recharts-cartesian-grid').boundingBox())!
  await app.mouse.move(mini.x + mini.width * 0.25, mini.y + mini.height / 2)
  await expect(selected.getByTestId('chart-readout').getByRole('row', { name: /^BABA \d+\.\d$/ })).toBeVisible()
  await app.mouse.move(0, 0)
  // Opening the event scrolled the panel into view; the picture shows the table's headers too.
  await grid.evaluate((el) => el.closest('.im-table-wrap')?.scrollIntoView({ block: 'start' }))
  await app.screenshot({ path: shotPath('impact.png') })

  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export impact CSV' }).click()
  const csv = await readFile(await (await download).path(), 'utf8')
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  // The table as shown: its company filter (BABA) still on, so only Alibaba's rows.
  expect([...new Set(rows.map((r) => r.company))]).toEqual(['Alibaba Group'])
  const baba = readCloses(babaText)
  const spy = readCloses(spyText)
  for (const event of [ANT_IPO, RECORD_FINE]) {
    for (const [a, b] of [
      [-1, 1],
      [0, 5]
    ]) {
      const row = rows.find((r) => r.event_id === event.id && r.ticker === 'BABA' && r.window_start === String(a) && r.window_end === String(b))
      expect(row, `impact row ${event.id} [${a},${b}]`).toBeDefined()
      const want = windowFigures(baba, spy, BABA_SHARES, event.date, a, b)
      const where = `${event.id} [${a},${b}]`
      expect({ day0: row!.day0, start: row!.start_date, end: row!.end_date, benchmark: row!.benchmark, currency: row!.currency }, where).toEqual({
        day0: want.day0,
        start: want.start_date,
        end: want.end_date,
        benchmark: 'SPY',
        currency: 'USD'
      })
      for (const field of ['start_mcap', 'end_mcap', 'mcap_change', 'mcap_return', 'benchmark_return', 'abnormal_return'] as const) {
        const got = Number(row![field])
        expect(near(got, want[field]), `${where} ${field}: report ${row![field]}, by hand ${want[field]}`).toBe(true)
      }
    }
  }
  // The Saturday event really moved to Monday.
  expect(rows.find((r) => r.event_id === RECORD_FINE.id && r.ticker === 'BABA')?.day0).toBe('2021-04-12')

  // The market-cap report: close x shares on a day, in the listing's and the reporting currency.
  const mcDownload = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export market caps CSV' }).click()
  const mc = Papa.parse<Record<string, string>>((await readFile(await (await mcDownload).path(), 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  // The export's status gives way: the toolbar stays on one line, "Money in USD" beside the buttons.
  await expect(app.getByRole('toolbar', { name: 'Impact' }).getByRole('status')).toContainText('rows')
  const button = (await app.getByRole('button', { name: 'Export market caps CSV' }).boundingBox())!
  const money = (await app.getByRole('toolbar', { name: 'Impact' }).getByText('Money in USD').boundingBox())!
  expect(Math.abs(money.y + money.height / 2 - (button.y + button.height / 2)), '"Money in USD" on the buttons\' line').toBeLessThan(4)
  const day = mc.find((r) => r.ticker === 'BABA' && r.date === ANT_IPO.date)
  const close = baba.close[baba.dates.indexOf(ANT_IPO.date)]
  expect(near(Number(day?.close), close)).toBe(true)
  expect(Number(day?.shares)).toBe(BABA_SHARES)
  expect(near(Number(day?.market_cap), close * BABA_SHARES)).toBe(true)
  expect(near(Number(day?.market_cap_reporting), close * BABA_SHARES)).toBe(true)
})

test('a file with a bad row goes in only with the analyst skipping it, and the result says so', async ({ app }) => {
  await openScreen(app, 'Market data')
  const wizard = new ImportWizard(app)
  // Synthetic placeholder numbers under a made-up ticker: not market data.
  const text = 'Date,Close\n2021-03-01,10\n2021-02-30,11\n2021-03-02,10.5\n'
  await wizard.pick({ name: 'FIXT.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })
  await wizard.dryRun()
  await expect(wizard.summary).toContainText('1 rejected')
  await expect(wizard.importButton()).toHaveText('Import 2 rows, skip 1 rejected')
  await wizard.commit()
  const done = wizard.root.getByRole('status').filter({ hasText: /^Imported/ })
  await expect(done).toContainText('Imported 2 new and 0 replaced rows. 1 rejected row was left out.')
  await expect(wizard.root.getByRole('table', { name: 'Rows per ticker' })).toContainText('company created')
  await expect(app.getByRole('table', { name: 'Series' }).getByRole('row', { name: /FIXT/ })).toContainText('2')
})
