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
  await app.setViewportSize({ width: 1280, height: 800 })
  const before = await callApi(request, host, 'events:query', { limit: 1 })
  const companies = (await callApi(request, host, 'companies:list', {})).length
  const made = await callApi(request, host, 'backup:create', {})
  // What the backup holds is what the workspace held: counted by the core, checked here by the API.
  expect(made.holds).toMatchObject({ events: before.total, companies })
  const { notes, priceSeries } = made.holds!

  await host.stop()
  // A truncated write, as a crash or a full disk would leave it.
  await writeFile(join(dataDir, 'capwatch.json'), '{"schemaVersion": 1, "settings": {"report')
  await restartHost()

  const banner = app.getByRole('alert', { name: 'Data recovery' })
  await expect(banner).toContainText('capwatch.json could not be read at start (')
  // What is missing, in words: an empty Companies screen is the damage, not a fresh start.
  await expect(banner).toContainText(
    'Missing until restored: all companies, their listings and share schedules, the settings, and the list of imported price series (the price files themselves are intact).'
  )
  // What the backup would bring back, beside what the damaged workspace still has: the meta's
  // loss shows as companies (and the list of price series) missing now, the events kept.
  await expect(banner).toContainText(
    new RegExp(
      `Backup of [^:]+:\\d\\d[^:]*: ${before.total} events, ${notes} notes, ${companies} companies, ${priceSeries} price series ` +
        `\\(${companies} more companies${priceSeries ? ` and ${priceSeries} more price series` : ''} than now\\)\\.`
    )
  )
  // No raw ISO timestamp in the banner: one date format, as the Backups dialog shows it.
  await expect(banner).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/)
  // Compact at 1280x800 with the way back in view.
  const restore = banner.getByRole('button', { name: 'Restore last good backup' })
  await expect(restore).toBeInViewport()
  expect((await banner.boundingBox())?.height ?? 0).toBeLessThanOrEqual(100)
  await app.screenshot({ path: test.info().outputPath('meta-damaged.png') })
  await banner.screenshot({ path: test.info().outputPath('recovery-banner.png') })
  // The empty Companies screen says why it is empty instead of only inviting re-typing.
  await app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Companies', exact: true }).click()
  await expect(app.getByText('The companies file was damaged at start: restore the backup from the banner above.')).toBeVisible()
  await app.screenshot({ path: test.info().outputPath('meta-damaged-companies.png') })
  await banner.getByText('Details').click()
  // Where the damaged file was kept is said once.
  const detailText = (await banner.locator('details').innerText()).split(join(dataDir, 'corrupt')).length - 1
  expect(detailText).toBe(1)
  await app.screenshot({ path: test.info().outputPath('meta-damaged-details.png') })
  await restore.click()
  const confirm = app.getByRole('dialog', { name: 'Restore last good backup' })
  // Row by row, at the moment of deciding: what the restore brings back and what it replaces.
  const compare = confirm.getByRole('table', { name: 'What the backup holds and what the workspace holds now' })
  await expect(compare.getByRole('row', { name: /^Companies/ })).toHaveText(`Companies${companies}0`)
  await expect(compare.getByRole('row', { name: /^Events\b/ })).toHaveText(`Events${before.total}${before.total}`)
  await app.screenshot({ path: test.info().outputPath('restore-confirm.png') })
  await confirm.getByRole('button', { name: 'Restore' }).click()

  await expect(banner).toHaveCount(0)
  const events = new EventsPage(app)
  await events.expectCount(before.total, before.total)
  // The restore dealt with the damage: the next start does not bring the notice back.
  await restartHost()
  await events.expectCount(before.total, before.total)
  await expect(banner).toHaveCount(0)
})

test('a damaged shard is reported after every restart until the analyst keeps working without restoring', async ({ app, host, request, dataDir, restartHost }) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  const before = await callApi(request, host, 'events:query', { limit: 1 })
  await host.stop()
  const shard = await fullestShard(dataDir)
  await writeFile(join(dataDir, shard.file), '')

  const banner = app.getByRole('alert', { name: 'Data recovery' })
  for (const start of ['first', 'second']) {
    await restartHost()
    await expect(banner, `${start} start`).toContainText(`${shard.file} could not be read at start (`)
    await expect(banner, `${start} start`).toContainText('Missing until restored: some events and their notes.')
    await expect(banner, `${start} start`).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/)
    // Backups made since the damage (the daily one may be) lack what was lost: none is offered.
    await expect(banner, `${start} start`).toContainText('There is no backup from before the damage.')
  }
  expect((await banner.boundingBox())?.height ?? 0).toBeLessThanOrEqual(100)
  await app.screenshot({ path: test.info().outputPath('shard-damaged.png') })

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
