/**
 * The desktop app itself, in a real Electron: the window opens on the starter timeline, an edit
 * goes through IPC to the store and is still there after a reload, the page sees exactly the
 * contract through the preload bridge, and the window's guards hold. Electron downloads its
 * binary on first launch; where it is missing (this offline machine), the suite skips and says so.
 */
import { _electron as electron, test, expect, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { METHOD_NAMES } from '../../src/shared/api'
import { EventsPage } from '../support/events-page'
import { ROOT } from '../support/host'

// Found by path, never with require('electron'), which would try to download the binary.
const binaryModule = pathToFileURL(join(ROOT, 'scripts', 'electron-binary.mjs')).href
const NO_BINARY = 'No Electron binary on this machine (it downloads on first launch and this machine is offline); the desktop suite runs where Electron is installed'
const NO_DISPLAY = 'No display to open the Electron window on: run the desktop suite under xvfb-run'

interface Desktop {
  app: ElectronApplication
  page: Page
  close(): Promise<void>
}

/** Why the desktop suite cannot run on this machine, or null when it can. */
async function cannotRun(): Promise<string | null> {
  const { electronBinary } = (await import(binaryModule)) as { electronBinary: () => string | null }
  if (!electronBinary()) return NO_BINARY
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return NO_DISPLAY
  return null
}

// One Electron at a time, in one worker: each launch is a whole browser.
test.describe.configure({ mode: 'default' })

test.beforeAll(async () => {
  // Said once in the run's output: the list reporter does not print skip reasons.
  const why = await cannotRun()
  if (why) console.log(`electron suite skipped: ${why}`)
})

test.beforeEach(async () => {
  const why = await cannotRun()
  test.skip(why !== null, why ?? '')
})

async function launch(): Promise<Desktop> {
  const { electronBinary } = (await import(binaryModule)) as { electronBinary: () => string | null }
  const bin = electronBinary()
  const dir = await mkdtemp(join(tmpdir(), 'capwatch-electron-'))
  // Chromium refuses to start as root without --no-sandbox (CI containers); the renderer's own
  // sandbox: true still applies to the page.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await electron.launch({
    executablePath: bin!,
    args: [...rootArgs, join(ROOT, 'out', 'main', 'index.js'), '--data-dir', join(dir, 'data')],
    timeout: 30_000
  })
  const page = await app.firstWindow()
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 })
  return {
    app,
    page,
    async close() {
      await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 10_000))])
      await rm(dir, { recursive: true, force: true })
    }
  }
}

test('the window opens on the starter events and an edit round-trips through IPC', async () => {
  const desktop = await launch()
  try {
    const { page } = desktop
    await expect(page).toHaveTitle('Capwatch')
    const events = new EventsPage(page)
    const { total } = await events.counts()
    expect(total, 'the starter workspace has at least 25 events').toBeGreaterThanOrEqual(25)

    await expect(events.rows.first()).toBeVisible()
    const [first] = await events.visibleTitles()
    const edited = `${first} (edited on the desktop)`
    await events.editCell(first, 'title', edited)
    await expect(events.cell(edited, 'title')).toBeVisible()

    await page.reload()
    await page.locator('body[data-ready="true"]').waitFor()
    await expect(events.cell(edited, 'title')).toBeVisible()
    const saved = await page.evaluate((title) => {
      const bridge = (window as unknown as { capwatch: { api: Record<string, (input: unknown) => Promise<unknown>> } }).capwatch
      return bridge.api['events:query']({ search: title, limit: 5 })
    }, edited)
    expect(saved).toMatchObject({ ok: true, value: { rows: [expect.objectContaining({ title: edited })] } })
  } finally {
    await desktop.close()
  }
})

test('the page sees exactly the contract through the bridge, and no Node or Electron', async () => {
  const desktop = await launch()
  try {
    const exposed = await desktop.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const bridge = w.capwatch as { api: Record<string, unknown> }
      return {
        bridge: Object.keys(bridge).sort(),
        api: Object.keys(bridge.api).sort(),
        allFunctions: Object.values(bridge.api).every((f) => typeof f === 'function'),
        leaks: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter((k) => typeof w[k] !== 'undefined')
      }
    })
    expect(exposed.bridge).toEqual(['api', 'onMenuCommand'])
    expect(exposed.api).toEqual([...METHOD_NAMES].sort())
    expect(exposed.allFunctions).toBe(true)
    expect(exposed.leaks).toEqual([])
  } finally {
    await desktop.close()
  }
})

test('the window cannot navigate away, open windows or reach the network', async () => {
  const desktop = await launch()
  try {
    const { app, page } = desktop
    const start = page.url()
    expect(start).toMatch(/^file:.*\/renderer\/index\.html/)
    const opened = await page.evaluate(() => window.open('https://example.com/') === null)
    expect(opened).toBe(true)
    // Wait for the main process to see the navigation (the app's own guard, registered first,
    // refuses it in the same dispatch), then check the page stayed where it was.
    type Watch = { navigation?: Promise<string> }
    await app.evaluate(({ webContents }) => {
      const [contents] = webContents.getAllWebContents()
      ;(globalThis as Watch).navigation = new Promise<string>((resolve) => {
        contents.once('will-navigate', (event) => setImmediate(() => resolve(event.url)))
      })
    })
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    expect(await app.evaluate(() => (globalThis as Watch).navigation)).toBe('https://example.com/')
    expect(page.url()).toBe(start)
    expect(app.windows()).toHaveLength(1)
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked'
      )
    )
    expect(fetched).toBe('blocked')
  } finally {
    await desktop.close()
  }
})
