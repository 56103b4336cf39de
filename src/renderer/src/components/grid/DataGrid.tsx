/**
 * An editable, virtualised ARIA grid over rows the screen provides by index (all in memory, or
 * fetched page by page: `getRow` may return undefined for a row still loading, shown as a
 * placeholder). Focus stays on the grid element and `aria-activedescendant` names the active cell,
 * so virtualisation never loses focus. Keys: arrows, Home/End, PageUp/PageDown, Ctrl+Home/End
 * move, Tab/Shift+Tab along the row (and out of the grid past its ends); Enter or F2 edits, and so
 * does typing a character (which starts the new value); in an editor Enter/Tab or a click outside
 * commit, Esc cancels. A refused
 * edit keeps its editor open with what was typed and the core's reason, to be fixed or cancelled.
 */
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react'
import { useVirtualizer, defaultRangeExtractor, type Range, type Virtualizer } from '@tanstack/react-virtual'
import type { Table } from '@tanstack/react-table'
import { GridHeader } from './GridHeader'
import { GridRow, type RowUi } from './GridRow'
import { sameValue, type CommitMove, type GridColumn } from './types'
import { errorText } from '../error-text'
import { keyAction, tabInRow, tabTarget, typedToEdit } from './grid-keys'
import { assignSlots, NO_SLOTS, type RowSlots } from './row-slots'
import { observeOffsetBeforePaint } from './scroll-offset'
import { useHoverTitle } from './useHoverTitle'
import { useColumnWindow } from './useColumnWindow'
import { scrollLeftToShow, type ColumnBox } from './column-window'
import { scrollSnapshot } from '../overlay/place'

export const ROW_HEIGHT = 32
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 4
const HEADER_HEIGHT = 34
/** The filter line under the titles, when the grid has filters (grid.css matches). */
const FILTER_HEIGHT = 34

/** Where each visible column is (left edge and width, px), from the `id:start:size` placement string. */
function placementOf(template: string): Map<string, ColumnBox> {
  const boxes = new Map<string, ColumnBox>()
  for (const part of template.split(' ')) {
    const [id, start, size] = part.split(':')
    if (size) boxes.set(id, { start: Number(start), size: Number(size) })
  }
  return boxes
}

/** Width of all visible columns. */
function totalWidthOf(placement: ReadonlyMap<string, ColumnBox>): number {
  let w = 0
  for (const b of placement.values()) w = Math.max(w, b.start + b.size)
  return w
}

export interface DataGridHandle {
  /** Make a cell active (scrolling it into view); optionally open its editor. */
  focusCell(index: number, col?: string, edit?: boolean): void
  /**
   * A new query (search, filter, sort): back to the top, with no active cell, as its row index
   * now names another row (a key press would otherwise act on an event the panel does not show).
   */
  showNewQuery(): void
  /** Bring a row into view without moving focus. */
  scrollToRow(index: number): void
  /**
   * Bring a row into view (centred, unless it is in full view already) and, if a cell is active,
   * move the cursor to that row in the same column (a duplicated, restored or re-sorted event:
   * the keys then act on the row the panel shows).
   */
  revealRow(index: number): void
}

interface Props<R> {
  label: string
  table: Table<R>
  specs: ReadonlyMap<string, GridColumn<R>>
  rowCount: number
  getRow: (index: number) => R | undefined
  rowKey: (row: R) => string
  selectedKey?: string | null
  onActiveRow?: (index: number, row: R | undefined) => void
  onVisibleRange?: (start: number, end: number) => void
  /** Save an edit; on a rejection the editor stays open with the typed value and the reason. */
  onCommit: (row: R, col: string, value: unknown) => Promise<void>
  /** Controls of the filter row under the headers, by column id. */
  filters?: Readonly<Record<string, ReactNode>>
  /** Shown in place of rows when there are none. */
  empty?: ReactNode
  handle?: Ref<DataGridHandle>
}

interface Cell {
  row: number
  col: string
}

/**
 * The cell being edited; `typed` is the character that opened its editor, if one did;
 * `selectAll` when a new row's placeholder is opened to be typed over.
 */
