/**
 * A TanStack table for a DataGrid: column order, visibility and widths restored from the saved
 * layout and saved again when the analyst changes them; sorting is the screen's (the core sorts).
 */
import { useEffect, useMemo, useState } from 'react'
import { getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type SortingState, type Table, type Updater } from '@tanstack/react-table'
import type { GridColumn } from './types'
import { loadLayout, saveLayout, type ColumnLayout } from './layout-store'

interface Options<R> {
  columns: GridColumn<R>[]
  /** Settings key, e.g. "eventsTable". */
  layoutKey: string
  defaultHidden?: string[]
  sorting: SortingState
  onSortingChange: OnChangeFn<SortingState>
}

export interface GridTable<R> {
  table: Table<R>
  specs: ReadonlyMap<string, GridColumn<R>>
  /** False until the saved layout has been read (render the grid after that, no jump). */
  ready: boolean
  resetLayout: () => void
}

const NO_ROWS: never[] = []
const NONE_HIDDEN: string[] = []

function apply<T>(u: Updater<T>, old: T): T {
  return typeof u === 'function' ? (u as (o: T) => T)(old) : u
}

export function useGridTable<R>({ columns, layoutKey, defaultHidden = NONE_HIDDEN, sorting, onSortingChange }: Options<R>): GridTable<R> {
  // Keyed by the ids, not the specs: specs are rebuilt when their data changes (companies), the
  // layout must not be reloaded for that.
  const idKey = columns.map((c) => c.id).join('|')
  const ids = useMemo(() => idKey.split('|'), [idKey])
  const defaults = useMemo<ColumnLayout>(() => ({ order: ids, hidden: defaultHidden, sizes: {} }), [ids, defaultHidden])
  const [layout, setLayout] = useState<ColumnLayout>(defaults)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    let live = true
    void loadLayout(layoutKey, ids, defaults).then((l) => {
      if (!live) return
      setLayout(l)
      setReady(true)
    })
    return () => {
      live = false
    }
  }, [layoutKey, ids, defaults])

  const change = (next: ColumnLayout) => {
    setLayout(next)
    saveLayout(layoutKey, next)
  }

  const defs = useMemo<ColumnDef<R>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        // The core sorts; TanStack only needs an accessor to treat the column as sortable.
        accessorFn: () => null,
        size: c.size,
        minSize: c.minSize ?? 50,
        maxSize: 1200,
        enableSorting: !!c.sortable,
        enableHiding: true
      })),
    [columns]
  )
  const specs = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns])
  const columnVisibility = useMemo(() => Object.fromEntries(layout.hidden.map((id) => [id, false])), [layout.hidden])

  const table = useReactTable<R>({
    data: NO_ROWS,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    state: { sorting, columnOrder: layout.order, columnVisibility, columnSizing: layout.sizes },
    onSortingChange,
    onColumnOrderChange: (u) => change({ ...layout, order: apply(u, layout.order) }),
    onColumnVisibilityChange: (u) => {
      const vis = apply(u, columnVisibility)
      change({ ...layout, hidden: ids.filter((id) => vis[id] === false) })
    },
    onColumnSizingChange: (u) => change({ ...layout, sizes: apply(u, layout.sizes) })
  })

  return { table, specs, ready, resetLayout: () => change(defaults) }
}
