/**
 * The Events screen as an analyst first meets it: the starter timeline in an ARIA grid, sorted,
 * filtered and searched by the core, the add / duplicate / delete / undo cycle, the detail panel
 * of an event the filters hide, and the Columns menu.
 */
import { test, expect, waitReady } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

const ANT_IPO = "Ant Group's record $37 billion IPO suspended"

test('the starter events appear in a grid with column headers and a count', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  const all = await callApi(request, host, 'events:query', { limit: 5000 })
  expect(all.total, 'the starter workspace has at least 25 events').toBeGreaterThanOrEqual(25)

  await events.expectCount(all.total, all.total)
  await expect(events.grid).toHaveAttribute('aria-rowcount', String(all.total + 1))
  for (const name of ['Date', 'Title', 'Category', 'Authority', 'Companies', 'Tags', 'Summary', 'Sources', 'Notes', 'Updated']) {
    await expect(events.columnHeader(name)).toBeVisible()
  }
  await expect(events.columnHeader('Date')).toHaveAttribute('aria-sort', 'ascending')
  await expect(events.row(ANT_IPO)).toBeVisible()
  await expect(events.cell(ANT_IPO, 'date')).toHaveText('2020-11-03')
  await expect(events.cell(ANT_IPO, 'category')).toHaveText('Listing')
  // The first rows on screen are the core's first rows, in its order.
  const titles = await events.visibleTitles()
  expect(titles.slice(0, 5)).toEqual(all.rows.slice(0, 5).map((r) => r.title))
})

test('the page asks for its first rows, layout and companies as it starts, once each', async ({ page, host }) => {
  // Each API call the page makes, and whether React had rendered anything yet.
  await page.addInitScript(() => {
    const calls: [string, boolean][] = []
    ;(window as unknown as { __calls: typeof calls }).__calls = calls
    const fetch = window.fetch.bind(window)
    window.fetch = (input, init) => {
      const path = String(input)
      if (path.startsWith('api/')) calls.push([decodeURIComponent(path.slice('api/'.length)), (document.getElementById('root')?.childElementCount ?? 0) > 0])
      return fetch(input, init)
    }
  })
  await page.goto(host.url)
  await waitReady(page)
  await expect(new EventsPage(page).row(ANT_IPO)).toBeVisible()
  const calls = await page.evaluate(() => (window as unknown as { __calls: [string, boolean][] }).__calls)
  // Asked before React rendered anything (app/first-requests.ts)…
  const early = calls.filter(([, rendered]) => !rendered).map(([m]) => m)
  expect(early.sort()).toEqual(['app:info', 'companies:list', 'events:query', 'settings:get'])
  // …and the screens used those very answers: a second request would mean the early one was wasted.
  for (const method of ['events:query', 'settings:get', 'companies:list']) expect(calls.filter(([m]) => m === method), method).toHaveLength(1)
})

test('a header click sorts by that column in the core, and again in reverse', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.columnHeader('Title').getByRole('button').click()
  await expect(events.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending')
  await expect(events.columnHeader('Date')).toHaveAttribute('aria-sort', 'none')
  const asc = await callApi(request, host, 'events:query', { sort: { column: 'title', desc: false }, limit: 3 })
  await expect(events.rows.first().locator('[data-col="title"]')).toHaveText(asc.rows[0].title)

  await events.columnHeader('Title').getByRole('button').click()
  await expect(events.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending')
  const desc = await callApi(request, host, 'events:query', { sort: { column: 'title', desc: true }, limit: 3 })
  await expect(events.rows.first().locator('[data-col="title"]')).toHaveText(desc.rows[0].title)
})

test('the filter row and the search narrow the table, and Clear brings everything back', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  const { total } = await events.counts()

  await events.grid.getByRole('button', { name: 'Filter Category' }).click()
  await app.getByRole('option', { name: 'Education' }).click()
  await app.keyboard.press('Escape')
  const { shown } = await events.narrowedCounts()
  expect(shown).toBeGreaterThan(0)
  await expect(events.rows).toHaveCount(shown)
  for (const cat of await events.rows.locator('[data-col="category"]').allTextContents()) expect(cat).toBe('Education')

  // Search and filters combine, in the core.
  await events.search.fill('double reduction')
  const both = await callApi(request, host, 'events:query', { search: 'double reduction', filters: { category: ['education'] } })
  expect(both.matched).toBeGreaterThan(0)
  expect(both.matched).toBeLessThan(shown)
  await events.expectCount(both.matched, total)
  await events.search.fill('no event says zyzzyva')
  await expect(app.getByText('No events match “no event says zyzzyva”')).toBeVisible()
  await app.getByRole('button', { name: 'Clear filters' }).click()
  await events.expectCount(total, total)
  await expect(events.search).toHaveValue('')
})

