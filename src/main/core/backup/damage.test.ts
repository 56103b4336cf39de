/**
 * A damaged store file found at start: the analyst is told at every start (CLI warning, app:info,
 * the app's banner) which file, and the way back: the latest backup from before the damage and
 * the command that restores it. It stays so until they restore or choose to keep working without,
 * and meanwhile the daily backups never rotate the good ones away.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { call } from '../dispatch'
import { backupService } from './service'
import { Clock, openCore } from './test-support'
import { tempDirs } from '../store/test-support/fixtures'
import { runCli } from '../../cli/main'

const dirs = tempDirs('capwatch-damage-')
afterEach(() => dirs.cleanup())

async function cli(dir: string, ...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

const eventCount = async (dir: string) => (JSON.parse((await cli(dir, 'events', 'list', '--json')).out.join('\n')) as unknown[]).length

/** The shard holding the most events of the starter workspace (what truncation loses). */
async function fullestShard(dir: string): Promise<string> {
  let best = { file: '', events: -1 }
  for (const name of await readdir(join(dir, 'events'))) {
    const n = (JSON.parse(await readFile(join(dir, 'events', name), 'utf8')) as { events: unknown[] }).events.length
    if (n > best.events) best = { file: `events/${name}`, events: n }
  }
  return best.file
}

describe('capwatch on a damaged workspace', () => {
  it('warns at every start, naming the latest good backup and the command that restores it', async () => {
    const dir = await dirs.make()
    await cli(dir, 'events', 'list') // first run: the starter workspace
    await cli(dir, 'events', 'list') // second run: the daily backup
    const [daily] = JSON.parse((await cli(dir, 'backup', 'list', '--json')).out.join('\n')) as { id: string; createdAt: string; reason: string }[]
    expect(daily.reason).toBe('daily')
    const total = await eventCount(dir)
    const shard = await fullestShard(dir)
    const lost = (JSON.parse(await readFile(join(dir, shard), 'utf8')) as { events: unknown[] }).events.length
    await writeFile(join(dir, shard), '') // truncated, as a crash or a full disk leaves it

    for (const run of [1, 2, 3]) {
      const { code, err } = await cli(dir, 'events', 'list')
      expect(code, `run ${run}`).toBe(0)
      expect(err.find((l) => l.startsWith(`store/open: ${shard}`)), `run ${run}`).toBeDefined()
      const advice = err.find((l) => l.startsWith('store/recovery:'))
      expect(advice, `run ${run}`).toContain(`${shard} is missing from the workspace`)
      expect(advice, `run ${run}`).toContain(`made ${daily.createdAt}: capwatch --data-dir ${dir} restore ${daily.id} `)
      // What the restore brings back, beside what the damaged workspace still has.
      expect(advice, `run ${run}`).toMatch(new RegExp(`; it holds ${total} events, \\d+ notes, \\d+ companies, \\d+ price series, the workspace now ${total - lost} events, `))
      expect(advice, `run ${run}`).toContain(`capwatch --data-dir ${dir} recovery dismiss`)
    }
    expect(await eventCount(dir)).toBeLessThan(total)

    // The analyst runs the command the warning gave: the events are back and the warning stops.
    const advice = (await cli(dir, 'events', 'list')).err.find((l) => l.startsWith('store/recovery:'))!
    const [, restoreArgs] = /: capwatch --data-dir \S+ (restore \S+) /.exec(advice)!
    expect((await cli(dir, ...restoreArgs.split(' '))).code).toBe(0)
    const after = await cli(dir, 'events', 'list')
    expect(after.err.filter((l) => l.startsWith('store/'))).toEqual([])
    expect(await eventCount(dir)).toBe(total)
  })

  it('says so when there is no backup from before the damage; `recovery dismiss` ends the warnings', async () => {
    const dir = await dirs.make()
    await cli(dir, 'events', 'list')
    const shard = await fullestShard(dir)
    const damaged = '{"events":[{"id":'
    await writeFile(join(dir, shard), damaged)

    const first = await cli(dir, 'events', 'list')
    expect(first.err.find((l) => l.startsWith('store/recovery:'))).toMatch(/there is no backup from before the damage to restore/)
    const second = await cli(dir, 'events', 'list')
    expect(second.err.find((l) => l.startsWith('store/recovery:'))).toMatch(/recovery dismiss/)

    const dismissed = await cli(dir, 'recovery', 'dismiss')
    expect(dismissed.code).toBe(0)
    expect(dismissed.out.at(-1)).toBe(`Dismissed 1 damaged file; it stays in ${dir}/corrupt/`)
    const later = await cli(dir, 'events', 'list')
    expect(later.err.filter((l) => l.startsWith('store/'))).toEqual([])
    // The damaged bytes are kept for whoever wants to look at them.
    const [kept] = await readdir(join(dir, 'corrupt'))
    expect(await readFile(join(dir, 'corrupt', kept), 'utf8')).toBe(damaged)
  })
})

