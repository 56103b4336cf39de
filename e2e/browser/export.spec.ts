/**
 * Export…: the events report downloads from the browser and a CSV reader gets back the rows the
 * table shows (all of them, or only the current view with the visible columns); the notes report
 * carries the notes. Parsed with PapaParse, compared with what the core holds.
 */
import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

async function exportCsv(app: Page, choose: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}): Promise<{ name: string; text: string }> {
  const events = new EventsPage(app)
  await events.exportButton.click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  await choose(dialog)
  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()])
  await expect(dialog).toHaveCount(0)
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') }
}

test('the events report downloads and parses back to the same rows as the core holds', async ({ app, host, request }) => {
  const { name, text } = await exportCsv(app)
  expect(name).toMatch(/^capwatch-events-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(text.charCodeAt(0)).not.toBe(0xfeff)

  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual(['id', 'date', 'title', 'category', 'authority', 'companies', 'tags', 'summary', 'sources', 'note_count', 'notes'])

  const all = await callApi(request, host, 'events:query', { limit: 5000 })
  const companies = await callApi(request, host, 'companies:list', {})
  const label = new Map(companies.map((c) => [c.id, c.listings[0]?.ticker ?? c.name]))
  expect(parsed.data).toEqual(
    all.rows.map((e) => ({
      id: e.id,
      date: e.datePrecision === 'month' ? e.date.slice(0, 7) : e.date,
      title: e.title,
      category: e.category,
      authority: e.authority,
      companies: e.companies.map((c) => label.get(c)).join('; '),
      tags: e.tags.join('; '),
      summary: e.summary,
      sources: e.sources.join('\n'),
      note_count: String(e.noteCount),
      notes: ''
    }))
  )
})

test('only the current view and its visible columns, with semicolons and a BOM for Excel', async ({ app }) => {
  const events = new EventsPage(app)
  await events.search.fill('Didi')
  const { shown } = await events.narrowedCounts()
  await events.columnHeader('Title').getByRole('button').click() // sort by title
  await expect(events.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending')
  await events.columnsButton.click()
  await app.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Summary' }).uncheck()
  await app.keyboard.press('Escape')
  const titles = await events.visibleTitles()
  expect(titles).toHaveLength(shown)

  const { text } = await exportCsv(app, async (dialog) => {
    await dialog.getByRole('radio', { name: 'Semicolon' }).check()
    await dialog.getByRole('checkbox', { name: /Add BOM for Excel/ }).check()
    await expect(dialog.getByRole('checkbox', { name: `Only the ${shown} events in the current view` })).toBeChecked()
    await dialog.getByRole('checkbox', { name: 'Only visible columns' }).check()
  })
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, delimiter: ';', skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual(['date', 'title', 'note_count', 'category', 'authority', 'companies', 'tags', 'sources'])
  expect(parsed.data.map((r) => r.title)).toEqual(titles)
  const dates = await events.rows.locator('[data-col="date"]').allTextContents()
  expect(parsed.data.map((r) => r.date.slice(0, dates[0].length))).toEqual(dates)
})

test('the notes report has one row per note with its event', async ({ app }) => {
  const events = new EventsPage(app)
  await events.search.fill('Didi raises')
  await events.value('Didi raises $4.4 billion in its New York IPO', 'title').click()
  await events.impactShown()
  const notes = events.detail.getByRole('region', { name: 'Notes' })
  await notes.getByRole('textbox', { name: 'New note' }).fill('滴滴 IPO: =HYPERLINK("x") priced at the top of the range')
  await notes.getByRole('button', { name: 'Add note' }).click()
  await expect(notes.getByRole('article')).toHaveCount(1)

  const { name, text } = await exportCsv(app, async (dialog) => {
    await dialog.getByRole('radio', { name: /Notes/ }).check()
  })
  expect(name).toMatch(/^capwatch-notes-/)
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  expect(parsed.meta.fields).toEqual(['note_id', 'event_id', 'event_date', 'event_title', 'created_at', 'updated_at', 'text'])
  expect(parsed.data).toHaveLength(1)
  expect(parsed.data[0]).toMatchObject({ event_date: '2021-06-30', event_title: 'Didi raises $4.4 billion in its New York IPO', text: '滴滴 IPO: =HYPERLINK("x") priced at the top of the range' })
})

test('an export of a view that matches nothing says so instead of writing a header-only file', async ({ app }) => {
  const events = new EventsPage(app)
  await events.search.fill('no event says zyzzyva')
  await expect(app.getByText('No events match “no event says zyzzyva”')).toBeVisible()
  await events.exportButton.click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByText('No events match: the file would have only the header')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  // All events instead of the (empty) view: there is something to export again.
  await dialog.getByRole('checkbox', { name: 'Only the 0 events in the current view' }).uncheck()
  await expect(dialog.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
})
