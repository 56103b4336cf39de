/**
 * A cell's own text: the cell itself, or its text part while an error message is shown beside it.
 */
const OWN_TEXT = ':scope:not(:has(> .cell-text)), :scope > .cell-text'
const TEXT = (col: string) => `[data-col="${col}"]:not(:has(> .cell-text)), [data-col="${col}"] > .cell-text`

/** The Companies screen as a test sees it: its grid, toolbar and the delete confirmation. */
import type { Locator, Page } from '@playwright/test'

export class CompaniesPage {
  readonly grid: Locator
  readonly rows: Locator
  readonly toolbar: Locator
  readonly addButton: Locator
  readonly deleteButton: Locator
  readonly filter: Locator
  readonly count: Locator

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Companies' })
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row')
    this.toolbar = page.getByRole('toolbar', { name: 'Companies' })
    this.addButton = this.toolbar.getByRole('button', { name: 'Add company' })
    this.deleteButton = this.toolbar.getByRole('button', { name: 'Delete company' })
    this.filter = this.toolbar.getByRole('searchbox', { name: 'Filter companies' })
    this.count = this.toolbar.getByText(/\d+ (of \d+ )?compan(y|ies)$/)
  }

  /** Open the screen from the sidebar. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Companies', exact: true }).click()
    await this.grid.waitFor()
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator(TEXT('name'), { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
  }

  cell(name: string, column: string): Locator {
    return this.row(name).locator(`[data-col="${column}"]:is([role="gridcell"], [role="rowheader"])`)
  }

  value(name: string, column: string): Locator {
    return this.cell(name, column).locator(OWN_TEXT)
  }

  editor(): Locator {
    return this.grid.locator('.cell-editor').locator('input, textarea, select').first()
  }
}
