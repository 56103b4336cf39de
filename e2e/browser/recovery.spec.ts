/**
 * A store file found corrupt at start: the app still opens, says which file and where it was
 * moved, and restores the latest backup when asked.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from '../support/fixtures'
import { EventsPage } from '../support/events-page'
import { callApi } from '../support/api'

test('a corrupt store file is reported and the latest backup restores the workspace', async ({ app, host, request, dataDir, restartHost }) => {
  const before = await callApi(request, host, 'events:query', { limit: 1 })
  await callApi(request, host, 'backup:create', {})

  await host.stop()
  // A truncated write, as a crash or a full disk would leave it.
  await writeFile(join(dataDir, 'capwatch.json'), '{"schemaVersion": 1, "settings": {"report')
  await restartHost()

  const banner = app.getByRole('alert', { name: 'Data recovery' })
  await expect(banner).toContainText('capwatch.json could not be read and was moved to')
  await expect(banner.locator('code')).toContainText(join(dataDir, 'corrupt'))
  await banner.getByRole('button', { name: /^Restore latest backup \(.+\)$/ }).click()
  await app.getByRole('dialog', { name: 'Restore latest backup' }).getByRole('button', { name: 'Restore' }).click()

  await expect(banner).toHaveCount(0)
  const events = new EventsPage(app)
  await events.expectCount(before.total, before.total)
})
