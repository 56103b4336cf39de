/** The Companies table's columns: each field shown and edited with the grid's conventions. */
import type { CompanyRow } from '../../../../shared/api'
import type { CompanyInput } from '../../../../shared/domain'
import { editWith, type GridColumn } from '../../components/grid/types'
import { TextEditor } from '../../components/editors/TextEditor'
import { LongTextEditor } from '../../components/editors/LongTextEditor'
import { ListingsEditor, listingsText } from './ListingsEditor'

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
    render: (c) =>
      c.listings.length ? (
        <>
          {c.listings.map((l) => (
            <span key={l.ticker} className="chip chip-company" title={`${l.exchange || 'exchange unknown'}, ${l.currency}`}>
              {l.ticker}
              <span className="chip-sub">
                {l.exchange ? `${l.exchange} · ` : ''}
                {l.currency}
              </span>
            </span>
          ))}
        </>
      ) : (
        <span className="muted">Unlisted</span>
      ),
    title: (c) => listingsText(c.listings),
    edit: editWith((c: CompanyRow) => c.listings, ListingsEditor, { popup: true })
  },
  {
    id: 'benchmark',
    header: 'Benchmark',
    size: 100,
    sortable: true,
    className: 'mono',
    render: (c) => c.benchmark,
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
