import type { ExportRequest } from '../../../shared/api'
import type { CsvValue } from '../csv/write'
import type { Core } from '../core'

/** A report: its columns and rows, before CSV writing (reports/handlers.ts writes the file). */
export interface ReportTable {
  header: string[]
  rows: Iterable<readonly CsvValue[]>
  /** Row count, for the result (rows may be a generator). */
  count: number
}

export type ReportBuilder = (core: Core, request: ExportRequest) => Promise<ReportTable> | ReportTable
