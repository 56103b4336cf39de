/**
 * Column selection for reports: `request.columns` keeps only the named columns, in that order
 * (the UI passes the table's visible columns). A name the report does not have is the caller's
 * mistake, so it is refused with the name and the valid ones rather than silently dropped.
 */
import { ApiError } from '../../../shared/errors'
import type { CsvValue } from '../csv/write'
import type { ReportTable } from './types'

/** Indexes into `header` of the requested columns; all of them, in order, when none are asked for. */
export function pickColumns(report: string, header: readonly string[], requested: readonly string[] | undefined): number[] {
  if (requested === undefined) return header.map((_, i) => i)
  if (requested.length === 0) {
    throw new ApiError('invalid_input', `The ${report} report needs at least one column`, {
      issues: [{ path: 'columns', message: 'must name at least one column' }]
    })
  }
  const unknown = requested.filter((c) => !header.includes(c))
  if (unknown.length) {
    throw new ApiError('invalid_input', `Unknown column ${unknown.join(', ')} in the ${report} report. Columns: ${header.join(', ')}`, {
      issues: unknown.map((c) => ({ path: 'columns', message: `unknown column ${c}` }))
    })
  }
  const twice = requested.filter((c, i) => requested.indexOf(c) !== i)
  if (twice.length) {
    throw new ApiError('invalid_input', `Column ${twice[0]} is named twice`, {
      issues: [{ path: 'columns', message: `duplicate column ${twice[0]}` }]
    })
  }
  return requested.map((c) => header.indexOf(c))
}

export function isIdentity(picked: readonly number[], width: number): boolean {
  return picked.length === width && picked.every((p, i) => p === i)
}

/** The table with only the requested columns; the same table when it already has exactly them. */
export function projectTable(report: string, table: ReportTable, requested: readonly string[] | undefined): ReportTable {
  const picked = pickColumns(report, table.header, requested)
  if (isIdentity(picked, table.header.length)) return table
  const source = table.rows
  function* rows(): Generator<CsvValue[]> {
    for (const row of source) yield picked.map((i) => row[i])
  }
  return { header: picked.map((i) => table.header[i]), rows: rows(), count: table.count }
}
