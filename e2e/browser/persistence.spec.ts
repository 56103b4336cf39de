/**
 * What the analyst does survives a restart of the host: cell edits, and the table's layout
 * (hidden, moved and resized columns).
 */
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

const TAX = 'Alibaba warns investors that its tax breaks are ending'

test('a cell edit persists across a host restart', async ({ app, restartHost }) => {
  const events = new EventsPage(app)
  await events.search.fill('tax breaks')
  await events.saveCell(TAX, 'title', 'Alibaba warns that its preferential tax rates may end')
  await expect(events.value('Alibaba warns that its preferential tax rates may end', 'title')).toBeVisible()
  // Saved before the restart: an edit still on its way when the host stops is not the story here.
  await events.saveCell('Alibaba warns that its preferential tax rates may end', 'tags', 'tax, high-tech-enterprise')

  const page = await restartHost().then(() => new EventsPage(app))
  await page.search.fill('preferential')
  await expect(page.value('Alibaba warns that its preferential tax rates may end', 'title')).toBeVisible()
  await expect(page.row(TAX)).toHaveCount(0)
  await page.value('Alibaba warns that its preferential tax rates may end', 'title').click()
  await expect(page.detail.getByRole('textbox', { name: 'Tags' })).toHaveValue('tax, high-tech-enterprise')
  // The month precision of that date was not touched by the edits.
  await expect(page.value('Alibaba warns that its preferential tax rates may end', 'date')).toHaveText('2021-08')
})

test('hidden, moved and resized columns are remembered', async ({ app, host, request, restartHost }) => {
  const events = new EventsPage(app)
  await events.columnsButton.click()
  const menu = app.getByRole('dialog', { name: 'Columns' })
  await menu.getByRole('checkbox', { name: 'Sources' }).uncheck()
  await menu.getByRole('button', { name: 'Move Tags left' }).click()
  await app.keyboard.press('Escape')
  await expect(events.columnHeader('Sources')).toHaveCount(0)

  // Drag the Title column's right edge 120 px to the right.
  const title = events.columnHeader('Title')
  const before = (await title.boundingBox())!
  const handle = title.locator('.resize-handle')
  const h = (await handle.boundingBox())!
  await app.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
  await app.mouse.down()
  await app.mouse.move(h.x + 120, h.y + h.height / 2, { steps: 5 })
  await app.mouse.up()
  await expect.poll(async () => Math.round((await title.boundingBox())!.width)).toBeGreaterThan(before.width + 100)
  const headers = await events.headerNames()
  // The layout is saved a moment after the last change (a drag changes it many times a second).
  await expect
    .poll(async () => ((await callApi(request, host, 'settings:get', {})).ui.eventsTable as { sizes?: Record<string, number> } | undefined)?.sizes?.title ?? 0)
    .toBeGreaterThan(before.width + 100)

  await restartHost()
  await expect.poll(() => events.headerNames()).toEqual(headers)
  await expect(events.columnHeader('Sources')).toHaveCount(0)
  expect(headers.indexOf('Tags')).toBeLessThan(headers.indexOf('Companies'))
  expect((await events.columnHeader('Title').boundingBox())!.width).toBeGreaterThan(before.width + 100)
})