interface Editing<R = unknown> extends Cell {
  typed?: string
  selectAll?: boolean
  /**
   * The row being edited, as it was when the editor opened. Rows are fetched again after each
   * edit (a saved edit may move its row in the sort), and an editor opened meanwhile must save to
   * its own row, not to whichever one then sits at its index.
   */
  record: R
}

export function DataGrid<R>(props: Props<R>) {
  const { label, table, specs, rowCount, getRow, rowKey, selectedKey, onActiveRow, onVisibleRange, onCommit, filters, empty, handle } = props
  const withFilters = !!filters
  const gridId = useId().replace(/:/g, '')
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActiveState] = useState<Cell | null>(null)
  // Read by handlers that can run before React re-renders (a focus event fired by focus()).
  const activeRef = useRef<Cell | null>(null)
  const setActive = useCallback((cell: Cell | null) => {
    activeRef.current = cell
    setActiveState(cell)
  }, [])
  const [editing, setEditing] = useState<Editing<R> | null>(null)
  const restoreScrollRef = useRef<(() => void) | null>(null)
  const [error, setError] = useState<{ key: string; col: string; message: string } | null>(null)

  const visible = table.getVisibleLeafColumns()
  const columns = useMemo(
    () => visible.map((c) => specs.get(c.id)).filter((c): c is GridColumn<R> => !!c),
    // The visible ids in order are what matter; TanStack returns new column objects freely.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [visible.map((c) => c.id).join('|'), specs]
  )
  // Column placement as CSS variables on the grid: rows and headers read them (see GridRow).
  const template = visible.map((c) => `${c.id}:${c.getStart()}:${c.getSize()}`).join(' ')
  const placement = useMemo(() => placementOf(template), [template])
  const gridStyle = useMemo(() => {
    const vars: Record<string, string> = { '--grid-width': `${totalWidthOf(placement)}px` }
    for (const [id, b] of placement) {
      vars[`--x-${id}`] = `${b.start}px`
      vars[`--w-${id}`] = `${b.size}px`
    }
    return vars as CSSProperties
  }, [placement])
  // Column widths for renders that fit their content (chips): updated when a resize ends, so a
  // drag restyles rows through the CSS variables above without rendering them.
  const resizing = !!table.getState().columnSizingInfo.isResizingColumn
  const restingWidths = useRef<{ key: string; widths: number[] }>({ key: '', widths: [] })
  const widthKey = columns.map((c) => placement.get(c.id)?.size ?? 0).join(',')
  if (!resizing && restingWidths.current.key !== widthKey) {
    restingWidths.current = { key: widthKey, widths: columns.map((c) => placement.get(c.id)?.size ?? 0) }
  }
  const widths = restingWidths.current.widths

  // Rows render only the columns in the horizontal view (and the active cell's): see
  // column-window.ts. Before the row virtualiser, so its scroll read comes first (useColumnWindow).
  const boxes = useMemo(() => columns.map((c) => placement.get(c.id) ?? { start: 0, size: 0 }), [columns, placement])
  const colWindow = useColumnWindow(scrollRef, boxes)
  // What the header shows besides its filters: it re-renders when this changes, not on every scroll.
  const tableState = table.getState()
  const headerKey = `${template}|${JSON.stringify(tableState.sorting)}|${tableState.columnSizingInfo.isResizingColumn || ''}`
  const headHeight = HEADER_HEIGHT + (withFilters ? FILTER_HEIGHT : 0)

  // Keep the active row mounted even when scrolled away: its editor keeps its draft and
  // aria-activedescendant keeps pointing at a real element.
  const activeRow = active?.row ?? -1
  const rangeExtractor = useCallback(
    (range: Range) => {
      const list = defaultRangeExtractor(range)
      if (activeRow >= 0 && activeRow < range.count && !list.includes(activeRow)) {
        list.push(activeRow)
        list.sort((a, b) => a - b)
      }
      return list
    },
    [activeRow]
  )
  // Rows beyond the edges (overscan) are for small moves, where they come into view before the
  // next render. While the grid jumps by more than a screen per frame (a scrollbar drag, a fling)
  // every row is replaced each frame and those rows are never seen: they wait until it slows.
  // A render for another reason (rows arrived) keeps the mode of the last move.
  //
  // Once a scroll has jumped, rows still loading are drawn blank until it rests, not as skeletons
  // (grid.css, .is-flung): a frame with nothing but background where rows are needs no raster
  // tiles, and new tiles were what made the first frames of a fling after opening take 50-100 ms
  // on two cores. Till it rests, not only while it jumps: the frame where a fling slows would draw
  // a screenful of skeletons at once. Rows that have arrived are drawn as always.
  const shownVirtualizer = useRef<Virtualizer<HTMLDivElement, Element> | null>(null)
  const drawn = useRef({ offset: 0, jumping: false, flung: false })
  const shown = shownVirtualizer.current
  const offsetNow = shown?.scrollOffset ?? 0
  const scrolling = !!shown?.isScrolling
  const jumping =
    scrolling && (offsetNow === drawn.current.offset ? drawn.current.jumping : Math.abs(offsetNow - drawn.current.offset) > (shown.scrollRect?.height ?? Infinity))
  const flung = jumping || (scrolling && drawn.current.flung)
  useLayoutEffect(() => {
    drawn.current = { offset: offsetNow, jumping, flung }
  })
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: jumping ? 0 : OVERSCAN,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
    observeElementOffset: observeOffsetBeforePaint
  })
  shownVirtualizer.current = virtualizer
  const items = virtualizer.getVirtualItems()
  // Rows are keyed by slot (see row-slots.ts), so scrolling, slow or fast, reuses row elements and
  // rewrites their text instead of mounting, unmounting or moving rows. The active row keeps a key
  // of its own: its editor and focus target survive scrolling.
  const shownSlots = useRef<RowSlots>(NO_SLOTS)
  const rowSlots = assignSlots(
    shownSlots.current,
    items.filter((it) => it.index !== activeRow).map((it) => it.index)
  )
  useLayoutEffect(() => {
    shownSlots.current = rowSlots
  })
  const first = items.length ? items[0].index : 0
  const last = items.length ? items[items.length - 1].index : -1

  useEffect(() => {
    if (last >= 0) onVisibleRange?.(first, last)
  }, [first, last, onVisibleRange])

  // Rows shrink (a search): keep the active cell inside them.
  useEffect(() => {
    if (active && active.row >= rowCount) setActive(rowCount > 0 ? { row: rowCount - 1, col: active.col } : null)
  }, [active, rowCount, setActive])

  const colIds = columns.map((c) => c.id)
  const move = useCallback(
    (to: Cell) => {
      setActive(to)
      virtualizer.scrollToIndex(to.row, { align: 'auto' })
      // Sideways too: focus stays on the grid, so nothing else scrolls an off-screen column in
      // (the active cell is rendered wherever it is; once in view its neighbours are too).
      const el = scrollRef.current
      const box = placement.get(to.col)
      if (el && box) {
        const left = scrollLeftToShow(box, { left: el.scrollLeft, width: el.clientWidth })
        if (left !== el.scrollLeft) el.scrollLeft = left
      }
      onActiveRow?.(to.row, getRow(to.row))
    },
    [virtualizer, placement, onActiveRow, getRow, setActive]
  )

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true })

  const startEdit = useCallback(
    (cell: Cell, typed?: string, selectAll?: boolean) => {
      const spec = specs.get(cell.col)
      const row = getRow(cell.row)
      if (!spec?.edit || row === undefined) return
      setError(null)
      // A pop-up editor is focused before it is placed in view: keep the grid where it was.
      restoreScrollRef.current = scrollSnapshot(scrollRef.current)
      setEditing({ ...cell, typed, selectAll, record: row })
    },
    [specs, getRow]
  )

  useImperativeHandle(
    handle,
    () => ({
      focusCell(index, col, edit) {
        const c = col ?? colIds[0]
        move({ row: index, col: c })
        focusGrid()
        if (edit) startEdit({ row: index, col: c }, undefined, true)
      },
      showNewQuery() {
        virtualizer.scrollToOffset(0)
        if (!editingRef.current) setActive(null)
      },
      scrollToRow(index) {
        virtualizer.scrollToIndex(index, { align: 'center' })
      },
      revealRow(index) {
        // Already in full view (a row re-sorted by an edit to a place on screen): left where it is.
        const el = scrollRef.current
        const top = index * ROW_HEIGHT
        if (!el || top < el.scrollTop || headHeight + top + ROW_HEIGHT > el.scrollTop + el.clientHeight) virtualizer.scrollToIndex(index, { align: 'center' })
        const at = activeRef.current
        if (at && !editingRef.current) setActive({ row: index, col: at.col })
      }
    }),
    [colIds, move, startEdit, virtualizer, setActive, headHeight]
  )

  const editingRef = useRef(editing)
  editingRef.current = editing
  const commitRef = useRef({ rowKey, onCommit, specs, colIds, rowCount, move })
  commitRef.current = { rowKey, onCommit, specs, colIds, rowCount, move }
  /** The open editor's draft (see EditorProps.provideRead). */
  const readRef = useRef<(() => unknown) | null>(null)
  /** An edit is being saved: further commits of it (Enter, then the blur it causes) wait for it. */
  const savingRef = useRef(false)

  // Stable for the lifetime of the grid so memoised rows are not re-rendered by it.
  const editor = useMemo(() => {
    const close = (cell: Editing, how: CommitMove) => {
      if (editingRef.current !== cell) return
      editingRef.current = null
      readRef.current = null
      setEditing(null)
      const { colIds, rowCount, move } = commitRef.current
      // Back to the grid from its editor; not when the analyst has gone elsewhere while it saved.
      const focus = document.activeElement
      if (how !== 'blur' && (!focus || focus === document.body || scrollRef.current?.contains(focus))) scrollRef.current?.focus({ preventScroll: true })
      if (how === 'next' || how === 'prev') {
        const t = tabTarget({ row: cell.row, col: colIds.indexOf(cell.col) }, how === 'next' ? 1 : -1, { rows: rowCount, cols: colIds.length })
        move({ row: t.row, col: colIds[t.col] })
      } else if (how === 'down') move({ row: Math.min(rowCount - 1, cell.row + 1), col: cell.col })
    }
    return {
      commit(value: unknown, how: CommitMove) {
        const cell = editingRef.current
        if (!cell || savingRef.current) return
        const { rowKey, onCommit, specs } = commitRef.current
        const row = cell.record
        const spec = specs.get(cell.col)
        if (!spec?.edit || sameValue(value, spec.edit.value(row))) {
          setError(null)
          return close(cell, how)
        }
        const key = rowKey(row)
        savingRef.current = true
        onCommit(row, cell.col, value).then(
          () => {
            savingRef.current = false
            setError((e) => (e && e.key === key && e.col === cell.col ? null : e))
            close(cell, how)
          },
          (e: unknown) => {
            savingRef.current = false
            // Still open: it stays open with what was typed, and says why (Esc cancels). Closed
            // meanwhile (another cell was opened): the reason shows beside the cell.
            setError({ key, col: cell.col, message: errorText(e) })
          }
        )
      },
      cancel() {
        editingRef.current = null
        readRef.current = null
        setEditing(null)
        setError(null)
        scrollRef.current?.focus({ preventScroll: true })
      },
      provideRead(read: () => unknown) {
        readRef.current = read
      },
      keepScroll() {
        restoreScrollRef.current?.()
      }
    }
  }, [])

  // A click outside the open editor commits it, as leaving it by focus does. Needed on its own
  // when focus is not in the editor (a clicked button inside it was removed, say).
  useEffect(() => {
    if (!editing) return
    const onDown = (e: PointerEvent) => {
      const box = scrollRef.current?.querySelector('.cell-editor')
      if (!box || box.contains(e.target as Node) || !readRef.current) return
      editor.commit(readRef.current(), 'blur')
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [editing, editor])

  // Row callbacks read the latest props through a ref so that they stay stable and memoised rows
  // are not re-rendered each time a page of rows arrives.
  const latest = useRef({ onActiveRow, getRow, startEdit })
  latest.current = { onActiveRow, getRow, startEdit }
  /** The cell under a pointer event in the body, from the row's data-index and the cell's data-col. */
  const cellAt = (target: EventTarget): Cell | null => {
    const cell = (target as HTMLElement).closest?.('[data-col]')
    const row = cell?.closest('[data-index]')
    if (!cell || !row || cell.closest('.cell-editor, .cell-error')) return null
    return { row: Number((row as HTMLElement).dataset.index), col: (cell as HTMLElement).dataset.col! }
  }
  const onBodyMouseDown = (e: MouseEvent) => {
    const c = cellAt(e.target)
    if (!c) return
    const ed = editingRef.current
    if (ed && ed.row === c.row && ed.col === c.col) return
    setActive(c)
    latest.current.onActiveRow?.(c.row, latest.current.getRow(c.row))
  }
  const onBodyDoubleClick = (e: MouseEvent) => {
    const c = cellAt(e.target)
    if (c) latest.current.startEdit(c)
  }
  const onDismissError = useCallback(() => setError(null), [])
  const onBodyMouseOver = useHoverTitle(specs, getRow)

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in an editor or a filter are theirs.
    if (e.target !== e.currentTarget) return
    if (e.key === 'Escape' && (error || editing)) {
      e.preventDefault()
      // An editor left open by a refused save (focus went elsewhere) is cancelled from here too.
      if (editing) return editor.cancel()
      return setError(null)
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2)
    const cur = active ? { row: active.row, col: Math.max(0, colIds.indexOf(active.col)) } : null
    if (e.key === 'Tab' && cur) {
      const to = tabInRow(cur, e.shiftKey ? -1 : 1, colIds.length)
      if (!to) return
      e.preventDefault()
      return move({ row: to.row, col: colIds[to.col] })
    }
    const typed = typedToEdit({ ...e, isComposing: e.nativeEvent.isComposing })
    if (typed !== null && active) {
      // The character is the new value's start (the editor shows it); not typed twice.
      e.preventDefault()
      return startEdit(active, typed)
    }
    const action = keyAction(e.key, e.ctrlKey || e.metaKey, cur, { rows: rowCount, cols: colIds.length, page })
    if (action.kind === 'none') return
    e.preventDefault()
    if (action.kind === 'move') move({ row: action.to.row, col: colIds[action.to.col] })
    else startEdit({ row: action.cell.row, col: colIds[action.cell.col] })
  }

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget && !activeRef.current && rowCount > 0 && colIds.length) {
      setActive({ row: 0, col: colIds[0] })
      onActiveRow?.(0, getRow(0))
    }
  }

  const uiFor = (index: number, row: R | undefined): RowUi | null => {
    const isActive = active?.row === index
    const isEditing = editing?.row === index
    const err = error && row !== undefined && rowKey(row) === error.key ? { col: error.col, message: error.message } : null
    if (!isActive && !isEditing && !err) return null
    return { activeCol: isActive ? active!.col : null, editingCol: isEditing ? editing!.col : null, typed: isEditing ? editing!.typed : undefined, selectAll: isEditing ? editing!.selectAll : undefined, error: err }
  }

  const activeId = active && active.row < rowCount ? `${gridId}-r${active.row}-${active.col}` : undefined
  let slot = 0
  return (
    <div className="grid-wrap">
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        aria-activedescendant={editing ? undefined : activeId}
        tabIndex={0}
        className="grid"
        style={gridStyle}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <GridHeader table={table} specs={specs} filters={filters} stateKey={headerKey} />
        <div role="rowgroup" className={flung ? 'grid-body is-flung' : 'grid-body'} style={{ height: virtualizer.getTotalSize() }} onMouseDown={onBodyMouseDown} onDoubleClick={onBodyDoubleClick} onMouseOver={onBodyMouseOver}>
          {items.map((it) => {
            const row = getRow(it.index)
            return (
              <GridRow
                key={it.index === activeRow ? `a${it.index}` : rowSlots.slots[slot++]}
                gridId={gridId}
                index={it.index}
                rowIndexBase={2}
                top={it.start - headHeight}
                row={row}
                columns={columns}
                widths={widths}
                colFrom={colWindow.from}
                colTo={colWindow.to}
                ui={uiFor(it.index, row)}
                selected={row !== undefined && selectedKey != null && rowKey(row) === selectedKey}
                editor={editing?.row === it.index ? editor : null}
                onDismissError={onDismissError}
              />
            )
          })}
        </div>
      </div>
      {rowCount === 0 && empty && <div className="grid-empty">{empty}</div>}
    </div>
  )
}