test('a look at another screen keeps the table as it was: search, filter, sort and the open event', async ({ app }) => {
  const events = new EventsPage(app)
  await events.columnHeader('Title').getByRole('button').click()
  await events.columnHeader('Title').getByRole('button').click()
  await events.grid.getByRole('button', { name: 'Filter Category' }).click()
  await app.getByRole('option', { name: 'Antitrust' }).click()
  await app.keyboard.press('Escape')
  const antitrust = (await events.narrowedCounts()).shown
  await events.search.fill('Alibaba')
  await expect.poll(async () => (await events.counts()).shown).toBeLessThan(antitrust)
  const { shown } = await events.counts()
  const first = (await events.rows.first().locator('[data-col="title"]').textContent())!
  await events.value(first, 'title').click()
  await expect(events.detail.getByRole('heading', { name: first })).toBeVisible()

  const screens = app.getByRole('navigation', { name: 'Screens' })
  await screens.getByRole('button', { name: 'Companies', exact: true }).click()
  await expect(app.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible()
  await screens.getByRole('button', { name: 'Events', exact: true }).click()

  await expect(events.search).toHaveValue('Alibaba')
  await expect(events.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending')
  await expect(events.grid.getByRole('button', { name: 'Filter Category' })).toContainText('Antitrust')
  expect((await events.narrowedCounts()).shown).toBe(shown)
  await expect(events.rows.first().locator('[data-col="title"]')).toHaveText(first)
  await expect(events.detail.getByRole('heading', { name: first })).toBeVisible()
})

test('add an event, delete it, and undo the delete', async ({ app }) => {
  const events = new EventsPage(app)
  const { total } = await events.counts()

  await events.addButton.click()
  await events.expectCount(total + 1, total + 1)
  // The new event opens in the detail panel with its title ready to be typed over.
  const title = events.detail.getByLabel('Title')
  await expect(title).toBeFocused()
  await title.fill('Beijing Stock Exchange opens for innovative SMEs')
  await title.press('Enter')
  await expect(events.row('Beijing Stock Exchange opens for innovative SMEs')).toBeVisible()

  await events.deleteButton.click()
  await events.expectCount(total, total)
  await expect(events.row('Beijing Stock Exchange opens for innovative SMEs')).toHaveCount(0)
  await expect(events.toast('Deleted “Beijing Stock Exchange opens for innovative SMEs”')).toBeVisible()
  // The Delete button goes disabled; focus goes to the table, not lost to the page.
  await expect.poll(() => app.evaluate(() => Boolean(document.activeElement?.closest('[role="grid"]')))).toBe(true)

  await app.getByRole('button', { name: 'Undo' }).click()
  await events.expectCount(total + 1, total + 1)
  await expect(events.row('Beijing Stock Exchange opens for innovative SMEs')).toBeVisible()
  // The restored event comes back selected, open in the detail panel.
  await expect(events.row('Beijing Stock Exchange opens for innovative SMEs')).toHaveAttribute('aria-selected', 'true')
  await expect(events.detail.getByRole('heading', { name: 'Beijing Stock Exchange opens for innovative SMEs' })).toBeVisible()
})

test('the Undo offer sits under the table, leaving its last rows in reach', async ({ app }) => {
  const events = new EventsPage(app)
  await events.rows.first().click()
  await events.deleteButton.click()
  const undo = app.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeVisible()

  // The message is below the table, not over it: the bottom row on screen is the one a click there reaches.
  const grid = (await events.grid.boundingBox())!
  const message = (await app.getByRole('status', { name: 'Messages' }).boundingBox())!
  expect(message.y, 'the message bar starts where the table ends').toBeGreaterThanOrEqual(grid.y + grid.height - 1)
  const bottom = await app.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="row"]')?.getAttribute('data-index') ?? null, {
    x: grid.x + grid.width / 2,
    y: grid.y + grid.height - 6
  })
  expect(bottom, 'a row under the bottom edge of the table').not.toBeNull()
  await events.grid.locator(`[role="row"][data-index="${bottom}"] [data-col="title"]`).click()
  await expect(events.grid.locator(`[role="row"][data-index="${bottom}"]`)).toHaveAttribute('aria-selected', 'true')
  await expect(undo, 'the offer is still there to take').toBeVisible()
})

