/**
 * Events: the analyst's timeline as an editable grid over the core's query (search, filters and
 * sort run in the core; only pages near the viewport are held here), the detail panel of the
 * selected event with its notes, and export.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { EventColumn, EventFilters, EventQuery, EventRow } from '../../../../shared/api'
import type { EventInput } from '../../../../shared/domain'
import { useCompanies } from '../../app/companies'
import { api } from '../../api/client'
import { useRemembered } from '../../app/remembered'
import { useCommands } from '../../app/commands'
import { useNavigation } from '../../app/navigation'
import { DataGrid, type DataGridHandle } from '../../components/grid/DataGrid'
import { ColumnsMenu } from '../../components/grid/ColumnsMenu'
import { useGridTable } from '../../components/grid/useGridTable'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useDebounced } from '../../components/useDebounced'
import { useToast } from '../../components/Toast'
import { eventColumns, patchFor, REPORT_COLUMN } from './event-columns'
import { useEventFilterControls } from './useEventFilters'
import { useEventPager } from './useEventPager'
import { DEFAULT_SORT, eventsQuery, pageRequest } from './events-query'
import { useEventActions } from './useEventActions'
import { EventsToolbar } from './EventsToolbar'
import { EventDetail } from './detail/EventDetail'
import { ExportDialog } from './ExportDialog'
import { markFirstContent } from '../../app/first-content'
import { rangeRequests } from '../../components/grid/range-requests'

const rowKey = (r: EventRow) => r.id
/** How long a flung view rests before its rows are fetched (see range-requests.ts). */
const FLING_SETTLE_MS = 80

/** The later saved of two copies of an event (either may be missing). */
function newest(a: EventRow | undefined, b: EventRow | undefined): EventRow | undefined {
  if (!a || !b) return a ?? b
  return b.updatedAt > a.updatedAt ? b : a
}

/**
 * An event to bring into view once its row is loaded. `at` says where a new event sorts (dated
 * today, it is at one end of a date-ordered table), `index` where the core found it (an edit moved
 * it away in the sort), so the grid can go there to load it.
 */
interface Reveal {
  id: string
  at?: 'start' | 'end'
  index?: number
}

/** An edit's refresh to wait for (see `PagerState.answered`), made while these rows were shown. */
interface Follow {
  answered: number
  queryKey: string
}

