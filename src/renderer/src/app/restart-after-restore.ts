/**
 * After a restore every screen must read the restored store, so the page starts over; the
 * analyst is then told what happened (a toast after the reload), not left to guess whether
 * anything did. The message waits in this tab's session storage across the reload.
 */
import type { BackupInfo } from '../../../shared/api'
import { api } from '../api/client'
import { formatDateTime } from '../components/format'

const KEY = 'capwatch.afterReload'

export async function restoreAndRestart(backup: Pick<BackupInfo, 'id' | 'createdAt'>): Promise<void> {
  const { safetyBackup } = await api['backup:restore']({ id: backup.id })
  const kept = safetyBackup ? `; the workspace as it was is kept as the safety backup of ${formatDateTime(safetyBackup.createdAt)}` : ''
  sessionStorage.setItem(KEY, `Restored the backup of ${formatDateTime(backup.createdAt)}${kept}`)
  window.location.reload()
}

/** The message left by restoreAndRestart, once. */
export function takeRestartMessage(): string | null {
  const message = sessionStorage.getItem(KEY)
  sessionStorage.removeItem(KEY)
  return message
}
