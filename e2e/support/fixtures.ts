/**
 * Fixtures for the browser-host suite: a fresh data directory and host per test, the page opened
 * at the host's URL and ready (the app's own readiness signal, not a sleep), and a guard that
 * fails the test on any request leaving the machine.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost, type Host } from './host'

export interface CapwatchFixtures {
  /** Runs before the host starts: write files into the data directory (fault injection). */
  prepareDataDir: (dataDir: string) => Promise<void>
  dataDir: string
  host: Host
  /** Stop the host and start a new one over the same data directory; the page reloads. */
  restartHost: () => Promise<Host>
  app: Page
  externalRequests: string[]
}

export const test = base.extend<CapwatchFixtures>({
  prepareDataDir: [async ({}, use) => use(async () => {}), { option: true }],
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'capwatch-e2e-'))
    await use(join(dir, 'data'))
    await rm(dir, { recursive: true, force: true })
  },
  host: async ({ dataDir, prepareDataDir }, use) => {
    await prepareDataDir(dataDir)
    const host = await startHost(dataDir)
    await use(host)
    await host.stop()
  },
  externalRequests: async ({ page }, use) => {
    const external: string[] = []
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) external.push(r.url())
    })
    await use(external)
    expect(external, 'requests that left the machine').toEqual([])
  },
  restartHost: async ({ host, page, dataDir }, use) => {
    let current = host
    await use(async () => {
      await current.stop()
      current = await startHost(dataDir)
      await page.goto(current.url)
      await waitReady(page)
      return current
    })
    await current.stop()
  },
  app: async ({ page, host, externalRequests: _guard }, use) => {
    await page.goto(host.url)
    await waitReady(page)
    await use(page)
  }
})

/** The app marks <body data-ready> once its first data arrived. */
export async function waitReady(page: Page): Promise<void> {
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 })
}

export { expect }
