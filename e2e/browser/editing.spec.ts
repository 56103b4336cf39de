/**
 * Editing in place, from the keyboard first: arrows move the active cell, Enter edits (or typing
 * replaces the value), Tab commits and moves to the next cell, Esc cancels; a refused edit says why in the field's own
 * words and keeps what was typed; pick-lists and multi-selects edit category and companies;
 * pop-up editors, their messages and chips stay where they can be seen.
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

test('typing on a cell starts editing it with what is typed, as in a spreadsheet', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'title').click()
  await app.keyboard.type('Didi lists in New York')
  await expect(events.editor()).toHaveValue('Didi lists in New York')
  await app.keyboard.press('Enter')
  await expect(events.cell('Didi lists in New York', 'title')).toBeVisible()

  // A pick-list takes the option the typed letter starts; a multi-select, a filter to go on typing.
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('ArrowRight')
  expect(await events.activeCell()).toEqual({ title: 'Didi lists in New York', column: 'category' })
  await app.keyboard.press('a')
  await expect(events.grid.getByRole('combobox', { name: 'Category' })).toHaveValue('antitrust')
  await app.keyboard.press('Enter')
  await expect(events.cell('Didi lists in New York', 'category')).toHaveText('Antitrust')

  await events.cell('Didi lists in New York', 'companies').click()
  await app.keyboard.type('Kuaish')
  await expect(events.grid.getByRole('combobox', { name: 'Companies' })).toHaveValue('Kuaish')
  await app.keyboard.press('Enter') // toggles the first match
  await app.keyboard.press('Enter') // commits
  await expect(events.cell('Didi lists in New York', 'companies')).toContainText('1024.HK')

  const [saved] = (await callApi(request, host, 'events:query', { search: 'Didi lists in New York', limit: 1 })).rows
  expect(saved).toMatchObject({ title: 'Didi lists in New York', category: 'antitrust' })
})

test('Tab moves along the row without editing; past the row\'s ends focus leaves the grid', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'date').click()
  await app.keyboard.press('Tab')
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'title' })
  await expect(events.editor()).toHaveCount(0)
  await app.keyboard.press('Shift+Tab')
  expect(await events.activeCell()).toEqual({ title: DIDI_IPO, column: 'date' })
  await app.keyboard.press('Shift+Tab')
  await expect(events.grid).not.toBeFocused()

  await events.cell(DIDI_IPO, 'date').click()
  await app.keyboard.press('End')
  await app.keyboard.press('Tab')
  await expect(events.grid).not.toBeFocused()
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

test('in a multi-line editor Shift+Enter starts a new line and Enter saves', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'summary').click()
  await app.keyboard.press('Enter')
  const editor = events.grid.getByRole('textbox', { name: 'Summary', exact: true })
  await expect(editor).toBeFocused()
  const before = await editor.inputValue()
  await app.keyboard.press('Shift+Enter')
  await app.keyboard.type('Analyst: compare with the Ant IPO week.')
  await expect(editor).toHaveValue(`${before}\nAnalyst: compare with the Ant IPO week.`)
  await app.keyboard.press('Enter')
  await expect(editor).toHaveCount(0)
  const saved = await callApi(request, host, 'events:query', { search: 'Ant IPO week', limit: 5 })
  expect(saved.rows.map((r) => r.summary)).toEqual([`${before}\nAnalyst: compare with the Ant IPO week.`])
})

test('Esc cancels an edit and keeps the old value', async ({ app }) => {
  const events = new EventsPage(app)
  await events.cell(DIDI_IPO, 'title').click()
  await app.keyboard.press('Enter')
  await app.keyboard.type(' and more')
  // Enter keeps the value with the caret at its end, as a spreadsheet does: typing adds to it.
  await expect(events.editor()).toHaveValue(`${DIDI_IPO} and more`)
  await app.keyboard.press('Escape')
  await expect(events.editor()).toHaveCount(0)
  await expect(events.cell(DIDI_IPO, 'title')).toHaveText(DIDI_IPO)
  await expect(events.grid).toBeFocused()
})

test('a refused edit says why in the words of the form and keeps what was typed, to fix or cancel', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.editCell(DIDI_IPO, 'title', '   ')
  await expect(events.grid.getByRole('alert')).toHaveText('Title must not be empty')
  // The editor is still open with what was typed; Esc gives the old title back.
  await expect(events.editor()).toBeFocused()
  await expect(events.editor()).toHaveValue('   ')
  await app.keyboard.press('Escape')
  await expect(events.editor()).toHaveCount(0)
  await expect(events.grid.getByRole('alert')).toHaveCount(0)
  await expect(events.value(DIDI_IPO, 'title')).toHaveText(DIDI_IPO)

  // A title pasted longer than the limit is refused whole, not cut without a word.
  const long = `${DIDI_IPO}: ${'the review covered data on Chinese users, roads and habits; '.repeat(10)}`
  await events.editCell(DIDI_IPO, 'title', long)
  await expect(events.grid.getByRole('alert')).toHaveText('Title must be at most 300 characters')
  await expect(events.editor()).toHaveValue(long)
  await app.keyboard.press('Escape')
  await expect(events.value(DIDI_IPO, 'title')).toHaveText(DIDI_IPO)

  await events.editCell(DIDI_IPO, 'date', '2021-02-30')
  await expect(events.grid.getByRole('alert')).toHaveText('2021-02-30 is not a date: February 2021 has 28 days')
  await expect(events.editor()).toHaveValue('2021-02-30')
  // Emptied, the date is asked for in both the forms it takes.
  await events.editor().fill('')
  await events.editor().press('Enter')
  await expect(events.grid.getByRole('alert')).toHaveText('Date is required: YYYY-MM-DD, or YYYY-MM when only the month is known')
  // Fixing the typo in the same editor saves it.
  await events.editor().fill('2021-06-29')
  await events.editor().press('Enter')
  await expect(events.editor()).toHaveCount(0)
  await expect(events.value(DIDI_IPO, 'date')).toHaveText('2021-06-29')
  const saved = await callApi(request, host, 'events:query', { search: 'Didi raises', limit: 5 })
  expect(saved.rows.find((r) => r.title === DIDI_IPO)?.date).toBe('2021-06-29')
})

test('in the detail panel a refused title or date keeps what was typed and says why', async ({ app }) => {
  const events = new EventsPage(app)
  await events.value(DIDI_IPO, 'title').click()
  const title = events.detail.getByRole('textbox', { name: 'Title' })
  await title.fill('')
  await title.press('Enter')
  await expect(events.detail.getByRole('alert')).toHaveText('Title must not be empty')
  await expect(title).toHaveValue('')
  await title.press('Escape')
  await expect(title).toHaveValue(DIDI_IPO)
  await expect(events.detail.getByRole('alert')).toHaveCount(0)

  // Pasted too long: kept whole and refused with the limit, not cut without a word.
  await title.fill('x'.repeat(320))
  await title.press('Enter')
  await expect(events.detail.getByRole('alert')).toHaveText('Title must be at most 300 characters')
  await expect(title).toHaveValue('x'.repeat(320))
  await title.press('Escape')
  await expect(title).toHaveValue(DIDI_IPO)

  // A date the calendar does not have is refused there too, in the same words as in the grid.
  const date = events.detail.getByRole('textbox', { name: 'Date' })
  await date.fill('2021-13')
  await date.press('Enter')
  await expect(events.detail.getByRole('alert')).toHaveText('2021-13 is not a month: there is no month 13')
  await date.press('Escape')
  await expect(date).toHaveValue('2021-06-30')
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
  // Two tags fit in the cell, the third is counted; the cell's tooltip names them all.
  await expect(events.cell(DIDI_IPO, 'tags')).toHaveText(/^ipo\s*nyse\s*\+1$/)
  await expect(events.cell(DIDI_IPO, 'tags')).toHaveAttribute('title', 'ipo, nyse, delisting')
})

/** Where the grid's rows can be seen: under its header, left of the detail panel, inside the window. */
async function gridView(events: EventsPage) {
  const grid = (await events.grid.boundingBox())!
  const head = (await events.grid.getByRole('rowgroup').first().boundingBox())!
  const detail = await events.detail.boundingBox()
  const viewport = events.page.viewportSize()!
  return { left: grid.x, top: head.y + head.height, right: Math.min(grid.x + grid.width, detail?.x ?? Infinity), bottom: Math.min(grid.y + grid.height, viewport.height) }
}

