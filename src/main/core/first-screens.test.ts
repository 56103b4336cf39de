/**
 * While the window loads, the core readies the events table's first page, so the first rows do
 * not wait for the sort; doing so is not the analyst's request (background work still waits for
 * their first one) and changes no answer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { call } from './dispatch'
import { warmUpFirstScreens } from './first-screens'
import { Clock, openCore } from './backup/test-support'
import { tempDirs } from './store/test-support/fixtures'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

describe('the first screens, readied while the window loads', () => {
  it('has the first page of events sorted by date before it is asked for, without counting as a request', async () => {
    const dir = await dirs.make()
    const first = await openCore(dir, new Clock(), { starter: true })
    const expected = await call(first.api, 'events:query', {})
    await first.core.close()

    const { core, api } = await openCore(dir, new Clock())
    try {
      expect(core.events.firstPageReady).toBe(false)
      const idleBefore = core.activity.idleMs()
      warmUpFirstScreens(core)
      await expect.poll(() => core.events.firstPageReady).toBe(true)
      // The first chart's warm-up, which follows, lists the events for its markers: not a request either.
      await new Promise((r) => setTimeout(r, 50))
      expect(core.activity.idleMs()).toBeGreaterThanOrEqual(idleBefore)
      expect(await call(api, 'events:query', {})).toEqual(expected)
    } finally {
      await core.close()
    }
  })

  it('leaves the search index and the other orders until the window has asked for something and paused', async () => {
    const { core, api } = await openCore(await dirs.make(), new Clock(), { starter: true })
    try {
      warmUpFirstScreens(core)
      await expect.poll(() => core.events.firstPageReady).toBe(true)
      // The core's own lists at start armed the background warm-up; with no window yet, it waits.
      await new Promise((r) => setTimeout(r, 600))
      expect(core.events.allOrdersReady).toBe(false)
      // The window's first request, then a pause: now it runs.
      await call(api, 'app:active', {})
      await expect.poll(() => core.events.allOrdersReady, { timeout: 5000 }).toBe(true)
    } finally {
      await core.close()
    }
  })
})
