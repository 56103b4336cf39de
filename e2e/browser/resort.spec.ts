/**
 * An analyst corrects an event's date, or renames it, in a table sorted by that column: the row
 * goes to where the sort now puts it, and the cursor goes with the event it was on, so the next
 * key acts on the row the detail panel shows. An edit that takes the event out of the search says
 * so, and the event stays open.
 */
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'

const DIDI_IPO = 'Didi raises $4.4 billion in its New York IPO'

test('a corrected date moves the row to its place in the timeline, with the cursor on it', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'date').click()
  expect(Number(await events.row(DIDI_IPO).getAttribute('data-index'))).toBeGreaterThan(20)

  // Earlier than every other event: Tab saves it and moves along the row, which goes first.
  await app.keyboard.press('Enter')
  await events.editor().fill('2020-09-01')
  await app.keyboard.press('Tab')
  await expect(events.row(DIDI_IPO)).toHaveAttribute('data-index', '0')
  await expect(events.row(DIDI_IPO)).toBeInViewport()
  await expect(events.row(DIDI_IPO)).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => events.activeCell()).toEqual({ title: DIDI_IPO, column: 'title' })
  await expect(events.detail.getByRole('heading', { name: DIDI_IPO })).toBeVisible()
})

test('Enter saves a later date and the cursor stays on the event at its new place, the last', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'date').click()
  const at = Number(await events.row(DIDI_IPO).getAttribute('data-index'))
  const next = await events.grid.locator(`[role="row"][data-index="${at + 1}"] [data-col="title"]`).innerText()

  await app.keyboard.press('Enter')
  await events.editor().fill('2023-01-01')
  await app.keyboard.press('Enter')
  const { total } = await events.counts()
  await expect(events.row(DIDI_IPO)).toHaveAttribute('data-index', String(total - 1))
  await expect(events.row(DIDI_IPO)).toBeInViewport()
  await expect.poll(() => events.activeCell()).toEqual({ title: DIDI_IPO, column: 'date' })
  // The event that followed it moved up into its place.
  await expect(events.row(next)).toHaveAttribute('data-index', String(at))
  // The next key acts on the event the panel shows.
  await app.keyboard.press('ArrowUp')
  await expect(events.detail.getByRole('heading', { level: 2 })).not.toHaveText(DIDI_IPO)
  expect((await events.activeCell()).column).toBe('date')
})

test('a renamed event follows the sort by title', async ({ app }) => {
  const events = new EventsPage(app)
  await events.columnHeader('Title').getByRole('button').click()
  await expect(events.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending')
  await events.cell(DIDI_IPO, 'title').click()
  await app.keyboard.type('Zhongguancun probe of Didi')
  await app.keyboard.press('Tab')
  const { total } = await events.counts()
  await expect(events.row('Zhongguancun probe of Didi')).toHaveAttribute('data-index', String(total - 1))
  await expect(events.row('Zhongguancun probe of Didi')).toBeInViewport()
  await expect.poll(() => events.activeCell()).toEqual({ title: 'Zhongguancun probe of Didi', column: 'noteCount' })
})

test('an edit that takes the event out of the search says so, and the event stays open', async ({ app }) => {
  const events = new EventsPage(app)
  // Only its title says this (its sources also say "Didi raises").
  await events.search.fill('New York IPO')
  await events.expectCount(1, (await events.counts()).total)
  await events.cell(DIDI_IPO, 'title').click()
  await app.keyboard.type('Ride-hailing giant lists on the NYSE')
  await app.keyboard.press('Enter')
  await expect(events.toast('“Ride-hailing giant lists on the NYSE” no longer matches the search or filters; it stays open here')).toBeVisible()
  await expect(events.rows).toHaveCount(0)
  await expect(events.detail.getByRole('heading', { name: 'Ride-hailing giant lists on the NYSE' })).toBeVisible()
})
