/**
 * The market screens as the tests see them: navigation, the import wizard's steps and the few
 * locators the stories share. Selectors by role and accessible name.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export type ScreenLabel = 'Events' | 'Companies' | 'Charts' | 'Impact' | 'Market data'

export async function openScreen(page: Page, label: ScreenLabel): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true })
  await button.click()
  await expect(button).toHaveAttribute('aria-current', 'page')
}

export class ImportWizard {
  readonly root: Locator
  readonly fileInput: Locator
  readonly summary: Locator
  readonly dryRunButton: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Import prices' })
    this.fileInput = this.root.getByLabel('Choose a price file')
    this.summary = this.root.getByTestId('dryrun-summary')
    this.dryRunButton = this.root.getByRole('button', { name: 'Dry run', exact: true })
  }

  async pick(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file)
    await expect(this.root.getByRole('list', { name: 'Import steps' }).getByText('Mapping')).toHaveAttribute('aria-current', 'step')
  }

  select(label: string): Locator {
    return this.root.getByLabel(label, { exact: true })
  }

  async dryRun(): Promise<void> {
    await this.dryRunButton.click()
    await expect(this.summary).toBeVisible()
  }

  importButton(): Locator {
    return this.root.getByRole('button', { name: /^Import [\d,]+ rows(, skip [\d,]+ rejected)?$/ })
  }

  async commit(): Promise<void> {
    await this.importButton().click()
    await expect(this.root.getByRole('status').filter({ hasText: /^Imported/ })).toBeVisible({ timeout: 30_000 })
  }

  async startOver(): Promise<void> {
    await this.root.getByRole('button', { name: 'Choose another file' }).click()
    await expect(this.root.getByRole('list', { name: 'Import steps' }).getByText('File')).toHaveAttribute('aria-current', 'step')
  }
}

/** The market-cap chart once drawn: its lines are in the SVG. */
export async function waitForChart(page: Page, testId: 'marketcap-chart' | 'basket-chart'): Promise<Locator> {
  const box = page.locator(`[data-testid="${testId}"][data-state="ready"]`)
  await expect(box.locator(testId === 'basket-chart' ? '.recharts-area-area' : '.ch-line').first()).toBeVisible({ timeout: 20_000 })
  return box
}

/** A chart's value-axis labels, bottom to top, as the analyst reads them. */
export async function yTicks(chart: Locator): Promise<string[]> {
  const ticks = await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) =>
    els.map((e) => ({ text: (e.textContent ?? '').trim(), y: e.getBoundingClientRect().y }))
  )
  return ticks.sort((a, b) => b.y - a.y).map((t) => t.text)
}

/** The date axis's labels, left to right. */
export async function xTicks(chart: Locator): Promise<string[]> {
  const ticks = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) =>
    els.map((e) => ({ text: (e.textContent ?? '').trim(), x: e.getBoundingClientRect().x }))
  )
  return ticks.sort((a, b) => a.x - b.x).map((t) => t.text)
}

/**
 * Hover the market-cap chart's plot at a fraction of its width and return the read-out box. The
 * first third of the chart as it opens holds no event marker (a year before the first event).
 */
export async function hoverPlot(page: Page, chart: Locator, fraction: number): Promise<Locator> {
  const grid = await chart.locator('.recharts-cartesian-grid').first().boundingBox()
  if (!grid) throw new Error('the chart has no plot area')
  await page.mouse.move(grid.x + grid.width * fraction, grid.y + grid.height * 0.5)
  const readout = chart.getByTestId('chart-readout')
  await expect(readout).toBeVisible()
  return readout
}

/** The read-out's row of one company: its ticker, value and (when the day differs) a note. */
export function readoutRow(readout: Locator, ticker: string): Locator {
  return readout.getByRole('row').filter({ has: readout.page().getByRole('rowheader', { name: ticker, exact: true }) })
}

/** The brush's range as its two sliders announce it, in the range label's form. */
export async function brushRange(page: Page): Promise<string> {
  const from = await page.getByRole('slider', { name: 'Zoom from' }).getAttribute('aria-valuetext')
  const to = await page.getByRole('slider', { name: 'Zoom to' }).getAttribute('aria-valuetext')
  return `${from} – ${to}`
}

/** True when nothing in the element is cut off sideways (no column beyond its right edge). */
export async function fitsItsWidth(box: Locator): Promise<boolean> {
  return box.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
}

/**
 * Resolve once the page has drawn a frame and run what that frame queued: React's effects after
 * an input event (a request a value would trigger) have run, and the browser has reported any
 * request they started before this round trip answers. To say "nothing was asked" without a sleep.
 */
export async function afterNextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}
