/**
 * Removing an imported series (a file imported under the wrong ticker, a ticker no longer
 * followed) cannot be undone except by importing the file again, so the dialog says what goes
 * (its points, the prices of the companies that list it, the benchmark of the companies compared
 * with it) and what stays (the companies, their listings and share schedules). A refusal of the
 * core (it is the daily FX series of a currency) stays in the dialog and nothing changes.
 */
import { useId } from 'react'
import type { CompanyRow } from '../../../../shared/api'
import type { SeriesInfo, SeriesRemoval } from '../../../../shared/market'
import { api } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { count } from './shared/format'

interface Props {
  series: SeriesInfo
  /** Every imported series, in the order of series:list: the remaining benchmarks come from it. */
  all: SeriesInfo[]
  companies: CompanyRow[]
  onClose: () => void
  onRemoved: (result: SeriesRemoval) => void
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase()

/** What removing `s` takes away from whom, from the lists the screen already holds. */
export function removalImpact(s: SeriesInfo, all: SeriesInfo[], companies: CompanyRow[]) {
  const left = all.filter((x) => !same(x.ticker, s.ticker))
  // Prices reach a company through a listing of the same ticker (the core's primary listing is
  // the first one with a series), so another priced listing keeps its charts drawn.
  const priced = companies
    .filter((c) => c.id === s.companyId || c.listings.some((l) => same(l.ticker, s.ticker)))
    .map((c) => ({
      company: c,
      keeps: c.listings.filter((l) => !same(l.ticker, s.ticker) && left.some((x) => same(x.ticker, l.ticker))).map((l) => l.ticker)
    }))
  const benchmarked = companies.filter((c) => c.benchmark && same(c.benchmark, s.ticker))
  const benchmarks = all.filter((x) => x.benchmark)
  const wasDefault = benchmarks.length > 0 && same(benchmarks[0].ticker, s.ticker)
  const nextDefault = benchmarks.find((x) => !same(x.ticker, s.ticker))?.ticker ?? ''
  return { priced, benchmarked, wasDefault, nextDefault }
}

/** The number of daily points, as the series table counts them (the most of any stored kind). */
export function pointCount(s: SeriesInfo): number {
  return Object.values(s.counts).reduce<number>((m, n) => Math.max(m, n ?? 0), 0)
}

const names = (cs: CompanyRow[]) => cs.map((c) => c.name).join(', ')

export function RemoveSeriesDialog({ series: s, all, companies, onClose, onRemoved }: Props) {
  const { priced, benchmarked, wasDefault, nextDefault } = removalImpact(s, all, companies)
  const fallback = nextDefault ? `the default benchmark, ${nextDefault} (the first series marked as one)` : 'the default benchmark: none is left until another series is marked as one'
  const goesId = useId()
  const staysId = useId()
  // A date never breaks at its hyphens.
  const range = s.first && s.last ? (
    <>
      {' '}
      from <span className="md-nowrap">{s.first}</span> to <span className="md-nowrap">{s.last}</span>
    </>
  ) : null
  return (
    <ConfirmDialog
      title={`Remove series ${s.ticker}`}
      confirmLabel="Remove series"
      danger
      onClose={onClose}
      onConfirm={async () => onRemoved(await api['series:remove']({ ticker: s.ticker }))}
    >
      <p>
        Remove <strong>{s.ticker}</strong>: its {count(pointCount(s))} daily points{range}, imported from {s.source}?
      </p>
      <h3 className="md-dialog-head" id={goesId}>
        What goes
      </h3>
      <ul className="md-dialog-list" aria-labelledby={goesId}>
        {priced.length === 0 && <li>No company lists {s.ticker}: no chart or impact figure uses its prices as a company&apos;s.</li>}
        {priced.map(({ company, keeps }) => (
          <li key={company.id}>
            The company <strong>{company.name}</strong> loses its {s.ticker} prices
            {keeps.length ? `: its charts and impact figures go on with ${keeps.join(', ')}.` : ': no chart, market cap or impact figure for it until they are imported again.'}
          </li>
        ))}
        {benchmarked.length > 0 && (
          <li>
            Benchmarked on {s.ticker}: <strong>{names(benchmarked)}</strong>. {benchmarked.length === 1 ? 'It falls' : 'They fall'} back to {fallback}.
          </li>
        )}
        {wasDefault && (
          <li>
            {s.ticker} is the default benchmark: companies without a benchmark of their own get {nextDefault ? `${nextDefault} instead` : 'none until another series is marked as one'}.
          </li>
        )}
      </ul>
      <h3 className="md-dialog-head" id={staysId}>
        What stays
      </h3>
      <ul className="md-dialog-list" aria-labelledby={staysId}>
        {priced.map(({ company }) => (
          <li key={company.id}>
            {company.name}, {company.listings.some((l) => same(l.ticker, s.ticker)) ? `its ${s.ticker} listing` : 'its listings'} and its share schedule.
          </li>
        ))}
        <li>Events and notes. To bring the prices back, import the file again.</li>
      </ul>
    </ConfirmDialog>
  )
}
