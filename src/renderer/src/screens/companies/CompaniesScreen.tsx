/**
 * Companies: the workspace's companies as an editable grid (name, Chinese name, sector, listings,
 * benchmark, notes, how many events link each), with add and delete. The list is small (hundreds)
 * so it is held, filtered and sorted here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { CompanyRow } from '../../../../shared/api'
import { api } from '../../api/client'
import { useCompanies } from '../../app/companies'
import { useMetaDamaged } from '../../app/meta-damaged'
import { DataGrid, type DataGridHandle } from '../../components/grid/DataGrid'
import { ColumnsMenu } from '../../components/grid/ColumnsMenu'
import { useGridTable } from '../../components/grid/useGridTable'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useToast } from '../../components/Toast'
import { errorText } from '../../components/error-text'
import { formatCount } from '../../components/format'
import { COMPANY_COLUMNS, companyPatch, companySortKey } from './company-columns'
import { DeleteCompanyDialog } from './DeleteCompanyDialog'
import { stableOrder, type StableOrder } from './stable-order'

const DEFAULT_SORT: SortingState = [{ id: 'name', desc: false }]
const rowKey = (c: CompanyRow) => c.id

export function CompaniesScreen() {
  const directory = useCompanies()
  const metaDamaged = useMetaDamaged()
  const toast = useToast()
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORT)
  const [filter, setFilter] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<CompanyRow | null>(null)
  const [editNew, setEditNew] = useState<string | null>(null)
  const grid = useRef<DataGridHandle>(null)
  const { table, specs, ready, resetLayout } = useGridTable({ columns: COMPANY_COLUMNS, layoutKey: 'companiesTable', sorting, onSortingChange: setSorting })

  // Event counts change on the Events screen: read them fresh whenever this screen opens.
  const { reload } = directory
  useEffect(() => {
    void reload()
  }, [reload])

  // Sorted and filtered here (the list is small); kept in place while its rows are edited.
  const order = useRef<StableOrder | null>(null)
  const rows = useMemo(() => {
    const s = sorting[0] ?? DEFAULT_SORT[0]
    const { order: next, rows } = stableOrder(order.current, directory.list, JSON.stringify([filter, s]), (list) => {
      const f = filter.trim().toLowerCase()
      const shown = f ? list.filter((c) => `${c.name} ${c.nameZh} ${c.sector} ${c.listings.map((l) => l.ticker).join(' ')}`.toLowerCase().includes(f)) : [...list]
      const key = companySortKey(s.id)
      const dir = s.desc ? -1 : 1
      return shown.sort((a, b) => {
        const x = key(a)
        const y = key(b)
        return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * dir
      })
    })
    order.current = next
    return rows
  }, [directory.list, filter, sorting])

  // Open the name of a company just added, so the analyst types it straight away.
  useEffect(() => {
    if (!editNew) return
    const i = rows.findIndex((r) => r.id === editNew)
    if (i >= 0) {
      setEditNew(null)
      grid.current?.focusCell(i, 'name', true)
    }
  }, [editNew, rows])

  const add = async () => {
    try {
      const row = await api['companies:create']({ fields: { name: 'New company' } })
      directory.upsert(row)
      setFilter('')
      setSelectedId(row.id)
      setEditNew(row.id)
    } catch (e) {
      toast({ message: `Could not add the company: ${errorText(e)}`, tone: 'error' })
    }
  }

  const onCommit = useCallback(
    async (row: CompanyRow, col: string, value: unknown) => {
      directory.upsert(await api['companies:update']({ id: row.id, patch: companyPatch(col, value) }))
    },
    [directory]
  )
  const getRow = useCallback((i: number) => rows[i], [rows])
  const onActiveRow = useCallback((_i: number, row: CompanyRow | undefined) => row && setSelectedId(row.id), [])
  const selected = rows.find((r) => r.id === selectedId) ?? null

  return (
    <section className="screen companies-screen" aria-label="Companies">
      <div className="toolbar" role="toolbar" aria-label="Companies">
        <h1 className="screen-title">Companies</h1>
        <button type="button" className="btn btn-primary" onClick={add}>
          Add company
        </button>
        <button type="button" className="btn" disabled={!selected} onClick={() => setDeleting(selected)}>
          Delete company
        </button>
        <div className="search">
          <input className="input search-input" type="search" aria-label="Filter companies" placeholder="Filter by name, ticker, sector…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <span className="count-label" aria-live="polite">
          {filter ? `${formatCount(rows.length)} of ${formatCount(directory.list.length)} companies` : `${formatCount(directory.list.length)} companies`}
        </span>
        <span className="toolbar-spacer" />
        <ColumnsMenu table={table} specs={specs} onReset={resetLayout} />
      </div>
      {directory.error !== null && <ErrorBanner title="Could not load companies" error={directory.error} onRetry={() => void reload()} />}
      <div className="screen-body">
        <div className="table-pane">
          {ready && directory.loaded && (
            <DataGrid
              label="Companies"
              table={table}
              specs={specs}
              rowCount={rows.length}
              getRow={getRow}
              rowKey={rowKey}
              selectedKey={selectedId}
              onActiveRow={onActiveRow}
              onCommit={onCommit}
              handle={grid}
              empty={
                directory.list.length === 0 ? (
                  <EmptyState title="No companies yet">
                    {metaDamaged && <p>The companies file was damaged at start: restore the backup from the banner above.</p>}
                    <button type="button" className="btn btn-primary" onClick={add}>
                      Add company
                    </button>
                  </EmptyState>
                ) : (
                  <EmptyState title={`No company matches “${filter}”`}>
                    <button type="button" className="btn" onClick={() => setFilter('')}>
                      Clear filter
                    </button>
                  </EmptyState>
                )
              }
            />
          )}
        </div>
      </div>
      {deleting && (
        <DeleteCompanyDialog
          company={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(unlinked) => {
            setSelectedId(null)
            void reload()
            toast({ message: `Deleted ${deleting.name}${unlinked ? `; unlinked ${unlinked} event${unlinked === 1 ? '' : 's'}` : ''}` })
          }}
        />
      )}
    </section>
  )
}
