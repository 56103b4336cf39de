/**
 * Shown when the core found a store file it could not read: which file, when, where it was moved
 * (it is never deleted), and the two ways on: restore the last backup from before the damage, or
 * keep working without restoring. The core reports the damage at every start until one of the two
 * is done, so this banner comes back after a restart until then.
 */
import { useEffect, useState } from 'react'
import type { AppInfo, BackupInfo, StoreProblem, WorkspaceCounts } from '../../../shared/api'
import { differencesInWords } from '../../../shared/workspace-counts'
import { api } from '../api/client'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { errorText, isUnavailable } from '../components/error-text'
import { formatCount, formatDateTime, formatDateTimeSeconds } from '../components/format'
import { whatFileHeld } from './damaged-file'
import { HoldingsComparison, holdsInWords } from './HoldingsComparison'
import { restoreAndRestart } from './restart-after-restore'

/** The newest backup made before the earliest damage: a later one lacks what was lost. */
function lastGoodBackup(list: BackupInfo[], problems: StoreProblem[]): BackupInfo | null {
  const since = problems.reduce((min, p) => (p.foundAt < min ? p.foundAt : min), problems[0]?.foundAt ?? '')
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).find((b) => !since || b.createdAt < since) ?? null
}

/** "Backup of 29 Nov 2026, 16:02: 55 events, 120 notes, 30 companies, 12 price series (17 more companies than now)." */
function backupInWords(good: BackupInfo, now: WorkspaceCounts): string {
  const made = `Backup of ${formatDateTime(good.createdAt)}`
  if (!good.holds) return `${made}: what it holds was not recorded (an older backup).`
  // "now" is this start (AppInfo); the confirmation counts again when it opens.
  const diff = differencesInWords(good.holds, now, formatCount)
  return `${made}: ${holdsInWords(good.holds)} (${diff ? `${diff} than now` : 'the same counts as now'}).`
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
    <div className="banner banner-warning recovery-banner" role="alert" aria-label="Data recovery">
      {/* One summary line and the actions, so the banner stays small above the screen; the rest
          (the reader's message, where the file was kept) is behind "Details". */}
      <div className="banner-text">
        <p>
          {info.problems.map((p, i) => (
            <span key={p.movedTo}>
              {i > 0 && ' '}
              <strong>{p.file}</strong> could not be read at start ({formatDateTime(p.foundAt)}). Missing until restored: {whatFileHeld(p.file)}.
            </span>
          ))}{' '}
          {good === null &&
            (listError && !isUnavailable(listError) ? `Backups could not be listed: ${errorText(listError)}.` : 'There is no backup from before the damage.')}
          {/* What the restore would bring back, against what the damaged workspace still has: the
              analyst sees whether restoring loses work before opening the confirmation. In the
              same paragraph, so the banner stays a few lines high. */}
          {good && backupInWords(good, info.holds)}
        </p>
        <details className="banner-detail">
          <summary>Details</summary>
          {info.problems.map((p) => (
            // The core's message ends with where the file was kept (movedTo): the path is said once.
            <p key={p.movedTo}>{p.message}.</p>
          ))}
          <p>
            Nothing was deleted. Capwatch works without {them}, and this notice comes back at every start until you restore a backup or
            choose to keep working without restoring.
          </p>
        </details>
      </div>
      {/* Stacked, the actions leave the summary most of the width: it wraps to fewer lines. The
          banner styles are the shell's (shell.css), so this one-off layout stays here. */}
      <div className="banner-actions" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
        {good && (
          <button type="button" className="btn btn-primary" onClick={() => setConfirm('restore')}>
            Restore last good backup
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
            Replace the current workspace with the backup of <strong>{formatDateTimeSeconds(good.createdAt)}</strong>, the last one made before the
            damage? Changes made since then are undone; the current state is kept as a safety backup first.
          </p>
          <HoldingsComparison backup={good.holds} />
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
