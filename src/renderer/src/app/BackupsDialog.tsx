/**
 * Backups, on demand: the list of backups the core keeps (daily ones rotate, manual ones stay),
 * a button to make one now, and a restore for each (the current state is kept as a safety
 * backup first, by the core).
 */
import { useCallback, useEffect, useState } from 'react'
import type { BackupInfo, WorkspaceCounts } from '../../../shared/api'
import { api } from '../api/client'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Dialog } from '../components/Dialog'
import { errorText } from '../components/error-text'
import { formatCount, formatDateTimeSeconds } from '../components/format'
import { restoreAndRestart } from './restart-after-restore'
import { HoldingsComparison } from './HoldingsComparison'
import { useSavedCounts } from './useSavedCounts'

const REASONS: Record<BackupInfo['reason'], string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an update'
}

function size(bytes: number): string {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} KB` : `${(bytes / 1e6).toFixed(1)} MB`
}

function Counts({ holds }: { holds: WorkspaceCounts }) {
  return (
    <>
      <td className="num">{formatCount(holds.events)}</td>
      <td className="num">{formatCount(holds.notes)}</td>
      <td className="num">{formatCount(holds.companies)}</td>
      <td className="num">{formatCount(holds.priceSeries)}</td>
    </>
  )
}

export function BackupsDialog({ dataDir, onClose }: { dataDir?: string; onClose: () => void }) {
  const [list, setList] = useState<BackupInfo[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)
  const now = useSavedCounts()
  const refresh = useCallback(() => {
    api['backup:list']({}).then(setList, setError)
  }, [])
  useEffect(refresh, [refresh])

  const backUp = async () => {
    setBusy(true)
    setError(null)
    try {
      await api['backup:create']({})
      refresh()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  // The confirmation is a sibling, not a child: a dialog's form inside another's would submit the outer one.
  return (
    <>
      <Dialog
        title="Backups"
        onClose={onClose}
        className="backups-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void backUp()} disabled={busy}>
              {busy ? 'Backing up…' : 'Back up now'}
            </button>
          </>
        }
      >
        <p className="muted">
          Capwatch backs up your workspace once a day and keeps the last seven daily backups; while a file found damaged at start is not yet
          dealt with, it also keeps every backup from before the damage. Backups you make are never removed by Capwatch: they are files in{' '}
          {dataDir ? <code>{`${dataDir}/backups`}</code> : 'the backups folder of your workspace'}, to copy elsewhere or delete as you see fit.
        </p>
        {error !== null && (
          <p className="field-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {list === null ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <p>No backups yet. The first daily backup is made the next time Capwatch starts; “Back up now” makes one at once.</p>
        ) : (
          <table className="backups-table">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col" className="num">
                  Notes
                </th>
                <th scope="col" className="num">
                  Companies
                </th>
                <th scope="col" className="num">
                  Price series
                </th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {/* The workspace as it is, first: each backup's figures read against it. */}
              {now && (
                <tr className="holdings-now">
                  <td colSpan={2}>The workspace now</td>
                  <Counts holds={now} />
                  <td colSpan={2} />
                </tr>
              )}
              {list.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTimeSeconds(b.createdAt)}</td>
                  <td>{REASONS[b.reason]}</td>
                  {b.holds ? (
                    <Counts holds={b.holds} />
                  ) : (
                    <td colSpan={4} className="muted">
                      Not recorded (an older backup)
                    </td>
                  )}
                  <td className="num">{size(b.bytes)}</td>
                  <td>
                    <button type="button" className="btn btn-small" aria-label={`Restore the backup of ${formatDateTimeSeconds(b.createdAt)}`} onClick={() => setRestoring(b)}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Dialog>
      {restoring && (
        <ConfirmDialog
          title="Restore backup"
          confirmLabel="Restore"
          onClose={() => setRestoring(null)}
          onConfirm={() => restoreAndRestart(restoring)}
        >
          <p>
            Replace the current workspace with the backup of <strong>{formatDateTimeSeconds(restoring.createdAt)}</strong>? The current state is kept
            as a safety backup first.
          </p>
          <HoldingsComparison backup={restoring.holds} />
        </ConfirmDialog>
      )}
    </>
  )
}
