/**
 * Editing in place, from the keyboard first: arrows move the active cell, Enter edits, Tab
 * commits and moves on, Esc cancels; an invalid edit shows the core's message and keeps the old
 * value; pick-lists and multi-selects edit category and companies.
 */
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

const DIDI_IPO = 'Didi raises $4.4 billion in its New York IPO'

test('arrows move the active cell, Enter edits, Tab commits and moves to the next cell', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'date').click()
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'date' })

  await app.keyboard.press('ArrowRight')
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'title' })
  await app.keyboard.press('ArrowDown')
  const below = await events.activeCell()
  expect(below.title).not.toBe(DIDI_IPO)
  await app.keyboard.press('ArrowUp')
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'title' })

  await app.keyboard.press('Enter')
  await expect(events.editor()).toBeFocused()
  await expect(events.editor()).toHaveValue(DIDI_IPO)
  await app.keyboard.press('ControlOrMeta+a')
  await app.keyboard.type('Didi raises $4.4 billion in its NYSE IPO')
  await app.keyboard.press('Tab')
  await expect(events.cell('Didi raises $4.4 billion in its NYSE IPO', 'title')).toBeVisible()
  expect(await events.activeCell()).toEqual({ title: 'Didi raises $4.4 billion in its NYSE IPO', column: 'noteCount' })

  const saved = await callApi(request, host, 'events:query', { search: 'NYSE IPO', limit: 5 })
  expect(saved.rows.map((r) => r.title)).toContain('Didi raises $4.4 billion in its NYSE IPO')
})

test('End reaches the far right of a wide table: its cells are there, and each row still names its event', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'date').click()
  await app.keyboard.press('End')
  // The grid scrolled sideways to the last column, whose cells show their values...
  const updated = events.cell(DIDI_IPO, 'updatedAt')
  await expect(updated).toBeInViewport()
  await expect(updated).toHaveText(/\b20\d\d\b/)
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'updatedAt' })
  // ...while the title, scrolled out of view, still names the row for assistive technology.
  await expect(events.grid.getByRole('rowheader', { name: DIDI_IPO, exact: true })).toHaveCount(1)
  await app.keyboard.press('Home')
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'date' })
  await expect(events.cell(DIDI_IPO, 'date')).toBeInViewport()
})

test('Esc cancels an edit and keeps the old value', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'title').click()
  await app.keyboard.press('Enter')
  await app.keyboard.type(' and more')
  await app.keyboard.press('Escape')
  await expect(events.editor()).toHaveCount(0)
  await expect(events.cell(DIDI_IPO, 'title')).toHaveText(DIDI_IPO)
  await expect(events.grid).toBeFocused()
})

test('an invalid edit shows the core message beside the cell and keeps the old value', async ({ app }) => {
  const events = new EventsPage(app)
  await events.editCell(DIDI_IPO, 'title', '   ')
  await expect(events.grid.getByRole('alert')).toContainText('title: must not be empty')
  await expect(events.value(DIDI_IPO, 'title')).toHaveText(DIDI_IPO)

  await events.editCell(DIDI_IPO, 'date', '2021-02-30')
  await expect(events.grid.getByRole('alert')).toContainText('must be a real calendar date')
  await expect(events.value(DIDI_IPO, 'date')).toHaveText('2021-06-30')
})

test('a date known only to the month, a category from its pick-list, companies from a multi-select', async ({ app }) => {
  const events = new EventsPage(app)
  await events.editCell(DIDI_IPO, 'date', '2021-06')
  await expect(events.cell(DIDI_IPO, 'date')).toHaveText('2021-06')

  await events.cell(DIDI_IPO, 'category').dblclick()
  await events.grid.getByRole('combobox', { name: 'Category' }).selectOption('Antitrust')
  await app.keyboard.press('Enter')
  await expect(events.cell(DIDI_IPO, 'category')).toHaveText('Antitrust')

  await events.cell(DIDI_IPO, 'companies').dblclick()
  const filter = events.grid.getByRole('combobox', { name: 'Companies' })
  await filter.fill('Tencent Music')
  await app.keyboard.press('Enter') // toggles the first match
  await app.keyboard.press('Enter') // nothing highlighted: commits
  await expect(events.cell(DIDI_IPO, 'companies')).toContainText('TME')
  await expect(events.cell(DIDI_IPO, 'companies')).toContainText('DIDI')

  await events.editCell(DIDI_IPO, 'tags', 'ipo, nyse,  delisting ')
  await expect(events.cell(DIDI_IPO, 'tags')).toHaveText(/ipo\s*nyse\s*delisting/)
})
