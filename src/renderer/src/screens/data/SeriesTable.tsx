/**
 * The imported series: one row per ticker with its company, points, date range and source, and a
 * toggle that marks it a benchmark (SPY, ^HSI, …) for the impact analysis.
 */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { CompanyRow } from '../../../../shared/api'
import type { SeriesInfo } from '../../../../shared/market'
import { ErrorNote } from './shared/ErrorNote'
import { count } from './shared/format'

function points(s: SeriesInfo): { total: number; detail: string } {
  const entries = Object.entries(s.counts) as [string, number][]
  const total = entries.reduce((m, [, n]) => Math.max(m, n), 0)
  return { total, detail: entries.map(([k, n]) => `${k}: ${n}`).join(', ') }
}

interface Props {
  series: SeriesInfo[] | undefined
  companies: CompanyRow[] | undefined
  onChanged: () => void
}

export function SeriesTable({ series, companies, onChanged }: Props) {
  const [error, setError] = useState<unknown>(null)
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

  // Once the reloaded list says the same, the override has done its job.
  useEffect(() => {
    setOptimistic((o) => {
      const left = Object.entries(o).filter(([t, v]) => series?.find((s) => s.ticker === t)?.benchmark !== v)
      return left.length === Object.keys(o).length ? o : Object.fromEntries(left)
    })
  }, [series])

  return (
    <section className="md-card" aria-label="Imported series">
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
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  )
}
