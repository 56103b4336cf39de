import { useEffect, useState } from 'react'
import type { WorkspaceCounts } from '../../../shared/api'
import { api } from '../api/client'

/**
 * What the workspace holds as saved, asked when the caller mounts: a restore confirmation sets it
 * beside the backup's, so the figures are those of the moment the analyst decides.
 */
export function useSavedCounts(): WorkspaceCounts | null {
  const [counts, setCounts] = useState<WorkspaceCounts | null>(null)
  useEffect(() => {
    let live = true
    api['app:info']({}).then(
      (info) => live && setCounts(info.holds),
      // Without them the comparison shows the backup's side only; the restore itself still works.
      (e: unknown) => console.error('backups: could not read what the workspace holds:', e)
    )
    return () => {
      live = false
    }
  }, [])
  return counts
}
