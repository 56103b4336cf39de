/** The progress of a running import job; indeterminate until the core reports a total. */
import type { JobState } from './useJob'

export function ProgressBar({ job }: { job: JobState }) {
  const p = job.progress
  const known = p != null && p.total > 0
  const pctDone = known ? Math.min(100, Math.round((p.done / p.total) * 100)) : undefined
  return (
    <div className="md-progress" role="status" aria-live="polite">
      <span>
        {job.label}
        {p?.phase ? ` — ${p.phase}` : ''}
        {known ? ` (${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}, ${pctDone} %)` : '…'}
      </span>
      {/* Without a known total the bar is indeterminate rather than stuck at zero. */}
      <progress aria-label={job.label} max={100} value={pctDone} />
    </div>
  )
}
