/** The Companies table's columns: each field shown and edited with the grid's conventions. */
import type { CompanyRow } from '../../../../shared/api'
import type { CompanyInput } from '../../../../shared/domain'
import type { Listing } from '../../../../shared/domain'
import { editWith, type GridColumn } from '../../components/grid/types'
import { TextEditor } from '../../components/editors/TextEditor'
import { LongTextEditor } from '../../components/editors/LongTextEditor'
import { CELL_PADDING, chipWidth, clipText, fitChips, textWidth, type ChipFont } from '../../components/grid/chip-fit'
import { ListingsEditor, listingsText } from './ListingsEditor'

const MONO: ChipFont = { size: 11.5, mono: true }
/** The gap between a ticker and its exchange and currency (base.css `.chip-sub`). */
const SUB_GAP = 5
const subText = (l: Listing) => `${l.exchange ? `${l.exchange} · ` : ''}${l.currency}`

/** A company's listings as chips, as many as fit whole in the cell, then "+N" (see Chips.tsx). */
function ListingChips({ listings, width }: { listings: readonly Listing[]; width?: number }) {
  const fit =
    width === undefined
      ? { shown: listings.length, more: 0, clipFirst: null }
      : fitChips(
          listings.map((l) => chipWidth(l.ticker, MONO) + SUB_GAP + textWidth(subText(l), MONO)),
          width - CELL_PADDING
        )
  return (
    <>
      {listings.slice(0, fit.shown).map((l, i) =>
        i === 0 && fit.clipFirst !== null ? (
          // Too narrow for the whole chip: its ticker, cut if need be, says the most.
          <span key={l.ticker} className="chip chip-company" title={`${l.exchange || 'exchange unknown'}, ${l.currency}`}>
            {clipText(l.ticker, fit.clipFirst, MONO)}
          </span>
        ) : (
          <span key={l.ticker} className="chip chip-company" title={`${l.exchange || 'exchange unknown'}, ${l.currency}`}>
            {l.ticker}
            <span className="chip-sub">{subText(l)}</span>
          </span>
        )
      )}
      {fit.more > 0 && <span className="chip chip-more">+{fit.more}</span>}
    </>
  )
}

export const COMPANY_COLUMNS: GridColumn<CompanyRow>[] = [
  {
    id: 'name',
    header: 'Name',
    size: 210,
    sortable: true,
    className: 'cell-title',
    rowHeader: true,
    render: (c) => c.name,
    title: (c) => c.name,
    edit: editWith((c: CompanyRow) => c.name, TextEditor)
  },
  {
    id: 'nameZh',
    header: 'Chinese name',
    size: 130,
    sortable: true,
    render: (c) => c.nameZh,
    edit: editWith((c: CompanyRow) => c.nameZh, TextEditor)
  },
  {
    id: 'sector',
    header: 'Sector',
    size: 180,
    sortable: true,
    className: 'muted',
    render: (c) => c.sector,
    title: (c) => c.sector,
    edit: editWith((c: CompanyRow) => c.sector, TextEditor)
  },
  {
    id: 'listings',
    header: 'Listings',
    size: 290,
    sortable: true,
    render: (c, width) => (c.listings.length ? <ListingChips listings={c.listings} width={width} /> : <span className="muted">Unlisted</span>),
    title: (c) => listingsText(c.listings),
    edit: editWith((c: CompanyRow) => c.listings, ListingsEditor, { popup: true })
  },
  {
    id: 'benchmark',
    header: 'Benchmark',
    size: 100,
    sortable: true,
    className: 'mono',
    // Empty means the default, not "none": say so, or the analyst reads the impact figures'
    // benchmark as missing (Market data names the default, the first series marked a benchmark).
    render: (c) => c.benchmark || <span className="muted">default</span>,
    title: (c) => (c.benchmark ? c.benchmark : 'The default benchmark: the first series marked as one on the Market data screen'),
    edit: editWith((c: CompanyRow) => c.benchmark, TextEditor)
  },
  {
    id: 'notes',
    header: 'Notes',
    size: 250,
    sortable: true,
    className: 'muted',
    render: (c) => (c.notes.length > 160 ? `${c.notes.slice(0, 160)}…` : c.notes),
    title: (c) => c.notes,
    edit: editWith((c: CompanyRow) => c.notes, LongTextEditor, { popup: true })
  },
  {
    id: 'eventCount',
    header: 'Events',
    size: 70,
    minSize: 60,
    sortable: true,
    align: 'end',
    className: 'count',
    render: (c) => (c.eventCount ? c.eventCount : <span className="is-zero">0</span>)
  }
]

/** A committed cell as the patch `companies:update` takes. */
export function companyPatch(col: string, value: unknown): Partial<CompanyInput> {
  if (['name', 'nameZh', 'sector', 'benchmark', 'notes', 'listings'].includes(col)) return { [col]: value } as Partial<CompanyInput>
  throw new Error(`companies: column ${col} is not editable`)
}

/** Sort key of a column, for sorting the (small) company list here. */
export function companySortKey(col: string): (c: CompanyRow) => string | number {
  switch (col) {
    case 'eventCount':
      return (c) => c.eventCount
    case 'listings':
      return (c) => listingsText(c.listings).toLowerCase()
    default:
      return (c) => String(c[col as 'name'] ?? '').toLowerCase()
  }
}