function expectInside(box: { x: number; y: number; width: number; height: number } | null, view: { left: number; top: number; right: number; bottom: number }, what: string) {
  expect(box, what).not.toBeNull()
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(view.top - 1)
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(view.bottom + 1)
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(view.left - 1)
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(view.right + 1)
}

/** The title of the lowest row wholly in the window. */
async function bottomRowTitle(events: EventsPage): Promise<string> {
  const height = events.page.viewportSize()!.height
  const rows = await events.rows.evaluateAll((els, h) =>
    els
      .map((r) => ({ title: r.querySelector('[data-col="title"]')?.textContent ?? '', bottom: r.getBoundingClientRect().bottom }))
      .filter((r) => r.title && r.bottom <= h)
      .sort((a, b) => b.bottom - a.bottom),
    height
  )
  return rows[0].title
}

test('pop-up editors and messages open where they can be seen: upward at the bottom, clear of the detail panel', async ({ app }) => {
  const events = new EventsPage(app)
  // The detail panel is open beside the grid, as it is while the analyst works.
  await events.value(DIDI_IPO, 'title').click()
  await expect(events.detail).toBeVisible()
  const view = await gridView(events)

  // The companies pick-list of the lowest row opens upward instead of past the window's bottom.
  const low = await bottomRowTitle(events)
  await events.cell(low, 'companies').dblclick()
  const popup = events.grid.locator('.cell-editor-popup')
  await expect(events.grid.getByRole('combobox', { name: 'Companies', exact: true })).toBeFocused()
  expectInside(await popup.boundingBox(), view, 'companies pick-list')
  expect((await popup.boundingBox())!.y).toBeLessThan((await events.cell(low, 'companies').boundingBox())!.y)
  await app.keyboard.press('Escape')

  // The Summary editor, its column against the detail panel, stays in the grid.
  await events.cell(low, 'tags').click()
  await app.keyboard.press('ArrowRight')
  expect(await events.activeCell()).toEqual({ title: low, column: 'summary' })
  await app.keyboard.press('Enter')
  await expect(events.grid.getByRole('textbox', { name: 'Summary', exact: true })).toBeFocused()
  expectInside(await popup.boundingBox(), await gridView(events), 'summary editor')
  await app.keyboard.press('Escape')

  // A refused edit's message on that row is shown above it, inside the window.
  await events.editCell(low, 'title', ' ')
  const alert = events.grid.getByRole('alert')
  await expect(alert).toHaveText('Title must not be empty')
  expectInside(await alert.boundingBox(), await gridView(events), 'error message')
})

