/**
 * The screenshots in docs/, taken from the running workbench at 1440x900 with the starter
 * workspace. Run on demand: CAPWATCH_SCREENSHOTS=1 npx playwright test --project browser (the
 * chart, basket, import and impact pictures come from chart-basket.spec and market.spec then).
 */
import { join } from 'node:path'
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { CompaniesPage } from '../support/companies-page'
import { ROOT } from '../support/host'

const OUT = join(ROOT, 'docs', 'screenshots')
const ANT_IPO = "Ant Group's record $37 billion IPO suspended"

test.skip(!process.env.CAPWATCH_SCREENSHOTS, 'set CAPWATCH_SCREENSHOTS=1 to refresh docs/screenshots')

test('events screen', async ({ app }) => {
  const events = new EventsPage(app)
  await expect(events.row(ANT_IPO)).toBeVisible()
  await app.screenshot({ path: join(OUT, 'events.png') })
})

test('event detail with a note', async ({ app }) => {
  const events = new EventsPage(app)
  await events.value(ANT_IPO, 'title').click()
  await events.impactShown()
  const notes = events.detail.getByRole('region', { name: 'Notes' })
  await notes.getByRole('textbox', { name: 'New note' }).fill(
    [
      '### Why it matters',
      'The suspension came **two days before trading** and after Jack Ma’s Bund speech: read it as a *political* signal, not a listing technicality.',
      '',
      '- Alibaba holds about a third of Ant: compare BABA and 9988.HK around this date',
      '- Read with the draft microlending rules published the day before',
      '',
      'Source: [SSE notice](https://www.sse.com.cn/)'
    ].join('\n')
  )
  await notes.getByRole('button', { name: 'Add note' }).click()
  await expect(notes.getByRole('article').locator('h3')).toHaveText('Why it matters')
  await events.grid.focus()
  // Show the notes: the panel scrolls, the fields are above them.
  await notes.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await app.screenshot({ path: join(OUT, 'event-detail.png') })
})

test('companies screen', async ({ app }) => {
  const companies = new CompaniesPage(app)
  await companies.open()
  await expect(companies.value('Alibaba Group', 'nameZh')).toHaveText('阿里巴巴集团')
  await app.screenshot({ path: join(OUT, 'companies.png') })
})
