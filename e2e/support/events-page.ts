/**
 * The Events screen as a test sees it: locators by role and accessible name, and the few steps
 * every story repeats (search, edit a cell, read the count). Shared by the part-1 specs.
 */
import { expect, type Locator, type Page } from '@playwright/test'

/**
 * A cell's own text: the cell itself, or its text part while an error message is shown beside it.
 */
const OWN_TEXT = ':scope:not(:has(> .cell-text)), :scope > .cell-text'
const TEXT = (col: string) => `[data-col="${col}"]:not(:has(> .cell-text)), [data-col="${col}"] > .cell-text`

export class EventsPage {
  readonly toolbar: Locator
  readonly grid: Locator
  /** Data rows only (the header and filter rows are in the first rowgroup). */
  readonly rows: Locator
  readonly search: Locator
  readonly count: Locator
  readonly addButton: Locator
  readonly duplicateButton: Locator
  readonly deleteButton: Locator
  readonly exportButton: Locator
  readonly columnsButton: Locator
  readonly detail: Locator

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Events' })
    this.grid = page.getByRole('grid', { name: 'Events' })
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row')
    this.search = page.getByRole('searchbox', { name: 'Search' })
    this.count = page.getByTestId('event-count')
    this.addButton = this.toolbar.getByRole('button', { name: 'Add event' })
    this.duplicateButton = this.toolbar.getByRole('button', { name: 'Duplicate' })
    this.deleteButton = this.toolbar.getByRole('button', { name: 'Delete' })
    this.exportButton = this.toolbar.getByRole('button', { name: 'Export…' })
    this.columnsButton = this.toolbar.getByRole('button', { name: 'Columns' })
    this.detail = page.getByRole('complementary', { name: 'Event details' })
  }

  /** The data row whose title is exactly this. */
  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator(TEXT('title'), { hasText: new RegExp(`^${escape(title)}$`) }) })
  }

  cell(title: string, column: string): Locator {
    return this.row(title).locator(`[data-col="${column}"]:is([role="gridcell"], [role="rowheader"])`)
  }

  /** What a cell shows (without an error message beside it). */
  value(title: string, column: string): Locator {
    return this.cell(title, column).locator(OWN_TEXT)
  }

  /**
   * Wait for the open event's market impact: it loads after the event's fields and grows the
   * panel, so a click on the notes below it while it arrives can land on what just moved.
   */
  async impactShown(): Promise<void> {
    await expect(this.detail.getByRole('table', { name: 'Impact of this event' })).toBeVisible()
  }

  /** A toast (polite status message) with this text. */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').getByText(text)
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name, exact: true })
  }

  /** The column headers' names, left to right. */
  async headerNames(): Promise<string[]> {
    return this.grid.getByRole('columnheader').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  }

  /** "N of M events" as numbers, once the count has settled on a value. */
  async counts(): Promise<{ shown: number; total: number }> {
    await expect(this.count).toHaveText(/^[\d,]+ of [\d,]+ events$/)
    const m = /^([\d,]+) of ([\d,]+) events$/.exec((await this.count.textContent()) ?? '')!
    return { shown: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')) }
  }

  /** The counts once a search or filter has narrowed the table (the count answers the new query). */
  async narrowedCounts(): Promise<{ shown: number; total: number }> {
    await expect.poll(async () => {
      const c = await this.counts()
      return c.shown < c.total
    }).toBe(true)
    return this.counts()
  }

  async expectCount(shown: number, total: number): Promise<void> {
    await expect(this.count).toHaveText(`${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`)
  }

  /** The titles of the rows on screen, top to bottom. */
  async visibleTitles(): Promise<string[]> {
    return this.rows.locator(TEXT('title')).allTextContents()
  }

  /** The text input / select / textarea of the cell being edited. */
  editor(): Locator {
    return this.grid.locator('.cell-editor').locator('input, textarea, select').first()
  }

  /** Double-click a cell, type a new value, press Enter. */
  async editCell(title: string, column: string, value: string): Promise<void> {
    await this.cell(title, column).dblclick()
    await this.editor().fill(value)
    await this.editor().press('Enter')
  }

  /** Edit a cell and wait until the core confirmed it: the editor stays open while it saves. */
  async saveCell(title: string, column: string, value: string): Promise<void> {
    await this.editCell(title, column, value)
    await expect(this.grid.locator('.cell-editor')).toHaveCount(0)
  }

  /** The id of the cell the grid marks active (aria-activedescendant), as row title + column. */
  async activeCell(): Promise<{ title: string; column: string }> {
    const id = await this.grid.getAttribute('aria-activedescendant')
    expect(id, 'the grid names an active cell').toBeTruthy()
    const cell = this.page.locator(`[id="${id}"]`)
    const column = (await cell.getAttribute('data-col'))!
    const title = (await cell.locator('xpath=ancestor::*[@role="row"][1]').locator(TEXT('title')).textContent())!
    return { title, column }
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
