/**
 * A company's listings (ticker, exchange, currency) edited as a small table. Share schedules are
 * edited elsewhere and kept as they are. Enter saves, Esc cancels, leaving the editor saves; Tab
 * moves between its fields.
 */
import { useState } from 'react'
import type { Listing } from '../../../../shared/domain'
import type { EditorProps } from '../../components/grid/types'
import { useEditorKeys } from '../../components/editors/useEditorKeys'

type Draft = Pick<Listing, 'ticker' | 'exchange' | 'currency'> & { shares: Listing['shares'] }

export function ListingsEditor(props: EditorProps<Listing[]>) {
  const [rows, setRows] = useState<Draft[]>(props.initial.map((l) => ({ ...l })))
  // Rows without a ticker are unfinished: dropped rather than sent to the core as an error.
  const read = () => rows.filter((r) => r.ticker.trim()).map((r) => ({ ...r, ticker: r.ticker.trim(), exchange: r.exchange.trim(), currency: r.currency.trim().toUpperCase() }))
  const keys = useEditorKeys(props, read)
  const set = (i: number, patch: Partial<Draft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <div
      className="editor-popup-body listings-editor"
      onBlur={keys.onBlur}
      onKeyDown={(e) => {
        // Tab moves between the fields of this little table; buttons keep their own Enter.
        if (e.key === 'Tab' || (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'BUTTON')) return
        keys.onKeyDown(e)
      }}
    >
      <table className="mini-table">
        <thead>
          <tr>
            <th>Ticker</th>
            <th>Exchange</th>
            <th>Currency</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input className="input" aria-label={`Ticker ${i + 1}`} autoFocus={i === 0} value={r.ticker} onChange={(e) => set(i, { ticker: e.target.value })} />
              </td>
              <td>
                <input className="input" aria-label={`Exchange ${i + 1}`} value={r.exchange} onChange={(e) => set(i, { exchange: e.target.value })} />
              </td>
              <td>
                <input className="input mono" aria-label={`Currency ${i + 1}`} maxLength={3} value={r.currency} onChange={(e) => set(i, { currency: e.target.value })} />
              </td>
              <td>
                <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Remove listing ${r.ticker || i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-actions">
        <button type="button" className="btn btn-small" autoFocus={rows.length === 0} onClick={() => setRows((rs) => [...rs, { ticker: '', exchange: '', currency: 'USD', shares: [] }])}>
          Add listing
        </button>
        <span className="editor-hint">Enter saves · Esc cancels · no listing = unlisted</span>
      </div>
    </div>
  )
}

export function listingsText(listings: readonly Listing[]): string {
  return listings.map((l) => `${l.ticker} (${[l.exchange, l.currency].filter(Boolean).join(', ')})`).join(' · ')
}
