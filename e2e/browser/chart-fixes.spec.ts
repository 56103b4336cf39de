/**
 * Charts screen fixes found by QA: lines of companies no longer chosen must go with the choice
 * (also while the new answer is still on its way, and when "None" is chosen); a marker's popup
 * wraps long titles and stays inside the chart; the company picker names a company without a
 * listing "unlisted", never by its internal id.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { importPrices } from '../support/api'
import { afterNextFrame, openScreen, waitForChart } from './market-pages'

// Approximate ADS-equivalent counts, typed by the test as an analyst would (not market data).
const SHARES: Record<string, number> = { BABA: 2_710_000_000, JD: 1_560_000_000, PDD: 1_260_000_000 }

test.beforeEach(async ({ host, request }) => {
  await importPrices(request, host, SHARES)
})

function picker(app: Page) {
  const summary = app.locator('.ch-picker summary')
  const list = app.getByRole('group', { name: 'Companies to chart' })
  return { summary, list, row: (name: string) => list.getByRole('listitem').filter({ hasText: name }) }
}

/** The tickers the chart draws a line for and the legend lists. */
async function drawn(chart: Locator, legend: Locator): Promise<string> {
  const lines = await chart.locator('.ch-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticker')).sort())
  const keys = (await legend.count()) ? (await legend.getByRole('button').allInnerTexts()).map((t) => t.trim()).sort() : []
  return `lines ${lines.join(',') || 'none'}; legend ${keys.join(',') || 'none'}`
}

test('a company taken off the chart loses its line at once, and "None" leaves an empty chart', async ({ app }) => {
  await openScreen(app, 'Charts')
  await waitForChart(app, 'marketcap-chart')
  // The box whatever its state: while an answer loads, what it draws counts too.
  const chart = app.getByTestId('marketcap-chart')
  const legend = app.getByRole('list', { name: /^Legend/ })
  await expect.poll(() => drawn(chart, legend)).toBe('lines BABA,JD,PDD; legend BABA,JD,PDD')

  // The company names in the picker, not a stale line, tell what is drawn: hold the next answer
  // back, as a slow core would, and JD's line must still go with the click.
  let release = () => {}
  const held = new Promise<void>((r) => (release = r))
  await app.route(/\/api\/chart(:|%3A)marketcap/i, async (route) => {
    await held
    await route.continue()
  })
  const p = picker(app)
  await p.summary.click()
  await p.row('JD.com').getByRole('checkbox').uncheck()
  await expect.poll(() => drawn(chart, legend), 'while the new answer is held back').toBe('lines BABA,PDD; legend BABA,PDD')
  release()
  await expect(chart).toHaveAttribute('data-state', 'ready')
  await expect.poll(() => drawn(chart, legend)).toBe('lines BABA,PDD; legend BABA,PDD')

  // "None": the empty chart with its message, and nothing of the last choice.
  await p.list.page().locator('.ch-picker-actions').getByRole('button', { name: 'None', exact: true }).click()
  await expect(p.summary).toHaveText('Companies: none')
  const box = chart
  await expect(box).toContainText('Choose companies to chart.')
  await expect(box.locator('.ch-line')).toHaveCount(0)
  await expect(box.locator('svg')).toHaveCount(0)
  await expect(legend).toHaveCount(0)
  await expect(app.getByTestId('chart-range')).toHaveCount(0)
  await app.screenshot({ path: test.info().outputPath('none.png') })
  // QA saw the old lines drawn again later: the held answer was released and drawn above, so
  // none is in flight; look again after the next frame.
  await afterNextFrame(app)
  await expect(box.locator('.ch-line')).toHaveCount(0)
  await expect(legend).toHaveCount(0)

  // Choosing again draws again.
  await p.row('Pinduoduo').getByRole('checkbox').check()
  await expect.poll(() => drawn(chart, legend)).toBe('lines PDD; legend PDD')
})

test('the company picker calls a company without a listing "unlisted", not by its id', async ({ app }) => {
  await openScreen(app, 'Charts')
  await waitForChart(app, 'marketcap-chart')
  const p = picker(app)
  await p.summary.click()
  const ant = p.row('Ant Group')
  await expect(ant).toHaveCount(1)
  await expect(ant).toHaveText(/^Ant Group\s*unlisted$/)
  await expect(p.list).not.toContainText('ant-group')
  // Listed companies keep their ticker.
  await expect(p.row('Alibaba Group')).toContainText('BABA')
  await app.screenshot({ path: test.info().outputPath('picker.png') })
})

