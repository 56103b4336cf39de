/**
 * Each company's default benchmark (chosen among the series marked benchmark). The impact
 * analysis uses it unless the analyst picks another on the Impact screen.
 */
import { useState } from 'react'
import { api } from '../../../api/client'
import type { CompanyRow } from '../../../../../shared/api'
import type { SeriesInfo } from '../../../../../shared/market'
import { ErrorNote } from '../shared/ErrorNote'

interface Props {
  companies: CompanyRow[] | undefined
  series: SeriesInfo[] | undefined
  onSaved: () => void
}

export function BenchmarkDefaults({ companies, series, onSaved }: Props) {
  const [error, setError] = useState<unknown>(null)
  // The choice shows at once while the core saves it (and reverts if refused).
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const benchmarks = (series ?? []).filter((s) => s.benchmark).map((s) => s.ticker)
  const listed = (companies ?? []).filter((c) => c.listings.length > 0 && !benchmarks.some((b) => c.listings.some((l) => l.ticker === b)))

  const choose = async (c: CompanyRow, benchmark: string) => {
    setError(null)
    setChosen((m) => ({ ...m, [c.id]: benchmark }))
    try {
      await api['companies:update']({ id: c.id, patch: { benchmark } })
      onSaved()
    } catch (e) {
      setError(e)
      setChosen(({ [c.id]: _gone, ...rest }) => rest)
    }
  }

  return (
    <section className="md-card" aria-label="Default benchmarks">
      <header className="md-card-head">
        <h3>Default benchmark per company</h3>
      </header>
      <p className="md-hint">Without a choice, a company is compared with the first series marked as a benchmark.</p>
      {benchmarks.length === 0 ? (
        <p className="md-empty">No benchmark yet: mark an imported series (such as SPY) as a benchmark in the series table.</p>
      ) : (
        <div className="md-scroll md-scroll-tall">
          <table className="md-table" aria-label="Benchmarks by company">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Listings</th>
                <th scope="col">Benchmark</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((c) => (
                <tr key={c.id}>
                  {/* Long names wrap, so the benchmark select keeps its width inside the card. */}
                  <td style={{ whiteSpace: 'normal' }}>{c.name}</td>
                  <td>{c.listings.map((l) => l.ticker).join(', ')}</td>
                  <td>
                    <select aria-label={`Benchmark of ${c.name}`} value={chosen[c.id] ?? c.benchmark} onChange={(e) => choose(c, e.target.value)}>
                      <option value="">{benchmarks.length ? `first benchmark (${benchmarks[0]})` : 'none'}</option>
                      {c.benchmark && !benchmarks.includes(c.benchmark) && <option value={c.benchmark}>{c.benchmark} (not a benchmark any more)</option>}
                      {benchmarks.map((b) => (
                        <option key={b} value={b}>
                          {b}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={error} title="Benchmark not saved" />
    </section>
  )
}
