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