/** Every part of the popup lies inside it, and the popup inside the chart and the window. */
async function popupFits(tip: Locator, chart: Locator): Promise<string> {
  const [t, c, parts, view] = await Promise.all([
    tip.boundingBox(),
    chart.boundingBox(),
    tip.locator('li, li > *').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', right: e.getBoundingClientRect().right }))),
    tip.page().viewportSize()
  ])
  if (!t || !c || !view) return 'no popup or chart'
  const problems: string[] = []
  for (const part of parts) if (part.right > t.x + t.width - 1) problems.push(`"${part.text.slice(0, 40)}" ends at ${part.right}, past the popup's right border ${t.x + t.width}`)
  if (t.x < c.x || t.x + t.width > c.x + c.width || t.y < c.y || t.y + t.height > c.y + c.height) problems.push(`popup ${JSON.stringify(t)} outside the chart ${JSON.stringify(c)}`)
  if (t.x + t.width > view.width || t.y + t.height > view.height) problems.push('popup outside the window')
  if (await tip.evaluate((el) => el.scrollWidth > el.clientWidth + 1)) problems.push('popup scrolls sideways')
  return problems.join('; ') || 'fits'
}

test('a marker popup wraps a long event title and stays inside the chart', async ({ app }) => {
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  const title = 'SAMR publishes draft antitrust guidelines for internet platforms'
  const marker = chart.getByRole('button', { name: /^Event 2020-11-10: / })
  const tip = chart.getByRole('tooltip')

  // Hovered: the popup lists the run of close markers, the long title among them.
  // (force: the neighbouring days' markers lie over this one, as in chart-basket.spec.ts)
  await marker.hover({ force: true })
  await expect(tip).toContainText(title)
  await expect.poll(() => popupFits(tip, chart), 'hovered popup').toBe('fits')
  await app.screenshot({ path: test.info().outputPath('marker-hover.png') })

  // Clicked: pinned, each title a link to its event; the long one wraps onto a second line.
  await marker.click({ force: true })
  const link = tip.getByRole('button', { name: title })
  await expect(link).toBeVisible()
  await expect.poll(() => popupFits(tip, chart), 'pinned popup').toBe('fits')
  const lineHeight = await link.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2)
  expect((await link.boundingBox())!.height, 'the long title wraps onto more than one line').toBeGreaterThan(lineHeight * 1.5)
  await app.screenshot({ path: test.info().outputPath('marker-click.png') })

  // The link still opens the event.
  await link.click()
  await expect(app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events', exact: true })).toHaveAttribute('aria-current', 'page')
})

test('dragging across the plot zooms to the days dragged over; a short drag or Escape does not', async ({ app }) => {
  await openScreen(app, 'Charts')
  const chart = await waitForChart(app, 'marketcap-chart')
  const range = app.getByTestId('chart-range')
  await app.getByRole('button', { name: 'Reset zoom' }).click()
  const whole = await range.textContent()
  const plot = (await chart.locator('.recharts-cartesian-grid').boundingBox())!
  const y = plot.y + plot.height / 2
  const at = (f: number) => plot.x + plot.width * f

  // A press that hardly moves is a click: the range stays.
  await app.mouse.move(at(0.5), y)
  await app.mouse.down()
  await app.mouse.move(at(0.5) + 3, y)
  await app.mouse.up()
  await expect(range).toHaveText(whole!)

  // Escape during a drag drops it.
  await app.mouse.move(at(0.2), y)
  await app.mouse.down()
  await app.mouse.move(at(0.4), y, { steps: 4 })
  await expect(app.getByTestId('drag-zoom-band')).toBeVisible()
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('drag-zoom-band')).toHaveCount(0)
  await app.mouse.up()
  await expect(range).toHaveText(whole!)

  // Drag from 60 % of the plot back to 30 %: the band shows while dragging, the chart and the
  // brush then show those days, and Reset zoom brings every day back.
  await app.mouse.move(at(0.6), y)
  await app.mouse.down()
  await app.mouse.move(at(0.3), y, { steps: 6 })
  const band = (await app.getByTestId('drag-zoom-band').boundingBox())!
  expect(Math.abs(band.x - at(0.3))).toBeLessThan(3)
  expect(Math.abs(band.width - plot.width * 0.3)).toBeLessThan(3)
  await app.screenshot({ path: test.info().outputPath('drag-zoom.png') })
  await app.mouse.up()
  await expect(range).not.toHaveText(whole!)
  const [from, to] = (await range.textContent())!.split(' – ')
  const [all0, all1] = whole!.split(' – ')
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
  const span = day(all1) - day(all0)
  // The new ends are the days under 30 % and 60 % of the old range (to a trading day or two).
  expect(Math.abs(day(from) - (day(all0) + span * 0.3))).toBeLessThanOrEqual(5)
  expect(Math.abs(day(to) - (day(all0) + span * 0.6))).toBeLessThanOrEqual(5)
  expect(`${await app.getByRole('slider', { name: 'Zoom from' }).getAttribute('aria-valuetext')} – ${await app.getByRole('slider', { name: 'Zoom to' }).getAttribute('aria-valuetext')}`).toBe(`${from} – ${to}`)
  await app.getByRole('button', { name: 'Reset zoom' }).click()
  await expect(range).toHaveText(whole!)
})
