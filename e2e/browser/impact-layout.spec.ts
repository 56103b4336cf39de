/**
 * The analyst on the Impact screen at a laptop's 1280 x 800 window (and 1024 x 700): every column
 * of the impact table in sight or on its own sideways scrollbar, a row of the table opening its
 * event in the panel below and bringing the panel into view, by mouse and by keyboard. Prices are
 * the real files, imported with the CLI before the host starts (setup, not the story).
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { CLI, PRICES } from '../support/host'
import { openScreen } from './market-pages'

const run = promisify(execFile)
const capwatch = (dataDir: string, ...args: string[]) => run(process.execPath, [CLI, '--data-dir', dataDir, ...args])

async function box(l: Locator) {
  const b = await l.boundingBox()
  if (!b) throw new Error(`not on screen: ${l}`)
  return { left: b.x, right: b.x + b.width, width: b.width }
}

async function openImpact(app: Page, viewport: { width: number; height: number }) {
  await app.setViewportSize(viewport)
  await openScreen(app, 'Impact')
  const impact = app.getByTestId('impact')
  await expect(impact).toHaveAttribute('data-state', 'ready')
  return { impact, grid: impact.getByRole('grid', { name: 'Impact' }), panel: app.getByRole('region', { name: 'Selected event' }) }
}

test.describe('with BABA and 0700.HK priced, their shares set and SPY a benchmark', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir) => {
        for (const t of ['BABA', '0700.HK', 'SPY']) await capwatch(dataDir, 'import', 'prices', join(PRICES, `${t}.csv`), '--ticker', t)
        await capwatch(dataDir, 'benchmark', 'set', 'SPY')
        await capwatch(dataDir, 'shares', 'set', 'BABA', '--date', '2014-09-19', '--shares', '2710000000')
      })
  })

  test('at 1280 x 800 every column of the impact table fits its box, and the Event column has room', async ({ app }) => {
    const { grid } = await openImpact(app, { width: 1280, height: 800 })
    const scroller = grid.locator('xpath=..')
    const visible = await box(scroller)
    const headers = grid.locator('thead tr').first().getByRole('columnheader')
    await expect(headers).toHaveText(['Event', 'Date', 'Company', 'Window', 'Day 0', 'Start → end', 'Mcap', 'Change', 'Return', 'Benchmark', 'Abnormal', 'CAR', 't-stat', 'Note'].map((h) => new RegExp(`^${h.replace('→', '.')}`)))
    for (const h of await headers.all()) {
      const b = await box(h)
      expect(b.right, `${await h.innerText()} ends inside the table's box`).toBeLessThanOrEqual(visible.right + 0.5)
    }
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth), 'no sideways scroll needed at 1280').toBe(true)
    expect((await box(headers.first())).width, 'the Event column shows a title').toBeGreaterThanOrEqual(120)
    // The returns read whole: no figure is cut to "+34.1…".
    const cut = await grid.locator('[data-col="mcap_return"], [data-col="abnormal_return"], [data-col="car"]').evaluateAll((cells) =>
      cells.filter((c) => c.getAttribute('role') === 'gridcell' && c.scrollWidth > c.clientWidth).map((c) => c.textContent)
    )
    expect(cut, 'figures cut short').toEqual([])
    // Sorted by a narrow column, its title and arrow stay clear of the next column's title.
    await headers.nth(2).getByRole('button').click()
    await expect(headers.nth(2)).toHaveText(/^Company [▲▼]$/)
    const textBox = (h: Locator) =>
      h.evaluate((el) => {
        const r = document.createRange()
        r.selectNodeContents(el.querySelector('button')!)
        const b = r.getBoundingClientRect()
        return { left: b.left, right: b.right }
      })
    const company = await textBox(headers.nth(2))
    const window = await textBox(headers.nth(3))
    expect(window.left - company.right, '"Company ▲" and "Window" kept apart').toBeGreaterThanOrEqual(4)
    await app.screenshot({ path: test.info().outputPath('impact-1280x800.png') })
  })

  test('at 1024 x 700 the table scrolls sideways in its own box to its last column', async ({ app }) => {
    const { grid } = await openImpact(app, { width: 1024, height: 700 })
    const scroller = grid.locator('xpath=..')
    const fit = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }))
    expect(fit.page, 'the page itself does not scroll sideways').toBeLessThanOrEqual(1024)
    if (fit.scroll > fit.client) {
      // A visible scrollbar of the table's own box: scrolled to its end, Note is in sight.
      expect(await scroller.evaluate((el) => (el as HTMLElement).offsetHeight - el.clientHeight), 'a horizontal scrollbar is drawn').toBeGreaterThan(0)
      await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    }
    const note = grid.getByRole('columnheader', { name: 'Note', exact: true })
    expect((await box(note)).right).toBeLessThanOrEqual((await box(scroller)).right + 0.5)
    await app.screenshot({ path: test.info().outputPath('impact-1024x700.png') })
  })

  test('at 1280 x 800 a row of the table opens its event in the panel, in view, by mouse and by keyboard', async ({ app }) => {
    const { impact, grid, panel } = await openImpact(app, { width: 1280, height: 800 })
    await expect(panel).toContainText('Choose an event in the ranking, or a row of the table')
    await impact.getByLabel('Filter Company').fill('BABA')
    const rows = grid.locator('tbody tr[aria-rowindex]')
    await expect(rows.nth(1)).toBeVisible()

    // A click: the panel is the row's event, scrolled into sight, its heading focused.
    const firstTitle = (await rows.first().locator('td').first().innerText()).trim()
    await rows.first().click()
    const heading = panel.getByRole('heading', { level: 3 })
    await expect(heading).toHaveText(firstTitle)
    await expect(panel).toBeInViewport()
    await expect(heading).toBeFocused()
    await expect(panel.getByTestId('event-impact-chart'), 'its chart is in sight, not only its heading').toBeInViewport({ ratio: 0.9 })
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true')
    // The panel's rows name the column as the table does ("Abnormal"); its returns stay compact
    // ("-2.9%", exact in the title) so the table fits the Events screen's narrow detail panel.
    const eventRows = panel.getByRole('table', { name: 'Impact of this event' })
    await expect(eventRows.getByRole('columnheader', { name: 'Abnormal' })).toBeVisible()
    await expect(eventRows.getByRole('columnheader', { name: 'AR', exact: true })).toHaveCount(0)
    await app.screenshot({ path: test.info().outputPath('impact-row-clicked-1280x800.png') })

    // The keyboard: back to the table (scrolled to the top), Tab lands on a row, down one, Enter.
    await app.evaluate(() => window.scrollTo(0, 0))
    await grid.evaluate((el) => el.closest('.md-body')?.scrollTo({ top: 0 }))
    await impact.getByLabel('Filter Company').focus()
    await expect(rows.first()).toHaveAttribute('tabindex', '0')
    await rows.first().focus()
    await app.keyboard.press('ArrowDown')
    const second = rows.nth(1)
    await expect(second).toBeFocused()
    const secondTitle = (await second.locator('td').first().innerText()).trim()
    await app.keyboard.press('Enter')
    await expect(heading).toHaveText(secondTitle)
    await expect(panel).toBeInViewport()
    await expect(heading).toBeFocused()
  })

  test('choosing an event in the ranking brings its panel into view (1440 x 900)', async ({ app }) => {
    const { impact, panel } = await openImpact(app, { width: 1440, height: 900 })
    await app.screenshot({ path: test.info().outputPath('impact-1440x900.png') })
    const ranking = impact.getByRole('table', { name: 'Ranking of events by basket change' })
    const button = ranking.getByRole('button', { name: /^SAMR opens antitrust probe into Alibaba/ })
    await button.scrollIntoViewIfNeeded()
    await button.click()
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(/^SAMR opens antitrust probe into Alibaba/)
    await expect(panel).toBeInViewport()
    await expect(panel.getByRole('heading', { level: 3 })).toBeFocused()
    await app.screenshot({ path: test.info().outputPath('impact-ranking-chosen-1440x900.png') })
  })
})
