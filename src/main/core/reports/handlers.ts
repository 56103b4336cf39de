/**
 * reports:export. Owner: reports. Each report is a builder (its header and rows); this file routes
 * a request to its builder, keeps the requested columns, and writes the CSV in the asked dialect
 * (as UTF-8 bytes, in parts: see csv/write.ts).
 */
import type { ExportResult, ReportName } from '../../../shared/api'
import { todayIso } from '../../../shared/dates'
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { writeCsv } from '../csv/write'
import { impactReport, marketcapReport } from '../market/reports'
import { projectTable } from './columns'
import { eventsReport } from './events-report'
import { notesReport } from './notes-report'
import type { ReportBuilder } from './types'

const BUILDERS: Record<ReportName, ReportBuilder> = {
  events: eventsReport,
  notes: notesReport,
  impact: impactReport,
  marketcap: marketcapReport
}

/** `capwatch-events-2026-11-27.csv`: the report and the day it was made, in the analyst's calendar. */
export function reportFilename(report: ReportName, now: Date): string {
  return `capwatch-${report}-${todayIso(now)}.csv`
}

export function reportHandlers(core: Core): Pick<Handlers, 'reports:export'> {
  return {
    'reports:export': async (request): Promise<ExportResult> => {
      const built = await BUILDERS[request.report](core, request)
      // Builders that select columns themselves come back with exactly the requested header.
      const table = projectTable(request.report, built, request.columns)
      const csv = writeCsv(table.header, table.rows, request.dialect)
      return { filename: reportFilename(request.report, core.now()), csv, rows: table.count }
    }
  }
}
