/**
 * Background work (the search index and sort orders, the daily backup) waits for the analyst to
 * pause. Any call counts as work, and so does `app:active`, which the window sends while the
 * analyst scrolls through rows it already has or types, so a fling is not taken for a pause.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Activity } from './activity'
import { call } from './dispatch'
import { Clock, openCore } from './backup/test-support'
import { tempDirs } from './store/test-support/fixtures'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('waiting for the analyst to pause', () => {
  it('a quiet spell comes only after that long without a request, and ends at once when the core stops', async () => {
    const activity = new Activity()
    let quiet: boolean | null = null
    void activity.quietSpell(120).then((q) => (quiet = q))
    for (let i = 0; i < 5; i++) {
      await sleep(50)
      activity.touch()
    }
    expect(quiet).toBeNull()
    await sleep(200)
    expect(quiet).toBe(true)

    const waiting = activity.quietSpell(60_000)
    activity.stop()
    expect(await waiting).toBe(false)
  })

  it('app:active tells the core the analyst is at work, and changes nothing else', async () => {
    const { core, api } = await openCore(await dirs.make(), new Clock(), { starter: true })
    try {
      const before = JSON.stringify(await call(api, 'events:query', {}))
      await sleep(150)
      expect(core.activity.idleMs()).toBeGreaterThanOrEqual(100)
      expect(await call(api, 'app:active', {})).toEqual({})
      expect(core.activity.idleMs()).toBeLessThan(50)
      expect(JSON.stringify(await call(api, 'events:query', {}))).toBe(before)
    } finally {
      await core.close()
    }
  })
})
