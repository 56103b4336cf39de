/**
 * What a backup holds beside what the workspace holds now, row by row: before a restore replaces
 * the workspace, the analyst sees what it brings back and what it would undo. A backup made
 * before Capwatch recorded its contents says so instead of showing figures it does not have.
 */
import type { WorkspaceCounts } from '../../../shared/api'
import { countsInWords } from '../../../shared/workspace-counts'
import { formatCount, formatShortDate } from '../components/format'
import { useSavedCounts } from './useSavedCounts'

export const NOT_RECORDED = 'What it holds was not recorded (it was made by an older Capwatch).'

/** "55 events, 120 notes, 30 companies, 12 price series" in the app's number format. */
export function holdsInWords(holds: WorkspaceCounts): string {
  return countsInWords(holds, formatCount)
}

/** A day read as local midnight, so no time zone moves it; '—' without events. */
function day(iso: string | undefined): string {
  return iso ? formatShortDate(`${iso}T00:00:00`) : '—'
}

const ROWS: [string, (c: WorkspaceCounts) => string][] = [
  ['Events', (c) => formatCount(c.events)],
  ['Notes', (c) => formatCount(c.notes)],
  ['Companies', (c) => formatCount(c.companies)],
  ['Price series', (c) => formatCount(c.priceSeries)],
  ['First event', (c) => day(c.firstEvent)],
  ['Last event', (c) => day(c.lastEvent)]
]

export function HoldingsComparison({ backup }: { backup: WorkspaceCounts | undefined }) {
  const now = useSavedCounts()
  if (!backup) return <p className="muted">{NOT_RECORDED}</p>
  return (
    <table className="backups-table holdings-table" aria-label="What the backup holds and what the workspace holds now">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">What</span>
          </th>
          <th scope="col" className="num">
            In the backup
          </th>
          <th scope="col" className="num">
            In the workspace now
          </th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{value(backup)}</td>
            <td className="num">{now ? value(now) : '…'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
