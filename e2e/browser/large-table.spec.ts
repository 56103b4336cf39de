/**
 * An analyst with thousands of events flings through the table (the scrollbar dragged, four
 * screens a frame) and reads the rows where it comes to rest: they are shown, not left as
 * placeholders, and they are the core's rows for that place. The pages of rows flung past are not
 * fetched (range-requests.ts); this is the story that keeps that from costing the rows at rest.
 * While it is flung, the rows still loading are left blank rather than drawn as skeletons (nobody
 * sees them, and drawing them is what made a fling's first frames slow); read slowly, they are not.
 */
import type { Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'
import { generateLargeWorkspace } from '../../bench/generate'

const EVENTS = 5000

test.use({
  prepareDataDir: async ({}, use) =>
    use((dir: string) => generateLargeWorkspace(dir, { events: EVENTS, notesPerEvent: 0, companies: 10, days: 10 }, () => {}))
})

/** Scroll the grid four screens a frame until `toRow` is at the top; the requests made meanwhile. */
async function fling(page: Page, toRow: number): Promise<string[]> {
  const requests: string[] = []
  const onRequest = (r: { url(): string }) => requests.push(new URL(r.url()).pathname)
  page.on('request', onRequest)
  await page.evaluate(async (toRow) => {
    let el = document.querySelector('[role=grid]') as HTMLElement | null
    while (el && el.scrollHeight <= el.clientHeight + 1) el = el.parentElement
    const target = Math.min(toRow * 32, el!.scrollHeight - el!.clientHeight)
    await new Promise<void>((done) => {
      const step = () => {
        el!.scrollTop = Math.min(target, el!.scrollTop + el!.clientHeight * 4)
        if (el!.scrollTop >= target - 1) return done()
        requestAnimationFrame(step)
      }
      requestAnimationFrame(step)
    })
  }, toRow)
  page.off('request', onRequest)
  return requests
}

/** The rows on screen: their place in the table and title, or null while still loading. */
async function rowsShown(page: Page): Promise<{ index: number; title: string | null }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role=grid] [role=row][data-index]')].map((r) => ({
      index: Number(r.getAttribute('data-index')),
      title: r.getAttribute('aria-busy') ? null : (r.querySelector('[data-col=title]')?.textContent ?? '')
    }))
  )
}

test('a fling through thousands of events ends on the right rows, shown', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.expectCount(EVENTS, EVENTS)
  const all = await callApi(request, host, 'events:query', { limit: EVENTS })

  let from = 0
  for (const toRow of [3100, 800, EVENTS - 20]) {
    const during = await fling(app, toRow)
    // The pages flung past are not fetched. (A frame that takes longer than the 80 ms the view
    // must rest, on a loaded machine, does fetch where it is: a third is a generous margin.)
    const passed = Math.abs(toRow - from) / 200
    expect(during.filter((p) => p.endsWith('/events:query')).length, 'pages fetched mid-fling').toBeLessThan(Math.max(2, passed / 3))
    from = toRow
    // At rest the rows fill in (those just beyond the edges a moment later), each the core's row
    // at that place.
    await expect
      .poll(async () => (await rowsShown(app)).filter((r) => r.title !== all.rows[r.index].title), { timeout: 5000 })
      .toEqual([])
    const shown = (await rowsShown(app)).map((r) => r.index)
    expect(Math.min(...shown)).toBeLessThanOrEqual(toRow)
    expect(Math.max(...shown)).toBeGreaterThan(Math.min(toRow, EVENTS - 30) + 20)
  }
})

/** A frame of a scroll: rows on screen still loading, rows drawn hidden, ms since the frame before. */
interface Frame {
  loading: number
  hidden: number
  gap: number
}

