/** The Events screen's toolbar: add / duplicate / delete, global search, the count, columns, export. */
import type { ReactNode, Ref } from 'react'
import { formatCount } from '../../components/format'

interface Props {
  search: string
  onSearch: (s: string) => void
  searchRef: Ref<HTMLInputElement>
  matched: number | null
  total: number | null
  pending: boolean
  /** Offered while a search or filter narrows the table. */
  onClearFilters?: () => void
  hasSelection: boolean
  onAdd: () => void
  onDuplicate: () => void
  onDelete: () => void
  onExport: () => void
  columnsMenu: ReactNode
}

export function EventsToolbar(p: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Events">
      <h1 className="screen-title">Events</h1>
      <button type="button" className="btn btn-primary" onClick={p.onAdd}>
        Add event
      </button>
      <button type="button" className="btn" disabled={!p.hasSelection} onClick={p.onDuplicate}>
        Duplicate
      </button>
      <button type="button" className="btn" disabled={!p.hasSelection} onClick={p.onDelete}>
        Delete
      </button>
      <div className="search">
        <input
          ref={p.searchRef}
          className="input search-input"
          type="search"
          aria-label="Search"
          placeholder="Search events and notes…"
          value={p.search}
          onChange={(e) => p.onSearch(e.target.value)}
        />
      </div>
      <span className={`count-label ${p.pending ? 'is-pending' : ''}`} aria-live="polite" data-testid="event-count">
        {p.matched === null || p.total === null ? (
          'Loading…'
        ) : (
          <>
            {formatCount(p.matched)} of {formatCount(p.total)}
            <span className="count-noun"> events</span>
          </>
        )}
      </span>
      {p.onClearFilters && (
        <button type="button" className="btn btn-link" aria-label="Clear search and filters" onClick={p.onClearFilters}>
          Clear
        </button>
      )}
      <span className="toolbar-spacer" />
      {p.columnsMenu}
      <button type="button" className="btn" onClick={p.onExport}>
        Export…
      </button>
    </div>
  )
}
