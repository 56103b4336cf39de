/**
 * The guards an analyst relies on without seeing them: the workbench never talks to anything but
 * its own host (not even when a note embeds a remote image), the API refuses a caller without the
 * run's token, and the token does not linger in the address bar.
 */
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

const SCREENS = ['Events', 'Companies', 'Charts', 'Impact', 'Market data']

test('the renderer makes no request outside the app while the analyst uses every screen', async ({ app, host, request, externalRequests }) => {
  // Every request the page makes, to check it goes to this very host (the fixture's guard fails
  // the test on anything leaving the machine; this is stricter: same origin only).
  const seen: string[] = []
  app.on('request', (r) => seen.push(r.url()))
  // Raw HTML in a note never reaches a document as markup: not even a blocked handler is reported.
  const cspReports: string[] = []
  app.on('console', (m) => m.text().includes('Content Security Policy') && cspReports.push(m.text()))

  // A note pasted from an article, with a remote image, a tracking pixel in raw HTML and a link.
  const [first] = (await callApi(request, host, 'events:query', { limit: 1 })).rows
  await callApi(request, host, 'notes:add', {
    eventId: first.id,
    text: 'Coverage ![chart](https://images.example/chart.png) and <img src="https://tracker.example/pixel.gif"> <iframe src="https://evil.example/"></iframe> [source](https://news.example/story) <img src=x onerror="window.pwned=1">'
  })

  const nav = app.getByRole('navigation', { name: 'Screens' })
  for (const name of SCREENS) {
    const button = nav.getByRole('button', { name, exact: true })
    await button.click()
    await expect(button).toHaveAttribute('aria-current', 'page')
    await app.waitForLoadState('networkidle')
  }

  // Back on Events: search, and open the event whose note embeds the remote content.
  await nav.getByRole('button', { name: 'Events', exact: true }).click()
  const events = new EventsPage(app)
  await events.search.fill(first.title.slice(0, 20))
  await events.row(first.title).click()
  await expect(events.detail.getByText('Coverage')).toBeVisible()
  await expect(events.detail.locator('img, iframe')).toHaveCount(0)
  // Shown as the text that was pasted.
  await expect(events.detail.getByText('<img src=x onerror="window.pwned=1">')).toBeVisible()
  expect(await app.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  expect(cspReports, 'no markup from a note was parsed').toEqual([])
  await app.waitForLoadState('networkidle')

  expect(externalRequests).toEqual([])
  const foreign = seen.filter((url) => !url.startsWith(`${host.origin}/`) && !/^(data|blob):/.test(url))
  expect(foreign, 'requests to anything but this host').toEqual([])
  expect(seen.some((url) => url.startsWith(`${host.origin}/api/`)), 'the page did talk to its host').toBe(true)
})

test('the workbench opened without its token says how to open it, instead of empty screens', async ({ host, browser }) => {
  const page = await browser.newPage()
  await page.goto(`${host.origin}/`)
  await expect(page.getByRole('heading', { name: 'This page has no access to your workspace' })).toBeVisible()
  await expect(page.getByText('capwatch serve')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add event' })).toHaveCount(0)
  await page.close()
})

test('an API request without the token is refused', async ({ host, request }) => {
  const url = `${host.origin}/api/events:query`
  const refused: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: host.token }]
  for (const headers of refused) {
    const res = await request.post(url, { headers: { 'Content-Type': 'application/json', ...headers }, data: {} })
    expect(res.status()).toBe(401)
    const body = (await res.json()) as { ok: boolean; error?: { code: string } }
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(body)).not.toContain('rows')
  }
  // The same call with the token answers: the refusals were the token's doing.
  const ok = await request.post(url, { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` }, data: {} })
  expect(ok.status()).toBe(200)
})

test('the token is removed from the address bar after load, and the tab keeps working', async ({ app, host }) => {
  expect(host.url).toContain('#token=')
  await expect.poll(() => app.url()).toBe(`${host.origin}/`)
  expect(await app.evaluate(() => window.location.hash)).toBe('')
  // A reload (the URL no longer holds the token) still reaches the data.
  await app.reload()
  await app.locator('body[data-ready="true"]').waitFor()
  await expect(new EventsPage(app).rows.first()).toBeVisible()
  expect(app.url()).not.toContain(host.token)
})