test("chips that do not fit a cell are counted ('+1'), never cut to an empty sliver", async ({ app }) => {
  const events = new EventsPage(app)
  await events.search.fill('CAC summons Kuaishou')
  const title = "CAC summons Kuaishou, Tencent's QQ and Alibaba's Taobao over child-related obscene content"
  await expect(events.rows).toHaveCount(1)
  // Three companies and two tags; the cells have room for part of them.
  await expect(events.cell(title, 'companies')).toHaveText(/^1024\.HK\s*0700\.HK\s*\+1$/)
  await expect(events.cell(title, 'tags')).toContainText('+1')
  await events.search.fill('')
  await events.expectCount((await events.counts()).total, (await events.counts()).total)
  // Across the table, every chip shown lies whole inside its cell.
  const cut = await events.rows.locator('[data-col="companies"], [data-col="tags"]').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const box = cell.getBoundingClientRect()
      return [...cell.querySelectorAll('.chip')].filter((c) => c.getBoundingClientRect().right > box.right - 1).map((c) => c.textContent)
    })
  )
  expect(cut).toEqual([])
})

test('the detail panel shows its pick-lists whole and opens the companies list inside itself', async ({ app }) => {
  const events = new EventsPage(app)
  const SHENZHEN = 'Shenzhen gives away 10 million digital yuan in an e-CNY lottery'
  await events.search.fill('Shenzhen gives away')
  await events.value(SHENZHEN, 'title').click()
  const category = events.detail.getByRole('combobox', { name: 'Category' })
  await expect(category).toHaveValue('digital_currency')
  // The chosen label fits the box beside its arrow, as the font draws it.
  const room = await category.evaluate((el) => {
    const s = getComputedStyle(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`
    const text = (el as HTMLSelectElement).selectedOptions[0].text
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20 - ctx.measureText(text).width
  })
  expect(room).toBeGreaterThanOrEqual(0)

  const scroller = events.detail.locator('.detail-scroll')
  await events.detail.getByRole('button', { name: 'Edit linked companies' }).click()
  const list = app.getByRole('dialog', { name: 'Edit linked companies' })
  await expect(list.getByRole('combobox', { name: 'Linked companies' })).toBeFocused()
  const panel = (await events.detail.boundingBox())!
  const box = (await list.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(panel.x)
  expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width)
  expect(box.y + box.height).toBeLessThanOrEqual(app.viewportSize()!.height)
  // Opening it did not push the form sideways.
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0)
})

test('the detail panel links companies as the grid does: a typed ticker picks that company, Esc gives up, Enter saves', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  const SHENZHEN = 'Shenzhen gives away 10 million digital yuan in an e-CNY lottery'
  await events.search.fill('Shenzhen gives away')
  await events.value(SHENZHEN, 'title').click()
  const linked = async () => (await callApi(request, host, 'events:query', { search: 'Shenzhen gives away' })).rows[0].companies
  const edit = events.detail.getByRole('button', { name: 'Edit linked companies' })
  const list = app.getByRole('dialog', { name: 'Edit linked companies' })
  const filter = list.getByRole('combobox', { name: 'Linked companies' })

  // "EDU" is New Oriental's ticker, and also inside "Gaotu Techedu": the exact ticker wins.
  await edit.click()
  await filter.fill('EDU')
  await app.keyboard.press('Enter')
  await expect(list.getByRole('option', { name: /EDU/, selected: true })).toHaveCount(1)
  await app.keyboard.press('Escape')
  await expect(list).toHaveCount(0)
  await expect(events.detail).toContainText('None linked')
  expect(await linked()).toEqual([])

  await edit.click()
  await filter.fill('EDU')
  await app.keyboard.press('Enter')
  await filter.fill('tal')
  await app.keyboard.press('Enter')
  // The pop-up stays whole in the window as chosen companies are added to it.
  const box = (await list.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(app.viewportSize()!.width)
  await app.keyboard.press('Enter') // on the empty filter: save and close
  await expect(list).toHaveCount(0)
  const companies = await callApi(request, host, 'companies:list', {})
  const tickerOf = (id: string) => companies.find((c) => c.id === id)?.listings[0]?.ticker
  await expect.poll(async () => (await linked()).map(tickerOf).sort()).toEqual(['EDU', 'TAL'])
})
