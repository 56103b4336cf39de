/**
 * Shown when the core found a store file it could not read: which file, when, where it was moved
 * (it is never deleted), and the two ways on: restore the last backup from before the damage, or
 * keep working without restoring. The core reports the damage at every start until one of the two
 * is done, so this banner comes back after a restart until then.
 */
import { useEffect, useState } from 'react'
import type { AppInfo, BackupInfo, StoreProblem } from '../../../shared/api'
import { api } from '../api/client'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { errorText, isUnavailable } from '../components/error-text'
import { formatDateTime } from '../components/format'
import { whatFileHeld } from './damaged-file'
import { restoreAndRestart } from './restart-after-restore'

/** The newest backup made before the earliest damage: a later one lacks what was lost. */
function lastGoodBackup(list: BackupInfo[], problems: StoreProblem[]): BackupInfo | null {
  const since = problems.reduce((min, p) => (p.foundAt < min ? p.foundAt : min), problems[0]?.foundAt ?? '')
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).find((b) => !since || b.createdAt < since) ?? null
}

export function RecoveryBanner({ info }: { info: AppInfo }) {
  const [good, setGood] = useState<BackupInfo | null | undefined>(undefined)
  const [listError, setListError] = useState<unknown>(null)
  const [confirm, setConfirm] = useState<'restore' | 'dismiss' | null>(null)
  const [dismissed, setDismissed] = useState(false)
  useEffect(() => {
    api['backup:list']({}).then(
      (list) => setGood(lastGoodBackup(list, info.problems)),
      (e: unknown) => {
        setGood(null)
        setListError(e)
      }
    )
  }, [info.problems])
  if (info.problems.length === 0 || dismissed) return null
  const them = info.problems.length === 1 ? 'it' : 'them'
  return (
    <div className="banner banner-warning" role="alert" aria-label="Data recovery">
      <div className="banner-text">
        {info.problems.map((p) => (
          <div key={p.movedTo}>
            <p>
              <strong>{p.file}</strong> could not be read when Capwatch started on {formatDateTime(p.foundAt)}. It held {whatFileHeld(p.file)}. Capwatch is
              working without {them}; nothing was deleted.
            </p>
            {/* The reader's message and where the file went: for whoever digs in, not in the way. */}
            <details className="banner-detail">
              <summary>Details</summary>
              {/* The core's message says where the file went (movedTo). */}
              <p>{p.message}</p>
            </details>
          </div>
        ))}
        {good === null && (
          <p>{listError && !isUnavailable(listError) ? `Backups could not be listed: ${errorText(listError)}` : 'There is no backup from before the damage.'}</p>
        )}
        <p className="banner-detail">This notice comes back at every start until you restore a backup or choose to keep working without restoring.</p>
      </div>
      <div className="banner-actions">
        {good && (
          <button type="button" className="btn btn-primary" onClick={() => setConfirm('restore')}>
            Restore last good backup ({formatDateTime(good.createdAt)})
          </button>
        )}
        <button type="button" className="btn" onClick={() => setConfirm('dismiss')}>
          Keep working without restoring
        </button>
      </div>
      {confirm === 'restore' && good && (
        <ConfirmDialog
          title="Restore last good backup"
          confirmLabel="Restore"
          onClose={() => setConfirm(null)}
          onConfirm={() => restoreAndRestart(good)}
        >
          <p>
            Replace the current workspace with the backup of <strong>{formatDateTime(good.createdAt)}</strong>, the last one made before the
            damage? Changes made since then are undone; the current state is kept as a safety backup first.
          </p>
        </ConfirmDialog>
      )}
      {confirm === 'dismiss' && (
        <ConfirmDialog
          title="Keep working without restoring"
          confirmLabel="Keep working"
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            await api['backup:dismissProblems']({})
            setDismissed(true)
          }}
        >
          <p>
            What {info.problems.length === 1 ? 'the damaged file held stays' : 'the damaged files held stays'} out of the workspace, and Capwatch
            stops reporting {them}. The damaged {info.problems.length === 1 ? 'file stays' : 'files stay'} in the corrupt folder of the data
            directory.
          </p>
          <p>
            Until now the daily backups from before the damage were kept; from now on daily backups rotate as usual (the seven newest are
            kept), so those go as newer ones are made. Backups you make yourself are never removed.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
