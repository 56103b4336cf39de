/**
 * Share schedule per listing: choose a company and one of its listings, edit its rows, save them
 * through shares:set. Market cap on a date uses the row in force then (IMPACT.md).
 */
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../../api/client'
import type { CompanyRow } from '../../../../../shared/api'
import { ApiError } from '../../../../../shared/errors'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorNote } from '../shared/ErrorNote'
import { ShareTable } from './ShareTable'
import { newKey, toDraft, validateRows, type DraftShareRow } from './share-rows'

interface Props {
  companies: CompanyRow[] | undefined
  onSaved: () => void
}

export function ShareSchedule({ companies, onSaved }: Props) {
  const listed = useMemo(() => (companies ?? []).filter((c) => c.listings.length > 0), [companies])
  const [companyId, setCompanyId] = useState('')
  const [ticker, setTicker] = useState('')
  const [rows, setRows] = useState<DraftShareRow[]>([])
  const [dirty, setDirty] = useState(false)
  const [showProblems, setShowProblems] = useState(false)
  const [serverProblems, setServerProblems] = useState<Map<string, string[]>>(new Map())
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // A switch of company or listing asked for while rows are unsaved: confirmed before it happens.
  const [pending, setPending] = useState<{ companyId: string; ticker: string } | null>(null)

  const company = listed.find((c) => c.id === companyId)
  const listing = company?.listings.find((l) => l.ticker === ticker)
  const switchTo = (next: { companyId: string; ticker: string }) => {
    if (dirty) return setPending(next)
    setCompanyId(next.companyId)
    setTicker(next.ticker)
  }

  // Load the stored rows when the listing changes (not when the company list refreshes after a
  // save elsewhere, which would throw away edits in progress).
  const storedKey = `${companyId}|${ticker}`
  useEffect(() => {
    setRows(listing ? toDraft(listing.shares) : [])
    setDirty(false)
    setShowProblems(false)
    setServerProblems(new Map())
    setSaved(null)
    setError(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey])

  const validated = useMemo(() => validateRows(rows), [rows])
  const problems = showProblems ? mergeProblems(validated.problems, serverProblems) : serverProblems

  const update = (key: string, field: 'date' | 'shares' | 'source', value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)))
    setDirty(true)
    setSaved(null)
    setServerProblems(new Map())
  }

  const save = async () => {
    setShowProblems(true)
    setError(null)
    if (!listing || validated.problems.size > 0) return
    setSaving(true)
    try {
      await api['shares:set']({ ticker: listing.ticker, rows: validated.rows })
      // Shown as stored from now on: by date, counts grouped, as on the next visit.
      setRows(toDraft(validated.rows))
      setDirty(false)
      setSaved(`Saved ${validated.rows.length} row${validated.rows.length === 1 ? '' : 's'} for ${listing.ticker}.`)
      onSaved()
    } catch (e) {
      setError(e)
      setServerProblems(problemsFromServer(e, rows, validated.rows))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="md-card" aria-label="Share schedule">
      <header className="md-card-head">
        <h3>Share schedule</h3>
      </header>
      <div className="md-row">
        <label>
          Company
          <select
            aria-label="Company"
            value={companyId}
            onChange={(e) => {
              const c = listed.find((x) => x.id === e.target.value)
              switchTo({ companyId: e.target.value, ticker: c?.listings[0]?.ticker ?? '' })
            }}
          >
            <option value="">— choose —</option>
            {listed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Listing
          <select aria-label="Listing" value={ticker} onChange={(e) => switchTo({ companyId, ticker: e.target.value })} disabled={!company}>
            {(company?.listings ?? []).map((l) => (
              <option key={l.ticker} value={l.ticker}>
                {l.ticker} {l.exchange ? `(${l.exchange}, ${l.currency})` : `(${l.currency})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {listing && (
        <>
          <p className="md-hint">
            On each date the row with the latest effective date on or before it applies; before the first row, the first row applies.
          </p>
          <ShareTable
            rows={rows}
            problems={problems}
            onUpdate={update}
            onDelete={(key) => {
              setRows((rs) => rs.filter((r) => r.key !== key))
              setDirty(true)
              setSaved(null)
            }}
          />
          <div className="md-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setRows((rs) => [...rs, { key: newKey(), date: '', shares: '', source: '' }])
                setDirty(true)
              }}
            >
              Add row
            </button>
            <button type="button" className="btn btn-primary" disabled={!dirty || saving} onClick={save}>
              Save shares
            </button>
            {saved && (
              <span role="status" className="md-ok">
                {saved}
              </span>
            )}
            {showProblems && validated.problems.size > 0 && (
              <span className="md-bad" role="alert">
                Fix the {validated.problems.size === 1 ? 'row' : `${validated.problems.size} rows`} marked above; nothing was saved.
              </span>
            )}
          </div>
        </>
      )}
      <ErrorNote error={error} title="Shares not saved" />
      {pending && (
        <ConfirmDialog
          title="Discard unsaved share rows?"
          confirmLabel="Discard changes"
          danger
          onClose={() => setPending(null)}
          onConfirm={async () => {
            setCompanyId(pending.companyId)
            setTicker(pending.ticker)
          }}
        >
          <p>The rows you changed for {listing?.ticker ?? 'this listing'} are not saved. Save them first, or discard them.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function mergeProblems(a: Map<string, string[]>, b: Map<string, string[]>): Map<string, string[]> {
  if (b.size === 0) return a
  const out = new Map(a)
  for (const [k, v] of b) out.set(k, [...(out.get(k) ?? []), ...v])
  return out
}

/** The core names rows by their index in what was sent (`rows.2.shares`): map back to table rows. */
function problemsFromServer(e: unknown, draft: DraftShareRow[], sent: { date: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!(e instanceof ApiError)) return out
  for (const issue of e.issues ?? []) {
    const m = /^rows\.(\d+)(?:\.(\w+))?/.exec(issue.path)
    if (!m) continue
    const date = sent[+m[1]]?.date
    const row = draft.find((d) => d.date.trim() === date)
    if (row) out.set(row.key, [...(out.get(row.key) ?? []), `${m[2] ?? 'row'}: ${issue.message}`])
  }
  return out
}
