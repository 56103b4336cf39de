/**
 * Backups on demand from the app: the analyst makes one, changes something, restores it, and the
 * workspace is back as it was (the state before the restore kept as a safety backup).
 */
import { test, expect, waitReady } from '../support/fixtures'

test('back up now, change an event, restore the backup', async ({ app }) => {
  await app.getByRole('button', { name: 'Backups…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Backups' })
  // A first run has none yet, and says when the first will come.
  await expect(dialog.getByText('No backups yet. The first daily backup is made the next time Capwatch starts')).toBeVisible()
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  await expect(dialog.getByRole('cell', { name: 'Made by you' })).toBeVisible()
  // What it holds, beside the workspace as it is: just made, the two read the same.
  const now = dialog.getByRole('row', { name: /^The workspace now/ })
  const made = dialog.getByRole('row', { name: /Made by you/ })
  const counts = async (row: typeof now) => (await row.getByRole('cell').allInnerTexts()).slice(-6, -2)
  await expect(now).toBeVisible()
  expect(await counts(made)).toEqual((await now.getByRole('cell').allInnerTexts()).slice(1, 5))
  expect(Number((await counts(made))[0].replace(/\D/g, ''))).toBeGreaterThan(0)
  await dialog.screenshot({ path: test.info().outputPath('backups-dialog.png') })
  await dialog.getByRole('button', { name: 'Close' }).first().click()

  // Delete the first event, so the restore has something to bring back.
  const count = app.getByText(/of \d+ events/)
  const before = await count.textContent()
  await app.getByRole('gridcell').first().click()
  await app.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(count).not.toHaveText(before!)

  await app.getByRole('button', { name: 'Backups…' }).click()
  await app.getByRole('dialog', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup of/ }).first().click()
  await app.getByRole('dialog', { name: 'Restore backup' }).getByRole('button', { name: 'Restore' }).click()
  await waitReady(app)
  await expect(app.getByText(/of \d+ events/)).toHaveText(before!)
  // Said, not left to guess: the page started over on the restored workspace.
  await expect(app.getByRole('status').getByText(/^Restored the backup of .+; the workspace as it was is kept as the safety backup of /)).toBeVisible()

  await app.getByRole('button', { name: 'Backups…' }).click()
  await expect(app.getByRole('dialog', { name: 'Backups' }).getByRole('cell', { name: 'Before a restore' })).toBeVisible()
})
