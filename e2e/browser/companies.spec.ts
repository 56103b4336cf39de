/**
 * The Companies screen: the starter companies with their Chinese names and listings, edited in
 * place with the grid's conventions, added, and deleted with a confirmation that says how many
 * events lose the link.
 */
import { test, expect } from '../support/fixtures'
import { CompaniesPage } from '../support/companies-page'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

test('the starter companies are listed with names, tickers and event counts', async ({ app, host, request }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  const list = await callApi(request, host, 'companies:list', {})
  await expect(companies.rows).toHaveCount(list.length)
  await expect(companies.count).toHaveText(`${list.length} companies`)
  await expect(companies.value('Alibaba Group', 'nameZh')).toHaveText('阿里巴巴集团')
  await expect(companies.value('Alibaba Group', 'listings')).toContainText('BABA')
  await expect(companies.value('Alibaba Group', 'listings')).toContainText('9988.HK')
  await expect(companies.value('Ant Group', 'listings')).toHaveText('Unlisted')
  // No benchmark of its own means the default one (Market data), not none.
  await expect(companies.value('Alibaba Group', 'benchmark')).toHaveText('default')
  const alibaba = list.find((c) => c.name === 'Alibaba Group')!
  await expect(companies.value('Alibaba Group', 'eventCount')).toHaveText(String(alibaba.eventCount))
})

test('a company is edited in place, listings included, and a duplicate ticker is refused', async ({ app }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  await companies.cell('Kanzhun', 'sector').click()
  await app.keyboard.press('Enter')
  await companies.editor().fill('Online recruitment (Boss Zhipin)')
  await app.keyboard.press('Enter')
  await expect(companies.value('Kanzhun', 'sector')).toHaveText('Online recruitment (Boss Zhipin)')

  await companies.cell('Kanzhun', 'listings').dblclick()
  await companies.grid.getByRole('button', { name: 'Add listing' }).click()
  await companies.grid.getByRole('textbox', { name: 'Ticker 2' }).fill('2076.HK')
  await companies.grid.getByRole('textbox', { name: 'Exchange 2' }).fill('HKEX')
  await companies.grid.getByRole('textbox', { name: 'Currency 2' }).fill('HKD')
  await app.keyboard.press('Enter')
  await expect(companies.value('Kanzhun', 'listings')).toContainText('2076.HK')
  await expect(companies.value('Kanzhun', 'listings')).toContainText('BZ')

  await companies.cell('Baidu', 'listings').dblclick()
  await companies.grid.getByRole('textbox', { name: 'Ticker 1' }).fill('BABA')
  // A ticker corrected in place says, before Enter, that what was filed under it moves along.
  await expect(companies.grid.locator('.listings-editor').getByRole('status')).toHaveText(
    'BIDU → BABA: its prices, share schedule and benchmark settings move to the new ticker.'
  )
  await app.keyboard.press('Enter')
  await expect(companies.grid.getByRole('alert')).toContainText('Ticker BABA already belongs to Alibaba Group')
  // The editor stays open with what was typed; Esc gives up the change.
  await expect(companies.grid.getByRole('textbox', { name: 'Ticker 1' })).toHaveValue('BABA')
  await app.keyboard.press('Escape')
  await expect(companies.grid.locator('.listings-editor')).toHaveCount(0)
  await expect(companies.value('Baidu', 'listings')).toContainText('BIDU')

  // Still there after a reload: it was saved, not only shown.
  await app.reload()
  await companies.open()
  await expect(companies.value('Kanzhun', 'sector')).toHaveText('Online recruitment (Boss Zhipin)')
  await expect(companies.value('Kanzhun', 'listings')).toContainText('2076.HK')
})

test('a renamed company stays under the cursor: the next edit and Delete act on it, not on its neighbour', async ({ app, host, request }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  // Sorted by name, "Meituan" would move up among the D's once renamed.
  await companies.cell('Meituan', 'name').click()
  await app.keyboard.press('Enter')
  await companies.editor().fill('Dianping Group')
  await app.keyboard.press('Enter')
  await expect(companies.value('Dianping Group', 'name')).toBeVisible()
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('Enter')
  await companies.editor().fill('大众点评')
  await app.keyboard.press('Enter')
  await expect(companies.value('Dianping Group', 'nameZh')).toHaveText('大众点评')
  const list = await callApi(request, host, 'companies:list', {})
  expect(list.find((c) => c.name === 'Dianping Group')?.nameZh).toBe('大众点评')
  expect(list.filter((c) => c.nameZh === '大众点评')).toHaveLength(1)
  await companies.deleteButton.click()
  await expect(app.getByRole('dialog')).toContainText('Delete Dianping Group?')
  await app.keyboard.press('Escape')
  // Sorting again (descending, then back to ascending) places it by its new name.
  await companies.grid.getByRole('columnheader', { name: /Name/ }).getByRole('button').click()
  await companies.grid.getByRole('columnheader', { name: /Name/ }).getByRole('button').click()
  const names = await companies.rows.locator('[data-col="name"]').allTextContents()
  expect(names.indexOf('Dianping Group')).toBeLessThan(names.findIndex((n) => n.startsWith('Gaotu')))
})

