/**
 * The imported series: one row per ticker with its company, points, date range and source, a
 * toggle that marks it a benchmark (SPY, ^HSI, …) for the impact analysis, and "Remove…" for a
 * file imported by mistake (RemoveSeriesDialog says what goes and what stays).
 */
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import type { CompanyRow } from '../../../../shared/api'
import type { SeriesInfo, SeriesRemoval } from '../../../../shared/market'
import { useToast } from '../../components/Toast'
import { ErrorNote } from './shared/ErrorNote'
import { count } from './shared/format'
import { RemoveSeriesDialog } from './RemoveSeriesDialog'

function points(s: SeriesInfo): { total: number; detail: string } {
  const entries = Object.entries(s.counts) as [string, number][]
  const total = entries.reduce((m, [, n]) => Math.max(m, n), 0)
  return { total, detail: entries.map(([k, n]) => `${k}: ${n}`).join(', ') }
}

interface Props {
  series: SeriesInfo[] | undefined
  companies: CompanyRow[] | undefined
  onChanged: () => void
  /** After a removal: the cards holding choices of their own (benchmarks per company) start afresh. */
  onRemoved: () => void
}

/** "Alibaba Group", "Alibaba Group and SPY", "A, B and C". */
function andList(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export function SeriesTable({ series, companies, onChanged, onRemoved }: Props) {
  const toast = useToast()
  const [error, setError] = useState<unknown>(null)
  const [removing, setRemoving] = useState<SeriesInfo | null>(null)
  // Once a removed row is gone, focus goes to the Remove button that took its place (the card
  // itself when no series is left).
  const removed = useRef<{ ticker: string; index: number } | null>(null)
  const card = useRef<HTMLElement>(null)
  // The box flips at once and stays flipped while the core saves; a refusal flips it back.
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({})
  const byId = new Map((companies ?? []).map((c) => [c.id, c]))
  const isBenchmark = (s: SeriesInfo) => optimistic[s.ticker] ?? s.benchmark

  const toggle = async (s: SeriesInfo) => {
    const next = !isBenchmark(s)
    setOptimistic((o) => ({ ...o, [s.ticker]: next }))
    setError(null)
    try {
      await api['series:setBenchmark']({ ticker: s.ticker, benchmark: next })
      onChanged()
    } catch (e) {
      setError(e)
      setOptimistic(({ [s.ticker]: _gone, ...rest }) => rest)
    }
  }

  // Cancel and Esc: the dialog itself gives focus back to the button that opened it (Dialog.tsx).
  const closeDialog = () => setRemoving(null)

  const afterRemoval = (r: SeriesRemoval, index: number) => {
    removed.current = { ticker: r.ticker, index }
    // A ticker imported again later starts from what the core says, not from a flip made before.
    setOptimistic(({ [r.ticker]: _gone, ...rest }) => rest)
    const fallback = r.benchmarkOf.length ? `; ${andList(r.benchmarkOf)} ${r.benchmarkOf.length === 1 ? 'is' : 'are'} back to the default benchmark` : ''
    toast({ message: `Removed series ${r.ticker}${fallback}` })
    onRemoved()
    onChanged()
  }

  useEffect(() => {
    const gone = removed.current
    // Wait for both the reloaded list and the closed dialog (the table is inert under it).
    if (!gone || removing || !series || series.some((s) => s.ticker === gone.ticker)) return
    removed.current = null
    const buttons = card.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]') ?? []
    const next = buttons[Math.min(gone.index, buttons.length - 1)]
    ;(next ?? card.current)?.focus()
  }, [series, removing])

  // Once the reloaded list says the same, the override has done its job.
  useEffect(() => {
    setOptimistic((o) => {
      const left = Object.entries(o).filter(([t, v]) => series?.find((s) => s.ticker === t)?.benchmark !== v)
      return left.length === Object.keys(o).length ? o : Object.fromEntries(left)
    })
  }, [series])

  return (
    <section className="md-card" aria-label="Imported series" ref={card} tabIndex={-1}>
      <header className="md-card-head">
        <h3>Series and benchmarks</h3>
      </header>
      {series && series.length === 0 && <p className="md-empty">No prices imported yet. Import a file above to draw charts and measure impact.</p>}
      {series && series.length > 0 && (
        <div className="md-scroll md-scroll-tall">
          <table className="md-table" aria-label="Series">
            <thead>
              <tr>
                <th scope="col">Ticker</th>
                <th scope="col">Company</th>
                <th scope="col" className="md-num">
                  Points
                </th>
                <th scope="col">Range</th>
                <th scope="col">Currency</th>
                <th scope="col">Source</th>
                <th scope="col">Benchmark</th>
                <th scope="col">
                  <span className="md-visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((s) => {
                const p = points(s)
                const company = s.companyId ? byId.get(s.companyId) : undefined
                return (
                  <tr key={s.ticker} data-ticker={s.ticker}>
                    <td>{s.ticker}</td>
                    <td>{company?.name ?? (s.companyId ? s.companyId : <span className="md-hint">no company</span>)}</td>
                    <td className="md-num" title={p.detail}>
                      {count(p.total)}
                    </td>
                    <td>{s.first && s.last ? `${s.first} – ${s.last}` : '—'}</td>
                    <td>{s.currency}</td>
                    <td className="md-clip" title={`${s.source}, imported ${s.importedAt}`}>
                      {s.source}
                    </td>
                    <td>
                      <label className="md-switch">
                        <input
                          type="checkbox"
                          checked={isBenchmark(s)}
                          aria-label={`Benchmark ${s.ticker}`}
                          onChange={() => toggle(s)}
                        />
                        {isBenchmark(s) ? 'benchmark' : ''}
                      </label>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-remove={s.ticker}
                        aria-label={`Remove series ${s.ticker}`}
                        onClick={() => {
                          removed.current = null
                          setRemoving(s)
                        }}
                      >
                        Remove…
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={error} />
      {removing && (
        <RemoveSeriesDialog
          series={removing}
          all={series ?? []}
          companies={companies ?? []}
          onClose={closeDialog}
          onRemoved={(r) => afterRemoval(r, series?.indexOf(removing) ?? 0)}
        />
      )}
    </section>
  )
}
