/**
 * Step 3: what the import would do, before anything is written: per ticker the new / replaced /
 * unchanged rows (and whether a company will be created), and every rejected row with its line
 * number and reason.
 */
import type { ImportDryRun, ImportTickerCounts } from '../../../../../shared/market'
import { count } from '../shared/format'
import { VALUE_KIND_LABELS } from './mapping'

/** Rows per ticker; `done` once imported (a new company is then "created", no longer "creates"). */
export function TickerCounts({ tickers, done = false }: { tickers: ImportTickerCounts[]; done?: boolean }) {
  // In its own scroll box: a header sticky inside the padded page scroller let rows show above it.
  return (
    <div className="md-scroll md-scroll-tall">
      <table className="md-table" aria-label="Rows per ticker">
        <thead>
          <tr>
            <th scope="col">Ticker</th>
            <th scope="col" className="md-num">
              New
            </th>
            <th scope="col" className="md-num">
              Replaced
            </th>
            <th scope="col" className="md-num">
              Unchanged
            </th>
            <th scope="col">Range</th>
          </tr>
        </thead>
        <tbody>
          {tickers.map((t) => (
            <tr key={t.ticker}>
              <td>
                {t.ticker}{' '}
                {t.createsCompany && (
                  <span
                    className="md-badge"
                    title={done ? 'A company named after this ticker was created: edit it on the Companies screen' : 'No company has this ticker yet: one named after it will be created; edit it on the Companies screen'}
                  >
                    {done ? 'company created' : 'creates company'}
                  </span>
                )}
              </td>
              <td className="md-num">{count(t.new)}</td>
              <td className="md-num">{count(t.replaced)}</td>
              <td className="md-num">{count(t.unchanged)}</td>
              <td>{t.first && t.last ? `${t.first} – ${t.last}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function DryRunStep({ dryRun }: { dryRun: ImportDryRun }) {
  const t = dryRun.totals
  const nothing = t.new + t.replaced === 0
  return (
    <div className="md-dryrun" aria-label="Dry run">
      <p className="md-summary" data-testid="dryrun-summary">
        Dry run of <strong>{dryRun.name}</strong> as {VALUE_KIND_LABELS[dryRun.valueKind].toLowerCase()}: {count(t.rows)} rows —{' '}
        <span className="md-new">{count(t.new)} new</span>, <span>{count(t.replaced)} replaced</span>,{' '}
        <span>{count(t.unchanged)} unchanged</span>,{' '}
        <span className={t.rejected ? 'md-bad' : undefined}>{count(t.rejected)} rejected</span>. Nothing has been written yet.
        {nothing && t.rejected === 0 && ' This file is already imported: importing it again changes nothing.'}
      </p>
      <TickerCounts tickers={dryRun.tickers} />
      {t.rejected > 0 && (
        <div className="md-rejected">
          <h4>
            Rejected rows ({count(t.rejected)}
            {dryRun.rejected.length < t.rejected ? `, first ${count(dryRun.rejected.length)} shown` : ''})
          </h4>
          <div className="md-scroll">
            <table className="md-table" aria-label="Rejected rows">
              <thead>
                <tr>
                  <th scope="col" className="md-num">
                    Line
                  </th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {dryRun.rejected.map((r, i) => (
                  <tr key={i}>
                    <td className="md-num">{r.line}</td>
                    <td>{r.field}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  )
}