export function EventsScreen() {
  const companies = useCompanies()
  const nav = useNavigation()
  const [searchText, setSearchText] = useRemembered('events.search', '')
  const search = useDebounced(searchText.trim(), 150)
  const [filters, setFilters] = useRemembered<EventFilters>('events.filters', {})
  const [sorting, setSorting] = useRemembered<SortingState>('events.sorting', DEFAULT_SORT)
  const sort = sorting[0] ?? DEFAULT_SORT[0]
  const query = useMemo<EventQuery>(() => eventsQuery(search, filters, sort), [search, filters, sort])
  const { pager, state } = useEventPager(query)
  const actions = useEventActions(pager)
  const toast = useToast()

  const columns = useMemo(() => eventColumns(companies), [companies])
  const { table, specs, ready, resetLayout } = useGridTable({ columns, layoutKey: 'eventsTable', sorting, onSortingChange: setSorting })
  const filterControls = useEventFilterControls(filters, setFilters, companies)

  // Opened on an event (from a chart marker, say), that one; otherwise the one selected when last here.
  const [selectedId, setSelectedId] = useRemembered<string | null>('events.selected', null, nav.current.eventId)
  const [newEventId, setNewEventId] = useState<string | null>(null)
  const [reveal, setReveal] = useState<Reveal | null>(selectedId ? { id: selectedId } : null)
  const [exporting, setExporting] = useState(false)
  /** A row to focus once the rows are refreshed (after Delete from the toolbar). */
  const [refocus, setRefocus] = useState<number | null>(null)
  const grid = useRef<DataGridHandle>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  // The first rows (or the reason there are none) are on screen: the app may start what can wait.
  useEffect(() => {
    if (state.status !== 'loading') requestAnimationFrame(markFirstContent)
  }, [state.status])

  // Another screen asked to show an event (a chart marker was clicked).
  const targetId = nav.current.eventId
  useEffect(() => {
    if (targetId) {
      setSelectedId(targetId)
      setReveal({ id: targetId })
    }
  }, [targetId, setSelectedId])

  // A new query starts at the top, unless it was started to show a new event at its far end
  // (filters cleared by Add event: the search box settles a moment later, a second new query).
  const revealRef = useRef(reveal)
  revealRef.current = reveal
  const settledRef = useRef(false)
  settledRef.current = search === '' && Object.keys(filters).length === 0
  useEffect(() => {
    const at = revealRef.current?.at
    if (at === 'end') {
      grid.current?.scrollToRow(pager.getState().matched - 1)
      if (settledRef.current) setReveal((r) => r && { id: r.id })
    } else grid.current?.showNewQuery()
  }, [state.queryKey, pager])

  // Bring a just-created or requested event into view once its row is loaded; one the core found
  // beyond the rows loaded, by going where it is first.
  useEffect(() => {
    if (!reveal) return
    const i = pager.indexOf(reveal.id, state)
    if (i >= 0) {
      grid.current?.revealRow(i)
      setReveal(null)
    } else if (reveal.index !== undefined) {
      grid.current?.scrollToRow(reveal.index)
      setReveal({ id: reveal.id })
    }
  }, [reveal, state, pager])

  // The selected event as last saved: from the loaded rows, or from its last edit when the current
  // search or filters no longer show it (the detail panel and Delete then still name it rightly).
  const [lastSaved, setLastSaved] = useState<EventRow | null>(null)
  const tableRow = useMemo(() => {
    if (!selectedId) return undefined
    const i = pager.indexOf(selectedId, state)
    return i >= 0 ? pager.rowAt(i, state) : undefined
  }, [selectedId, state, pager])
  const selectedRow = newest(tableRow, lastSaved?.id === selectedId ? lastSaved : undefined)

  // A saved edit may move its row: elsewhere in the sort (a new date), or out of the search and
  // filters. The rows are fetched again, and once they are shown the cursor follows the selected
  // event (the edited one, or the one Enter moved down to) to where it now is.
  const [follow, setFollow] = useState<Follow | null>(null)
  const update = useCallback(
    async (id: string, patch: Partial<EventInput>) => {
      const row = await actions.update(id, patch)
      setLastSaved(row)
      setFollow({ answered: pager.refresh(), queryKey: pager.getState().queryKey })
      return row
    },
    [actions, pager]
  )
  const followed = useRef({ selectedId, selectedRow, query })
  followed.current = { selectedId, selectedRow, query }
  useEffect(() => {
    if (!follow || state.answered < follow.answered) return
    setFollow(null)
    const { selectedId: id, selectedRow: row, query } = followed.current
    if (!id || state.queryKey !== follow.queryKey) return
    const i = pager.indexOf(id, state)
    if (i >= 0) return grid.current?.revealRow(i)
    // Not among the rows loaded: the core says where it went, if anywhere.
    api['events:query']({ ...pageRequest(query, 0, 0), locate: id }).then(
      ({ located }) => {
        if (located === undefined || followed.current.selectedId !== id || pager.getState().queryKey !== follow.queryKey) return
        if (located >= 0) setReveal({ id, index: located })
        else toast({ message: `“${row?.title ?? 'The event'}” no longer matches the search or filters; it stays open here` })
      },
      (e: unknown) => console.error('events: could not find the edited event:', e)
    )
  }, [follow, state, pager, toast])

  const filtered = search !== '' || searchText.trim() !== '' || Object.keys(filters).length > 0
  const clearFilters = useCallback(() => {
    setSearchText('')
    setFilters({})
  }, [setFilters, setSearchText])

  const onAdd = useCallback(async () => {
    const row = await actions.add()
    if (!row) return
    setSelectedId(row.id)
    setNewEventId(row.id)
    // Dated today, a new event sorts to one end of a date-ordered table: look for it there.
    const dated = sort.id === 'date' || sort.id === 'updatedAt'
    const at = dated ? (sort.desc ? 'start' : 'end') : undefined
    setReveal({ id: row.id, at })
    if (filtered) {
      // "New event" matches no search or filter the analyst had: show everything rather than
      // create an event they cannot see, and say so.
      clearFilters()
      toast({ message: 'Cleared the search and filters to show the new event' })
    } else if (dated) grid.current?.scrollToRow(sort.desc ? 0 : pager.getState().matched)
  }, [actions, sort.id, sort.desc, pager, filtered, clearFilters, toast, setSelectedId])

  const onDuplicate = useCallback(async () => {
    if (!selectedId) return
    const row = await actions.duplicate(selectedId)
    if (row) {
      setSelectedId(row.id)
      setReveal({ id: row.id })
    }
  }, [actions, selectedId, setSelectedId])

  const onDelete = useCallback(async () => {
    if (!selectedId) return
    // Not among the loaded rows (a search hides it; opened from a chart): its title from the core.
    const title = selectedRow?.title ?? (await api['events:get']({ id: selectedId }).catch(() => null))?.event.title ?? 'event'
    const restored = (id: string) => {
      // Undo brings the event back selected, where it was.
      setSelectedId(id)
      setReveal({ id })
    }
    const at = pager.indexOf(selectedId)
    const fromToolbar = document.activeElement instanceof HTMLElement && !document.activeElement.closest('[role="grid"]')
    if (!(await actions.remove({ id: selectedId, title }, restored))) return
    setSelectedId(null)
    // The toolbar's Delete goes disabled with nothing selected and focus would fall to the page:
    // it goes to the row that took the deleted one's place, once the refreshed rows are shown.
    if (fromToolbar && at >= 0) setRefocus(at)
  }, [actions, selectedId, selectedRow, setSelectedId, pager])
  // Focused before the refresh landed, that index still named the deleted row, and the panel
  // reopened on it ("Event not found").
  useEffect(() => {
    if (refocus === null || state.pending) return
    setRefocus(null)
    if (state.matched > 0) grid.current?.focusCell(Math.min(refocus, state.matched - 1))
  }, [refocus, state])

  useCommands(['add-event', 'export', 'focus-search'], (c) => {
    if (c === 'add-event') void onAdd()
    else if (c === 'export') setExporting(true)
    else searchRef.current?.focus()
  })

  // "/" jumps to the search box, as in most tools with one.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return
      if (t.closest('input, textarea, select, [contenteditable="true"], dialog')) return
      e.preventDefault()
      searchRef.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // The rows in view go to the pager after the frame is drawn, and after a jump once it rests.
  const onVisibleRange = useMemo(() => rangeRequests((s, e) => pager.setRange(s, e), FLING_SETTLE_MS), [pager])
  // Rows as React last rendered them (the pager's state reaches React once per frame): a click
  // or a key names a row by its index on screen, which must find that row, not a newer one.
  const getRow = useCallback((i: number) => pager.rowAt(i, state), [pager, state])
  const onActiveRow = useCallback((_i: number, row: EventRow | undefined) => {
    if (row) setSelectedId(row.id)
  }, [setSelectedId])
  const onCommit = useCallback(
    async (row: EventRow, col: string, value: unknown) => {
      await update(row.id, patchFor(col, value))
    },
    [update]
  )

  const loaded = state.status !== 'loading'
  const empty = !loaded ? null : state.total === 0 ? (
    <EmptyState title="No events yet">
      <button type="button" className="btn btn-primary" onClick={onAdd}>
        Add event
      </button>
    </EmptyState>
  ) : (
    <EmptyState title={search ? `No events match “${search}”` : 'No events match these filters'}>
      <button type="button" className="btn" onClick={clearFilters}>
        Clear filters
      </button>
    </EmptyState>
  )
  const visibleReportColumns = table
    .getVisibleLeafColumns()
    .map((c) => REPORT_COLUMN[c.id as EventColumn])
    .filter((c): c is string => !!c)

  return (
    <section className="screen events-screen" aria-label="Events">
      <EventsToolbar
        search={searchText}
        onSearch={setSearchText}
        searchRef={searchRef}
        matched={loaded ? state.matched : null}
        total={loaded ? state.total : null}
        pending={state.pending}
        onClearFilters={filtered && loaded && state.matched > 0 ? clearFilters : undefined}
        hasSelection={!!selectedId}
        onAdd={onAdd}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
        onExport={() => setExporting(true)}
        columnsMenu={<ColumnsMenu table={table} specs={specs} onReset={resetLayout} />}
      />
      {state.error !== null && (
        <ErrorBanner title="Could not load events" error={state.error} onRetry={() => (state.status === 'error' ? pager.setQuery(query) : pager.refresh())} />
      )}
      <div className="screen-body">
        <div className="table-pane">
          {ready && (
            <DataGrid
              label="Events"
              table={table}
              specs={specs}
              rowCount={loaded ? state.matched : 0}
              getRow={getRow}
              rowKey={rowKey}
              selectedKey={selectedId}
              onActiveRow={onActiveRow}
              onVisibleRange={onVisibleRange}
              onCommit={onCommit}
              filters={filterControls}
              empty={empty}
              handle={grid}
            />
          )}
        </div>
        {selectedId && (
          <EventDetail
            eventId={selectedId}
            latest={selectedRow}
            save={update}
            onNotesChange={(r) => {
              // Note text is searchable and counts can be filtered: the current results may change.
              pager.patchRow(r)
              pager.refresh()
            }}
            onClose={() => setSelectedId(null)}
            autoFocusTitle={selectedId === newEventId}
          />
        )}
      </div>
      {exporting && (
        <ExportDialog
          query={query}
          matched={state.matched}
          total={state.total}
          visibleColumns={visibleReportColumns}
          onClose={() => setExporting(false)}
        />
      )}
    </section>
  )
}
