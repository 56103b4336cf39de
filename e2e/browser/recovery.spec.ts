/**
 * A store file found corrupt at start: the app still opens, says which file and where it was
 * moved, and keeps saying so at every start until the analyst restores the last good backup or
 * chooses to keep working without restoring.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

/** The event shard holding the most events (what a truncation loses). */
async function fullestShard(dataDir: string): Promise<{ file: string; events: number }> {
  let best = { file: '', events: -1 }
  for (const name of await readdir(join(dataDir, 'events'))) {
    const n = (JSON.parse(await readFile(join(dataDir, 'events', name), 'utf8')) as { events: unknown[] }).events.length
    if (n > best.events) best = { file: `events/${name}`, events: n }
  }
  return best
}

test('a corrupt store file is reported and the last good backup restores the workspace', async ({ app, host, request, dataDir, restartHost }) => {
  const before = await callApi(request, host, 'events:query', { limit: 1 })
  await callApi(request, host, 'backup:create', {})

  await host.stop()
  // A truncated write, as a crash or a full disk would leave it.
  await writeFile(join(dataDir, 'capwatch.json'), '{"schemaVersion": 1, "settings": {"report')
  await restartHost()

  const banner = app.getByRole('alert', { name: 'Data recovery' })
  await expect(banner).toContainText('capwatch.json could not be read when Capwatch started on')
  // What is missing, in words: an empty Companies screen is the damage, not a fresh start.
  await expect(banner).toContainText('It held all companies with their listings and share schedules')
  await banner.getByText('Details').click()
  await expect(banner).toContainText(join(dataDir, 'corrupt'))
  await banner.screenshot({ path: test.info().outputPath('recovery-banner-restore.png') })
  await banner.getByRole('button', { name: /^Restore last good backup \(.+\)$/ }).click()
  await app.getByRole('dialog', { name: 'Restore last good backup' }).getByRole('button', { name: 'Restore' }).click()

  await expect(banner).toHaveCount(0)
  const events = new EventsPage(app)
  await events.expectCount(before.total, before.total)
  // The restore dealt with the damage: the next start does not bring the notice back.
  await restartHost()
  await events.expectCount(before.total, before.total)
  await expect(banner).toHaveCount(0)
})

test('a damaged shard is reported after every restart until the analyst keeps working without restoring', async ({ app, host, request, dataDir, restartHost }) => {
  const before = await callApi(request, host, 'events:query', { limit: 1 })
  await host.stop()
  const shard = await fullestShard(dataDir)
  await writeFile(join(dataDir, shard.file), '')

  const banner = app.getByRole('alert', { name: 'Data recovery' })
  for (const start of ['first', 'second']) {
    await restartHost()
    await expect(banner, `${start} start`).toContainText(`${shard.file} could not be read`)
    await expect(banner, `${start} start`).toContainText('It held some of the events')
    // Backups made since the damage (the daily one may be) lack what was lost: none is offered.
    await expect(banner, `${start} start`).toContainText('There is no backup from before the damage.')
  }
  await banner.screenshot({ path: test.info().outputPath('recovery-banner.png') })

  await banner.getByRole('button', { name: 'Keep working without restoring' }).click()
  await app.getByRole('dialog', { name: 'Keep working without restoring' }).getByRole('button', { name: 'Keep working' }).click()
  await expect(banner).toHaveCount(0)

  await restartHost()
  const events = new EventsPage(app)
  await events.expectCount(before.total - shard.events, before.total - shard.events)
  await expect(banner).toHaveCount(0)
  // The damaged bytes are still kept.
  expect(await readdir(join(dataDir, 'corrupt'))).toHaveLength(1)
})
