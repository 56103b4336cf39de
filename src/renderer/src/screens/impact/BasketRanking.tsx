/**
 * Basket totals per event for one window (sum of the companies' market-cap changes, how many
 * companies were counted, CAAR) and the ranking of events by that change, biggest loss first.
 * The host ranks (impact:view); a large workspace shows its first rows and says of how many.
 * Where the list was scrolled is remembered while the analyst visits another screen.
 */
import { useMemo } from 'react'
import type { ImpactBasket } from '../../../../shared/market'
import { money, moneyFull, pct, windowLabel } from '../data/shared/format'
import { RANKING_ROWS } from './useImpactView'
import { useRememberedScroll } from './useRememberedScroll'

interface Props {
  /** In the order asked for: `rows.length` of `total`, from `offset`. */
  rows: ImpactBasket[]
  offset: number
  total: number
  onOffset: (offset: number) => void
  order: 'change' | 'date'
  onOrder: (order: 'change' | 'date') => void
  currency: string
  window: { a: number; b: number }
  selected: string | null
  onSelect: (eventId: string, title: string) => void
}

export function BasketRanking({ rows, offset, total, onOffset, order, onOrder, currency, window, selected, onSelect }: Props) {
  const scroll = useRememberedScroll('impact.rankingScroll')
  const scale = useMemo(() => Math.max(1, ...rows.map((r) => Math.abs(r.basket_mcap_change ?? 0))), [rows])

  return (
    <section className="md-card im-ranking" aria-label="Basket totals per event">
      <header className="md-card-head">
        <h3>
          Basket change per event, {windowLabel(window)}
        </h3>
        <div className="ch-tabs" role="tablist" aria-label="Order">
          <button type="button" role="tab" aria-selected={order === 'change'} onClick={() => onOrder('change')}>
            Ranked by change
          </button>
          <button type="button" role="tab" aria-selected={order === 'date'} onClick={() => onOrder('date')}>
            By date
          </button>
        </div>
      </header>
      {/* A large workspace ranks more events than a list can hold: a page of them at a time. */}
      {total > rows.length && (
        <nav className="im-ranking-pager" aria-label="Pages of the ranking">
          <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - RANKING_ROWS))}>
            ‹ Previous
          </button>
          <span className="muted">
            Events {(offset + 1).toLocaleString('en-US')}–{(offset + rows.length).toLocaleString('en-US')} of {total.toLocaleString('en-US')}
          </span>
          <button type="button" className="btn btn-small" disabled={offset + rows.length >= total} onClick={() => onOffset(offset + RANKING_ROWS)}>
            Next ›
          </button>
        </nav>
      )}
      {rows.length === 0 ? (
        <p className="md-empty">No event has linked companies with prices for this window.</p>
      ) : (
        <div className="md-scroll md-scroll-tall" ref={scroll.restore} onScrollEnd={scroll.onScrollEnd}>
          <table className="md-table" aria-label="Ranking of events by basket change">
            <thead>
              <tr>
                <th scope="col" style={{ width: total < 100 ? 32 : 14 + 8 * String(total).length }}>
                  #
                </th>
                <th scope="col" style={{ width: 90 }}>
                  Date
                </th>
                <th scope="col">Event</th>
                <th scope="col" className="md-num" style={{ width: 90 }} title="Sum of the companies' market-cap changes">
                  Change
                </th>
                <th scope="col" style={{ width: 90 }}>
                  <span className="md-visually-hidden">Bar</span>
                </th>
                <th scope="col" style={{ width: 72 }}>
                  Counted
                </th>
                <th scope="col" className="md-num" style={{ width: 84 }}>
                  CAAR
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b, i) => {
                const v = b.basket_mcap_change
                return (
                  <tr key={b.event_id} className={b.event_id === selected ? 'im-selected' : undefined}>
                    <td className="md-num">{offset + i + 1}</td>
                    <td>{b.event_date}</td>
                    <td className="md-clip im-event-cell">
                      <button type="button" className="btn btn-link" title={b.event_title} aria-pressed={b.event_id === selected} onClick={() => onSelect(b.event_id, b.event_title)}>
                        {b.event_title}
                      </button>
                    </td>
                    <td className={`md-num${v != null && v < 0 ? ' im-neg' : ''}`} title={v == null ? 'No company had a value' : moneyFull(v, currency)}>
                      {money(v, currency)}
                    </td>
                    <td className="im-bar-cell" aria-hidden="true">
                      {v != null && <span className={`im-bar ${v < 0 ? 'im-bar-neg' : 'im-bar-pos'}`} style={{ width: `${(Math.abs(v) / scale) * 100}%` }} />}
                    </td>
                    <td title="Companies with a value, of the event's linked companies">
                      {b.counted} of {b.companies}
                    </td>
                    <td className="md-num" title={b.caar == null ? '' : String(b.caar)}>
                      {pct(b.caar)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
