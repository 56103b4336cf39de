/**
 * Notes: the analyst's own reading of an event, in markdown. Added, previewed, edited and
 * deleted in the detail panel, counted in the table, and found by the global search.
 */
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'

const MEITUAN_FINE = 'Meituan fined 3.44 billion yuan for forcing merchants into exclusivity'

/** Open the Meituan fine in the detail panel, its market impact shown (see `impactShown`). */
async function openMeituanFine(events: EventsPage): Promise<void> {
  await events.search.fill('Meituan fined')
  await events.value(MEITUAN_FINE, 'title').click()
  await events.impactShown()
}

test('a note is added, edited and found by the global search', async ({ app }) => {
  const events = new EventsPage(app)
  await openMeituanFine(events)
  await expect(events.detail.getByRole('heading', { name: MEITUAN_FINE })).toBeVisible()
  await expect(events.value(MEITUAN_FINE, 'noteCount')).toHaveText('0')

  const notes = events.detail.getByRole('region', { name: 'Notes' })
  await notes.getByRole('textbox', { name: 'New note' }).fill('**Smaller than feared**: about 3% of 2020 revenue; the stock *rose* on the news.')
  await notes.getByRole('button', { name: 'Preview' }).click()
  await expect(notes.getByRole('region', { name: 'New note preview' }).locator('strong')).toHaveText('Smaller than feared')
  await notes.getByRole('button', { name: 'Add note' }).click()

  const note = notes.getByRole('article')
  await expect(note).toHaveCount(1)
  await expect(note.locator('strong')).toHaveText('Smaller than feared')
  await expect(note.locator('em')).toHaveText('rose')
  await expect(events.value(MEITUAN_FINE, 'noteCount')).toHaveText('1')
  // The box is ready for the next note: empty, and back on Write.
  await expect(notes.getByRole('textbox', { name: 'New note' })).toHaveValue('')
  await expect(notes.getByRole('button', { name: 'Write' })).toHaveAttribute('aria-pressed', 'true')

  // Found by a word that is only in the note.
  await events.search.fill('feared')
  await events.expectCount(1, (await events.counts()).total)
  await expect(events.rows).toHaveCount(1)
  await expect(events.row(MEITUAN_FINE)).toBeVisible()

  await note.getByRole('button', { name: 'Edit note' }).click()
  const editor = note.getByRole('textbox', { name: 'Edit note' })
  await editor.fill('Fine was **3.44 billion yuan**, with a refund of deposits to merchants (pachinko-style exclusivity).')
  await note.getByRole('button', { name: 'Save note' }).click()
  await expect(note.locator('strong')).toHaveText('3.44 billion yuan')
  await expect(note.getByText(/edited/)).toBeVisible()

  // The search still says "feared", which the note no longer does: the event drops out of the
  // results; the new words find it.
  await expect(app.getByText('No events match “feared”')).toBeVisible()
  await events.search.fill('pachinko')
  await expect(events.row(MEITUAN_FINE)).toBeVisible()
  await expect(events.rows).toHaveCount(1)
})

test('notes are listed newest first and a deleted note leaves the count', async ({ app }) => {
  const events = new EventsPage(app)
  await openMeituanFine(events)
  const notes = events.detail.getByRole('region', { name: 'Notes' })
  const box = notes.getByRole('textbox', { name: 'New note' })
  for (const text of ['First reading', 'Second reading']) {
    await box.fill(text)
    await box.press('Control+Enter')
    await expect(notes.getByRole('article').getByText(text)).toBeVisible()
  }
  await expect(notes.getByRole('article')).toHaveText([/Second reading/, /First reading/])
  await expect(events.value(MEITUAN_FINE, 'noteCount')).toHaveText('2')

  await notes.getByRole('article').filter({ hasText: 'First reading' }).getByRole('button', { name: 'Delete note' }).click()
  await app.getByRole('dialog', { name: 'Delete note' }).getByRole('button', { name: 'Delete' }).click()
  await expect(notes.getByRole('article')).toHaveText([/Second reading/])
  await expect(events.value(MEITUAN_FINE, 'noteCount')).toHaveText('1')
})

test('a note half-written on one event is still there after looking at another', async ({ app }) => {
  const events = new EventsPage(app)
  const DIDI = 'Didi raises $4.4 billion in its New York IPO'
  await openMeituanFine(events)
  const box = events.detail.getByRole('region', { name: 'Notes' }).getByRole('textbox', { name: 'New note' })
  await box.fill('Compare with the Alibaba fine: 4% of revenue')

  await events.search.fill('Didi raises')
  await events.value(DIDI, 'title').click()
  await expect(events.detail.getByRole('heading', { name: DIDI })).toBeVisible()
  // Each event has its own composer: the other event's draft is not here...
  await expect(box).toHaveValue('')

  await openMeituanFine(events)
  await expect(events.detail.getByRole('heading', { name: MEITUAN_FINE })).toBeVisible()
  // ...and comes back with its event, ready to be finished and added.
  await expect(box).toHaveValue('Compare with the Alibaba fine: 4% of revenue')
  await box.press('Control+Enter')
  await expect(events.detail.getByRole('article').getByText('Compare with the Alibaba fine')).toBeVisible()
  await expect(box).toHaveValue('')
})

test('links in a note are inert: shown, never followed', async ({ app, host }) => {
  const events = new EventsPage(app)
  await openMeituanFine(events)
  const notes = events.detail.getByRole('region', { name: 'Notes' })
  await notes.getByRole('textbox', { name: 'New note' }).fill('See [the SAMR notice](https://www.samr.gov.cn/) and <a href="https://evil.example/">this</a>.')
  await notes.getByRole('button', { name: 'Add note' }).click()
  const note = notes.getByRole('article')
  await expect(note.getByText('the SAMR notice')).toHaveAttribute('title', 'https://www.samr.gov.cn/')
  await expect(note.locator('a')).toHaveCount(0)
  await note.getByText('the SAMR notice').click()
  await note.getByText('this').click()
  expect(app.url().startsWith(host.origin)).toBe(true)
  await expect(events.grid).toBeVisible()
})
