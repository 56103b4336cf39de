/**
 * Shown when the core found a store file it could not read at start: which file, where it was
 * moved (it is never deleted), and the way back: restore the latest backup.
 */
import { useEffect, useState } from 'react'
import type { AppInfo, BackupInfo } from '../../../shared/api'
import { api } from '../api/client'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { errorText, isUnavailable } from '../components/error-text'
import { formatDateTime } from '../components/format'

export function RecoveryBanner({ info }: { info: AppInfo }) {
  const [latest, setLatest] = useState<BackupInfo | null | undefined>(undefined)
  const [listError, setListError] = useState<unknown>(null)
  const [confirm, setConfirm] = useState(false)
  useEffect(() => {
    api['backup:list']({}).then(
      (list) => setLatest([...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0] ?? null),
      (e: unknown) => {
        setLatest(null)
        setListError(e)
      }
    )
  }, [])
  if (info.problems.length === 0) return null
  return (
    <div className="banner banner-warning" role="alert" aria-label="Data recovery">
      <div className="banner-text">
        {info.problems.map((p) => (
          <div key={p.file}>
            <p>
              <strong>{p.file}</strong> could not be read and was moved to <code>{p.movedTo}</code> (nothing was deleted). Capwatch opened
              without it.
            </p>
            <p className="banner-detail">Details: {p.message}</p>
          </div>
        ))}
        {latest === null && (
          <p>{listError && !isUnavailable(listError) ? `Backups could not be listed: ${errorText(listError)}` : 'There is no backup to restore.'}</p>
        )}
      </div>
      {latest && (
        <div className="banner-actions">
          <button type="button" className="btn btn-primary" onClick={() => setConfirm(true)}>
            Restore latest backup ({formatDateTime(latest.createdAt)})
          </button>
        </div>
      )}
      {confirm && latest && (
        <ConfirmDialog
          title="Restore latest backup"
          confirmLabel="Restore"
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            await api['backup:restore']({ id: latest.id })
            // Every screen reads from the restored store: start over.
            window.location.reload()
          }}
        >
          <p>
            Replace the current workspace with the backup of <strong>{formatDateTime(latest.createdAt)}</strong>? The current state is kept as a
            safety backup first.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