test('the Undo offer waits while the pointer rests on it, and leaves in its own time once the pointer goes', async ({ app }) => {
  const events = new EventsPage(app)
  // The page's clock, moved on by the test rather than waited for (it runs on by itself meanwhile).
  await app.clock.install()
  await events.rows.first().click()
  await events.deleteButton.click()
  const undo = app.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeVisible()

  // Reaching for Undo and pausing there (longer than the offer's ten seconds) does not lose it.
  await undo.hover()
  await app.clock.fastForward(11_000)
  await expect(undo, 'the offer is still there under the pointer').toBeVisible()
  // Once the pointer goes, the offer has the rest of its time, then leaves by itself.
  await events.search.hover()
  await expect(undo).toBeVisible()
  await app.clock.fastForward(11_000)
  await expect(undo).toHaveCount(0)
})

test('deleting an event in the middle of the timeline opens the one that takes its place', async ({ app }) => {
  const events = new EventsPage(app)
  const fine = 'Alibaba fined a record 18.2 billion yuan for abusing market dominance'
  await events.value(fine, 'date').click()
  await expect(events.detail.getByRole('heading', { name: fine })).toBeVisible()
  const at = Number(await events.row(fine).getAttribute('data-index'))
  const next = await events.grid.locator(`[role="row"][data-index="${at + 1}"] [data-col="title"]`).innerText()

  await events.deleteButton.click()
  await expect(events.toast(`Deleted “${fine}”`)).toBeVisible()
  await expect(events.row(fine)).toHaveCount(0)
  // The row below moves up into its place, selected and open; the deleted event is not reopened.
  await expect(events.detail.getByRole('heading', { level: 2 })).not.toHaveText(fine)
  await expect(events.detail.getByRole('heading', { level: 2 })).toHaveText(next)
  await expect(events.detail.getByText('Event not found')).toHaveCount(0)
})

test('Add event while a search is on clears it, says so, and shows the new event selected', async ({ app }) => {
  const events = new EventsPage(app)
  const { total } = await events.counts()
  await events.search.fill('Alibaba')
  await events.narrowedCounts()

  await events.addButton.click()
  await expect(events.toast('Cleared the search and filters to show the new event')).toBeVisible()
  await expect(events.search).toHaveValue('')
  await events.expectCount(total + 1, total + 1)
  await expect(events.row('New event')).toBeVisible()
  await expect(events.row('New event')).toHaveAttribute('aria-selected', 'true')
  await expect(events.detail.getByLabel('Title')).toBeFocused()
})

test('an event renamed and then hidden by a filter stays as saved in the detail panel, and Delete names it rightly', async ({ app }) => {
  const events = new EventsPage(app)
  const KUAISHOU = 'Kuaishou nearly triples on Hong Kong debut after $5.4 billion IPO'
  const RENAMED = 'Kuaishou nearly triples in its Hong Kong debut'
  await events.value(KUAISHOU, 'title').click()
  await expect(events.detail.getByRole('heading', { name: KUAISHOU })).toBeVisible()
  await events.editCell(KUAISHOU, 'title', RENAMED)
  await expect(events.value(RENAMED, 'title')).toBeVisible()

  // A filter that hides it: the panel still shows the event as saved, not as first opened.
  await events.grid.getByRole('textbox', { name: 'Filter Title' }).fill('Alibaba')
  await events.narrowedCounts()
  await expect(events.row(RENAMED)).toHaveCount(0)
  await expect(events.detail.getByRole('heading', { name: RENAMED })).toBeVisible()
  await expect(events.detail.getByRole('textbox', { name: 'Title' })).toHaveValue(RENAMED)
  // Nor does the grid mark another event's cell active, for a key press to act on.
  await expect(events.grid).not.toHaveAttribute('aria-activedescendant', /.+/)

  await events.deleteButton.click()
  await expect(events.toast(`Deleted “${RENAMED}”`)).toBeVisible()
})

