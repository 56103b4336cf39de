/**
 * What to do about damage found at start, in one log line printed after the store's own lines
 * (one per damaged file) at every start until it is dealt with: the latest backup from before the
 * damage and the command that restores it, or the command that keeps working without. The CLI
 * and the browser host print it on stderr; the desktop app writes it to its log and shows the
 * same choice in its banner.
 */
import type { Core } from '../core'
import { CORRUPT_DIR } from '../store/schema'
import { countsInWords } from '../../../shared/workspace-counts'
import { backupService } from './service'

/** The advice, or null when nothing is damaged. */
export async function recoveryAdvice(core: Core): Promise<string | null> {
  const problems = core.store.problems
  if (problems.length === 0) return null
  const good = await backupService(core).latestGood()
  const capwatch = `capwatch --data-dir ${shellWord(core.dataDir)}`
  const what = problems.length === 1 ? `${problems[0].file} is` : `${problems.length} damaged files are`
  const dismiss = `${capwatch} recovery dismiss`
  const head = `store/recovery: ${what} missing from the workspace (kept in ${shellWord(`${core.dataDir}/${CORRUPT_DIR}`)}/); this warning repeats at every start until you`
  if (!good) return `${head} keep working without ${problems.length === 1 ? 'it' : 'them'}: ${dismiss} (there is no backup from before the damage to restore)`
  // What restoring brings back, against what is left: said only when the backup recorded it.
  const holds = good.holds ? `; it holds ${countsInWords(good.holds)}, the workspace now ${countsInWords(core.store.savedCounts())}` : ''
  return (
    `${head} restore the latest backup from before the damage, made ${good.createdAt}: ${capwatch} restore ${shellWord(good.id)} ` +
    `(the current state is backed up first${holds}), or keep working without ${problems.length === 1 ? 'it' : 'them'}: ${dismiss}`
  )
}

/** A path as one shell word, so the printed command can be pasted as it is. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`
}
