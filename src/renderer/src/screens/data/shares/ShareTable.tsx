/**
 * The editable share schedule of one listing (TanStack Table): effective date, shares
 * outstanding, source, with a delete button per row and each row's problems beside it.
 */
import { Fragment } from 'react'
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table'
import type { DraftShareRow } from './share-rows'

declare module '@tanstack/react-table' {
  // An augmentation must repeat the library's type parameter even where it is not used.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    /** Share table: edit one field of the row with this key. */
    updateShareRow?: (key: string, field: 'date' | 'shares' | 'source', value: string) => void
    deleteShareRow?: (key: string) => void
    shareProblems?: Map<string, string[]>
  }
}

// Columns are static: cells reach the editing callbacks through table meta, so typing in a cell
// never rebuilds the column set (which would remount the input and lose focus).
const COLUMNS: ColumnDef<DraftShareRow>[] = [
  {
    id: 'date',
    header: 'Effective date',
    cell: ({ row, table }) => (
      <input
        aria-label={`Effective date, row ${row.index + 1}`}
        placeholder="YYYY-MM-DD"
        size={10}
        value={row.original.date}
        aria-invalid={table.options.meta?.shareProblems?.has(row.original.key) || undefined}
        aria-describedby={table.options.meta?.shareProblems?.has(row.original.key) ? problemId(row.original.key) : undefined}
        onChange={(e) => table.options.meta?.updateShareRow?.(row.original.key, 'date', e.target.value)}
      />
    )
  },
  {
    id: 'shares',
    header: 'Shares outstanding',
    cell: ({ row, table }) => (
      <input
        aria-label={`Shares outstanding, row ${row.index + 1}`}
        inputMode="numeric"
        className="md-num"
        size={14}
        value={row.original.shares}
        onChange={(e) => table.options.meta?.updateShareRow?.(row.original.key, 'shares', e.target.value)}
      />
    )
  },
  {
    id: 'source',
    header: 'Source',
    cell: ({ row, table }) => (
      <input
        aria-label={`Source, row ${row.index + 1}`}
        size={22}
        value={row.original.source}
        onChange={(e) => table.options.meta?.updateShareRow?.(row.original.key, 'source', e.target.value)}
      />
    )
  },
  {
    id: 'actions',
    header: '',
    cell: ({ row, table }) => (
      <button type="button" className="btn btn-small" aria-label={`Delete row ${row.index + 1}`} onClick={() => table.options.meta?.deleteShareRow?.(row.original.key)}>
        Delete
      </button>
    )
  }
]

const problemId = (key: string) => `share-problem-${key}`

interface Props {
  rows: DraftShareRow[]
  problems: Map<string, string[]>
  onUpdate: (key: string, field: 'date' | 'shares' | 'source', value: string) => void
  onDelete: (key: string) => void
}

export function ShareTable({ rows, problems, onUpdate, onDelete }: Props) {
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    getRowId: (r) => r.key,
    getCoreRowModel: getCoreRowModel(),
    meta: { updateShareRow: onUpdate, deleteShareRow: onDelete, shareProblems: problems }
  })
  return (
    // Narrower than its inputs (a card squeezed by a small window), the table scrolls sideways
    // inside its card instead of running under the card beside it.
    <div className="md-hscroll">
      <table className="md-table md-edit-table" aria-label="Share schedule">
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => {
            const p = problems.get(r.original.key)
            return (
              <Fragment key={r.id}>
                <tr>
                  {r.getVisibleCells().map((c) => (
                    <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
                  ))}
                </tr>
                {/* The row's problems on a line of their own under it, wrapping within the table: beside
                    the inputs they pushed the table past its card and were cut off. */}
                {p && (
                  <tr className="md-problem-row">
                    <td colSpan={COLUMNS.length}>
                      <span className="md-bad" id={problemId(r.original.key)}>
                        {p.join('; ')}
                      </span>
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="md-empty">
                No share rows: market cap cannot be computed from prices until one is added.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