test('Delete on an event the search hides names it too', async ({ app }) => {
  const events = new EventsPage(app)
  const KUAISHOU = 'Kuaishou nearly triples on Hong Kong debut after $5.4 billion IPO'
  await events.value(KUAISHOU, 'title').click()
  await expect(events.detail.getByRole('heading', { name: KUAISHOU })).toBeVisible()
  await events.search.fill('xqzzy')
  await expect(events.row(KUAISHOU)).toHaveCount(0)
  await events.deleteButton.click()
  await expect(events.toast(`Deleted “${KUAISHOU}”`)).toBeVisible()
})

test('a reversed date range says so', async ({ app }) => {
  const events = new EventsPage(app)
  await events.grid.getByRole('button', { name: 'Filter Date' }).click()
  const panel = app.getByRole('dialog', { name: 'Filter Date' })
  await panel.getByLabel('From').fill('2021-06-01')
  await panel.getByLabel('To').fill('2021-01-01')
  await expect(panel.getByRole('alert')).toHaveText('From is after To: no date is in this range')
  await panel.getByLabel('To').fill('2021-12-31')
  await expect(panel.getByRole('alert')).toHaveCount(0)
})

test('moving a column past a hidden one moves it visibly, with arrows that point the way it goes', async ({ app }) => {
  const events = new EventsPage(app)
  await events.columnsButton.click()
  const menu = app.getByRole('dialog', { name: 'Columns' })
  await menu.getByRole('checkbox', { name: 'Summary' }).uncheck()
  const before = await events.headerNames()
  expect(before.indexOf('Sources')).toBe(before.indexOf('Tags') + 1)

  const left = menu.getByRole('button', { name: 'Move Sources left' })
  await expect(left).toHaveText('←')
  await left.click()
  const after = await events.headerNames()
  expect(after.indexOf('Sources')).toBe(after.indexOf('Tags') - 1)
  await expect(menu.getByRole('button', { name: 'Move Sources right' })).toHaveText('→')
  // The first column cannot go further left.
  await expect(menu.getByRole('button', { name: 'Move Date left' })).toBeDisabled()
})

test('duplicate copies the selected event with its fields', async ({ app }) => {
  const events = new EventsPage(app)
  const { total } = await events.counts()
  await events.cell(ANT_IPO, 'title').click()
  await events.duplicateButton.click()
  await events.expectCount(total + 1, total + 1)
  const copy = `${ANT_IPO} (copy)`
  await expect(events.cell(copy, 'date')).toHaveText('2020-11-03')
  await expect(events.cell(copy, 'companies')).toHaveText(await events.cell(ANT_IPO, 'companies').textContent() as string)
  // The cursor moved to the copy with the panel, so the next key acts on the copy.
  await expect.poll(() => events.activeCell()).toEqual({ title: copy, column: 'title' })
  await expect(events.detail.getByRole('textbox', { name: 'Title' })).toHaveValue(copy)
})

test("at the window's narrowest the toolbar still fits: a search box to type in, every button in view", async ({ app }) => {
  const events = new EventsPage(app)
  await app.setViewportSize({ width: 960, height: 640 })
  await events.rows.first().click()
  expect((await events.search.boundingBox())!.width).toBeGreaterThanOrEqual(150)
  for (const button of [events.addButton, events.deleteButton, events.columnsButton, events.exportButton]) await expect(button).toBeInViewport({ ratio: 1 })
  // The count keeps its numbers; the screen's name stays for screen readers.
  await expect(events.count).toHaveText(/^\d+ of \d+/)
  await expect(app.getByRole('heading', { name: 'Events', level: 1 })).toBeAttached()
})