test('removing a listing keeps the keys working: focus stays in the editor and Enter, or a click outside, saves it', async ({ app, host, request }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  await companies.cell('Bilibili', 'listings').dblclick()
  await companies.grid.getByRole('button', { name: 'Remove listing 9626.HK' }).click()
  // Focus moved to the remaining listing's ticker, not to the page.
  await expect(companies.grid.getByRole('textbox', { name: 'Ticker 1' })).toBeFocused()
  await app.keyboard.press('Enter')
  await expect(companies.grid.locator('.listings-editor')).toHaveCount(0)
  await expect(companies.value('Bilibili', 'listings')).not.toContainText('9626.HK')

  await companies.cell('NetEase', 'listings').dblclick()
  await companies.grid.getByRole('button', { name: 'Remove listing 9999.HK' }).click()
  // A click elsewhere on the screen saves, as leaving any editor does.
  await companies.count.click()
  await expect(companies.grid.locator('.listings-editor')).toHaveCount(0)
  await expect(companies.value('NetEase', 'listings')).not.toContainText('9999.HK')

  const saved = await callApi(request, host, 'companies:list', {})
  expect(saved.find((c) => c.name === 'Bilibili')!.listings.map((l) => l.ticker)).toEqual(['BILI'])
  expect(saved.find((c) => c.name === 'NetEase')!.listings.map((l) => l.ticker)).toEqual(['NTES'])
})

test('a bad currency names the listing and field, and keeps what was typed until it is fixed', async ({ app }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  await companies.cell('JD.com', 'listings').dblclick()
  await companies.grid.getByRole('textbox', { name: 'Currency 2' }).fill('H1')
  await app.keyboard.press('Enter')
  await expect(companies.grid.getByRole('alert')).toHaveText('Listing 2 currency must be a 3-letter currency code such as USD')
  const currency = companies.grid.getByRole('textbox', { name: 'Currency 2' })
  await expect(currency).toHaveValue('H1')
  await currency.fill('HKD')
  await app.keyboard.press('Enter')
  await expect(companies.grid.locator('.listings-editor')).toHaveCount(0)
  await expect(companies.value('JD.com', 'listings')).toContainText('9618.HK')

  // A cleared ticker is an error, not a silent removal of the listing and its share schedule.
  await companies.cell('JD.com', 'listings').dblclick()
  await companies.grid.getByRole('textbox', { name: 'Ticker 2' }).fill('')
  await app.keyboard.press('Enter')
  await expect(companies.grid.getByRole('alert')).toHaveText('Listing 2 ticker must not be empty')
  await app.keyboard.press('Escape')
  await expect(companies.value('JD.com', 'listings')).toContainText('9618.HK')
})

test('add a company, name it, and delete it', async ({ app }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  await companies.addButton.click()
  // The new company's name opens for typing.
  await expect(companies.editor()).toBeFocused()
  await app.keyboard.type('Zhihu')
  await app.keyboard.press('Enter')
  await expect(companies.value('Zhihu', 'name')).toBeVisible()
  await expect(companies.count).toHaveText('18 companies')

  await companies.deleteButton.click()
  const dialog = app.getByRole('dialog', { name: 'Delete company' })
  await expect(dialog).toContainText('Delete Zhihu? No event links it.')
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(companies.row('Zhihu')).toHaveCount(0)
  await expect(companies.count).toHaveText('17 companies')
})

test('deleting a linked company says how many events it unlinks, and unlinks them', async ({ app, host, request }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  const didi = (await callApi(request, host, 'companies:list', {})).find((c) => c.name === 'Didi Global')!
  expect(didi.eventCount).toBeGreaterThan(1)
  await companies.value('Didi Global', 'name').click()
  await companies.deleteButton.click()
  const dialog = app.getByRole('dialog', { name: 'Delete company' })
  await expect(dialog).toContainText(`It is linked to ${didi.eventCount} events`)
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(app.getByRole('status').getByText(`Deleted Didi Global; unlinked ${didi.eventCount} events`)).toBeVisible()

  await app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events', exact: true }).click()
  const events = new EventsPage(app)
  await events.search.fill('Didi raises')
  await expect(events.value('Didi raises $4.4 billion in its New York IPO', 'companies')).toHaveText('')
})