/** Scroll the grid by `step` px a frame, `frames` times; what each frame after the first showed. */
async function scrollWatching(page: Page, step: number, frames: number): Promise<Frame[]> {
  return page.evaluate(
    ({ step, frames }) => {
      let el = document.querySelector('[role=grid]') as HTMLElement | null
      while (el && el.scrollHeight <= el.clientHeight + 1) el = el.parentElement
      const seen: Frame[] = []
      let last = performance.now()
      return new Promise<typeof seen>((done) => {
        const frame = (n: number) => {
          if (n > 0) {
            const rows = [...document.querySelectorAll('[role=grid] [role=row][data-index]')]
            seen.push({
              loading: rows.filter((r) => r.getAttribute('aria-busy')).length,
              hidden: rows.filter((r) => getComputedStyle(r).visibility === 'hidden').length,
              gap: performance.now() - last
            })
          }
          last = performance.now()
          if (n === frames) return done(seen)
          el!.scrollTop += step
          requestAnimationFrame(() => frame(n + 1))
        }
        requestAnimationFrame(() => frame(0))
      })
    },
    { step, frames }
  )
}

test('rows still loading are left blank while the table is flung, and drawn again once it rests', async ({ app }) => {
  const events = new EventsPage(app)
  await events.expectCount(EVENTS, EVENTS)

  // Four screens a frame: the rows flung past are never loaded, and none of them is drawn (a
  // skeleton there would cost the frame its raster work for nothing anyone can see). A frame
  // slower than the grid's 150 ms wait for the end of a scroll counts as a rest, where skeletons
  // may show: on a loaded machine many frames are, so the table is flung down and up again until
  // enough frames in motion have been seen, or for 20 s (a machine that busy may show only a few).
  const flung: Frame[] = []
  const moving: Frame[] = []
  const until = Date.now() + 20_000
  for (let round = 0; moving.length < 6 && Date.now() < until; round++) {
    const frames = await scrollWatching(app, (round % 2 ? -4 : 4) * 700, 20)
    flung.push(...frames)
    moving.push(...frames.filter((f, i) => f.loading > 0 && i > 0 && f.gap < 120 && frames[i - 1].gap < 120))
  }
  expect(moving.length, `frames in motion showing rows still loading: ${JSON.stringify(flung)}`).toBeGreaterThan(0)
  expect(moving.filter((f) => f.hidden < f.loading), 'frames in motion drawing rows still loading').toEqual([])

  // At rest, every row on screen is drawn again and filled in.
  await expect.poll(() => app.locator('[role=grid] [role=row][aria-busy]').count(), { timeout: 5000 }).toBe(0)
  expect(await app.evaluate(() => [...document.querySelectorAll('[role=grid] [role=row]')].filter((r) => getComputedStyle(r).visibility === 'hidden').length)).toBe(0)

  // Read at reading speed, a few pixels a frame, into rows not loaded yet: nothing is hidden.
  const read = await scrollWatching(app, 12, 60)
  expect(read.filter((f) => f.hidden > 0), 'frames hiding rows while reading').toEqual([])
})

test('an event whose corrected date sends it thousands of rows away is followed there', async ({ app, host, request }) => {
  const events = new EventsPage(app)
  await events.expectCount(EVENTS, EVENTS)
  const first = await events.grid.locator('[role="row"][data-index="0"] [data-col="title"]').innerText()
  await events.grid.locator('[role="row"][data-index="0"] [data-col="date"]').click()
  await app.keyboard.press('Enter')
  await events.editor().fill('2099-12-31')
  await app.keyboard.press('Enter')

  // Last of the timeline, far beyond the rows loaded: the table goes there and the cursor is on it.
  const last = events.grid.locator(`[role="row"][data-index="${EVENTS - 1}"]`)
  await expect(last.locator('[data-col="title"]')).toHaveText(first, { timeout: 10_000 })
  await expect(last).toBeInViewport()
  await expect.poll(() => events.activeCell()).toEqual({ title: first, column: 'date' })
  // And the core agrees: the event is last in its order.
  const page = await callApi(request, host, 'events:query', { offset: EVENTS - 1, limit: 1 })
  expect(page.rows.map((r) => r.title)).toEqual([first])
})