describe('app:info on a damaged workspace (the desktop app and the browser host)', () => {
  it('lists the problem after every restart until the analyst keeps working without restoring', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    const { core, api } = await openCore(dir, clock, { starter: true })
    const good = await call(api, 'backup:create', {})
    await core.close()
    const shard = await fullestShard(dir)
    await writeFile(join(dir, shard), '{')

    const foundAt = new Set<string>()
    for (let start = 0; start < 3; start++) {
      clock.advance(24)
      const { core: c, api: a } = await openCore(dir, clock)
      const info = await call(a, 'app:info', {})
      expect(info.problems.map((p) => p.file), `start ${start}`).toEqual([shard])
      foundAt.add(info.problems[0].foundAt)
      // The backup to offer is the one made before the damage was found.
      expect((await backupService(c).latestGood())?.id).toBe(good.id)
      await c.close()
    }
    // One damage, found once: not a new one at each start.
    expect(foundAt.size).toBe(1)

    const { core: c, api: a } = await openCore(dir, clock)
    expect(await call(a, 'backup:dismissProblems', {})).toEqual({ dismissed: 1 })
    expect((await call(a, 'app:info', {})).problems).toEqual([])
    await c.close()
    const { core: next, api: nextApi } = await openCore(dir, clock)
    expect((await call(nextApi, 'app:info', {})).problems).toEqual([])
    expect(await call(nextApi, 'backup:dismissProblems', {})).toEqual({ dismissed: 0 })
    await next.close()
  })
})

describe('daily backups while damage is unresolved', () => {
  it('keep being made, and never rotate away the backups from before the damage', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    await (await openCore(dir, clock, { starter: true })).core.close()
    // Nine days of work: seven daily backups are kept.
    for (let day = 0; day < 9; day++) {
      clock.advance(24)
      await (await openCore(dir, clock, { dailyBackup: true })).core.close()
    }
    const probe = (await openCore(dir, clock)).core
    const before = (await backupService(probe).list()).filter((b) => b.reason === 'daily')
    expect(before).toHaveLength(7)
    await probe.close()

    await writeFile(join(dir, await fullestShard(dir)), '')
    // Ten more days on the damaged workspace, with a backup the analyst made after the damage.
    for (let day = 0; day < 10; day++) {
      clock.advance(24)
      const { core, api } = await openCore(dir, clock, { dailyBackup: true })
      if (day === 3) await call(api, 'backup:create', {})
      await core.close()
    }
    const { core, api } = await openCore(dir, clock)
    const dailies = (await backupService(core).list()).filter((b) => b.reason === 'daily')
    // All seven from before the damage, plus the seven newest made since.
    for (const b of before) expect(dailies.map((d) => d.id)).toContain(b.id)
    expect(dailies).toHaveLength(14)
    // The way back is the newest backup from before the damage, not the newer manual one.
    expect((await backupService(core).latestGood())?.id).toBe(before[0].id)

    // Once the analyst chooses to keep working without restoring, rotation is back to seven.
    await call(api, 'backup:dismissProblems', {})
    await core.close()
    clock.advance(24)
    await (await openCore(dir, clock, { dailyBackup: true })).core.close()
    const { core: last } = await openCore(dir, clock)
    expect((await backupService(last).list()).filter((b) => b.reason === 'daily')).toHaveLength(7)
    await last.close()
  })
})
