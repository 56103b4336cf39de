/**
 * A company's listings (ticker, exchange, currency) edited as a small table. Share schedules are
 * edited elsewhere and kept as they are. Enter saves, Esc cancels, leaving the editor (or a click
 * outside it) saves; Tab moves between its fields. Removing a listing moves focus to the next
 * one's ticker (or to Add listing), so the keys keep working.
 */
import { useLayoutEffect, useRef, useState } from 'react'
import type { Listing } from '../../../../shared/domain'
import type { EditorProps } from '../../components/grid/types'
import { useEditorKeys } from '../../components/editors/useEditorKeys'

/** A listing being edited; `key` tells rows apart while they are added and removed. */
type Draft = Pick<Listing, 'ticker' | 'exchange' | 'currency'> & { shares: Listing['shares']; key: number; added?: boolean; was?: string }

let nextKey = 1

export function ListingsEditor(props: EditorProps<Listing[]>) {
  const [rows, setRows] = useState<Draft[]>(() => props.initial.map((l) => ({ ...l, key: nextKey++, was: l.ticker })))
  // A row added here and left without a ticker is unfinished: dropped. A listing that had one is
  // sent as it is, so the core says "Listing 1 ticker must not be empty" instead of the listing
  // (and its share schedule) silently going; the × button is how a listing is removed.
  const read = () => rows.filter((r) => r.ticker.trim() || !r.added).map((r) => ({ ticker: r.ticker.trim(), exchange: r.exchange.trim(), currency: r.currency.trim().toUpperCase(), shares: r.shares }))
  // A ticker corrected in place takes what was filed under the old one along (ticker-rename.ts):
  // said before Enter, so a rename is never a surprise.
  const renames = rows.filter((r) => r.was && r.ticker.trim() && r.ticker.trim().toUpperCase() !== r.was.toUpperCase())
  const keys = useEditorKeys(props, read)
  const set = (i: number, patch: Partial<Draft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const root = useRef<HTMLDivElement>(null)
  // Where focus goes once rows change: a new row's ticker; after a removal the ticker now in its
  // place, else the one above it, else Add listing. Left on a removed button, focus would fall to
  // the page, out of the editor, and its keys would stop working.
  const focusRow = useRef<number | null>(null)
  useLayoutEffect(() => {
    const i = focusRow.current
    if (i === null) return
    focusRow.current = null
    const box = root.current
    const ticker = (n: number) => box?.querySelector<HTMLInputElement>(`input[aria-label="Ticker ${n + 1}"]`)
    ;(ticker(i) ?? ticker(i - 1) ?? box?.querySelector<HTMLButtonElement>('button.add-listing'))?.focus()
  }, [rows])
  const remove = (i: number) => {
    focusRow.current = i
    setRows((rs) => rs.filter((_, j) => j !== i))
  }
  const add = () => {
    focusRow.current = rows.length
    setRows((rs) => [...rs, { ticker: '', exchange: '', currency: 'USD', shares: [], key: nextKey++, added: true }])
  }
  return (
    <div
      ref={root}
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
            <tr key={r.key}>
              <td>
                <input className="input" aria-label={`Ticker ${i + 1}`} autoFocus={i === 0} maxLength={32} value={r.ticker} onChange={(e) => set(i, { ticker: e.target.value })} />
              </td>
              <td>
                <input className="input" aria-label={`Exchange ${i + 1}`} maxLength={40} value={r.exchange} onChange={(e) => set(i, { exchange: e.target.value })} />
              </td>
              <td>
                <input className="input mono" aria-label={`Currency ${i + 1}`} maxLength={3} value={r.currency} onChange={(e) => set(i, { currency: e.target.value })} />
              </td>
              <td>
                <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Remove listing ${r.ticker || i + 1}`} onClick={() => remove(i)}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-actions">
        <button type="button" className="btn btn-small add-listing" autoFocus={rows.length === 0} onClick={add}>
          Add listing
        </button>
        <span className="editor-hint">Enter saves · Esc cancels · no listing = unlisted</span>
      </div>
      {renames.length > 0 && (
        <p className="editor-hint" role="status">
          {renames.map((r) => `${r.was} → ${r.ticker.trim()}`).join(', ')}: {renames.length === 1 ? 'its' : 'their'} prices, share schedule and benchmark settings
          move to the new ticker.
        </p>
      )}
    </div>
  )
}

export function listingsText(listings: readonly Listing[]): string {
  return listings.map((l) => `${l.ticker} (${[l.exchange, l.currency].filter(Boolean).join(', ')})`).join(' · ')
}
