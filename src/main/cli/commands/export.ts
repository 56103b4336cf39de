/**
 * `capwatch export REPORT --out FILE`: any report of the contract as CSV. The file is checked and
 * written by core/output-file.ts: never inside the data directory, never over a device or pipe,
 * atomically (temp file, fsync, rename), so a reader never sees half a report.
 */
import { REPORTS, type ExportRequest, type ReportName } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { call } from '../../core/dispatch'
import { prepareOutputFile, writeOutputFile } from '../../core/output-file'
import type { CliCommand } from '../command'
import { dateOption, splitList, stringOption } from '../format'

/** The options that only some reports read. */
const ONLY_FOR: Record<string, ReportName[]> = {
  search: ['events', 'notes', 'impact'],
  windows: ['impact'],
  benchmark: ['impact'],
  from: ['marketcap'],
  to: ['marketcap'],
  tickers: ['marketcap']
}

/** As many as the app's settings hold (domain.ts). */
const MAX_WINDOWS = 20

/** `-1:1,0:5` -> [{a: -1, b: 1}, {a: 0, b: 5}] */
export function parseWindows(text: string): { a: number; b: number }[] {
  const list = splitList(text)
  if (!list.length) throw new ApiError('invalid_input', '--windows: give at least one window, like --windows=-1:1,0:5')
  if (list.length > MAX_WINDOWS) throw new ApiError('invalid_input', `--windows: at most ${MAX_WINDOWS} windows (${list.length} given)`)
  const seen = new Set<string>()
  return list.map((w) => {
    const m = /^([+-]?\d+):([+-]?\d+)$/.exec(w)
    if (!m) throw new ApiError('invalid_input', `--windows: "${w}" is not a window like -1:1 (start:end in trading days)`)
    const a = Number(m[1])
    const b = Number(m[2])
    if (a > b) throw new ApiError('invalid_input', `--windows: in "${w}" the start is after the end`)
    // The same window twice would write every one of its rows twice.
    if (seen.has(`${a}:${b}`)) throw new ApiError('invalid_input', `--windows: ${a}:${b} is given twice`)
    seen.add(`${a}:${b}`)
    return { a, b }
  })
}

/** `--tickers A,B`: an empty list would quietly mean every ticker. */
function tickerList(text: string): string[] {
  const list = splitList(text)
  if (!list.length) throw new ApiError('invalid_input', '--tickers: give at least one ticker, like --tickers BABA,9988.HK')
  return list
}

export const exportCommand: CliCommand = {
  words: ['export'],
  summary: 'Write a report as CSV: events, notes, impact or marketcap',
  usage:
    'export events|notes|impact|marketcap --out FILE [--bom] [--delimiter ";"] [--columns a,b] [--search TEXT] [--windows=-1:1,0:5] [--benchmark T] [--from D] [--to D] [--tickers A,B]',
  help: [
    '  --out FILE          where to write the CSV (replaced whole, never half-written); its folder must',
    '                      exist, and it must be outside the data directory',
    '  --bom               start with a UTF-8 byte-order mark, so Excel reads Chinese text',
    '  --delimiter D       , (default) or ;',
    '  --columns a,b       keep only these report columns, in this order',
    '  --search TEXT       events/notes: only events matching this search (as the app\'s Search box)',
    '  --windows=A:B,...   impact: windows in trading days around day 0 (write with =, as they start with -)',
    '  --benchmark T       impact: benchmark ticker instead of each company\'s default',
    '  --from D, --to D    marketcap: date range (YYYY-MM-DD)',
    '  --tickers A,B       marketcap: only these tickers',
    'Prints "wrote N rows to FILE".'
  ].join('\n'),
  options: {
    out: { type: 'string' },
    bom: { type: 'boolean' },
    delimiter: { type: 'string' },
    columns: { type: 'string' },
    search: { type: 'string' },
    windows: { type: 'string' },
    benchmark: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    tickers: { type: 'string' }
  },
  positionals: 1,
  fields: {
    report: 'REPORT',
    'dialect.delimiter': '--delimiter',
    columns: '--columns',
    'query.search': '--search',
    windows: '--windows',
    benchmark: '--benchmark',
    from: '--from',
    to: '--to',
    tickers: '--tickers'
  },
  async run(ctx) {
    const report = ctx.args[0]
    if (!(REPORTS as readonly string[]).includes(report)) {
      throw new ApiError('invalid_input', `Unknown report "${report}". Reports: ${REPORTS.join(', ')}`)
    }
    const out = stringOption(ctx, 'out')
    if (!out) throw new ApiError('invalid_input', '--out FILE is required')
    // An option another report reads would be silently ignored here: say so instead.
    for (const [option, reports] of Object.entries(ONLY_FOR)) {
      if (ctx.options[option] !== undefined && !reports.includes(report as ReportName)) {
        throw new ApiError('invalid_input', `--${option} applies to the ${reports.join(' and ')} ${reports.length === 1 ? 'report' : 'reports'}, not ${report}`)
      }
    }
    const delimiter = stringOption(ctx, 'delimiter') ?? ','
    if (delimiter !== ',' && delimiter !== ';') throw new ApiError('invalid_input', `--delimiter must be , or ; (got "${delimiter}")`)
    const columns = stringOption(ctx, 'columns')
    const search = stringOption(ctx, 'search')
    const windows = stringOption(ctx, 'windows')
    const benchmark = stringOption(ctx, 'benchmark')
    const tickers = stringOption(ctx, 'tickers')
    const from = dateOption('from', stringOption(ctx, 'from'))
    const to = dateOption('to', stringOption(ctx, 'to'))
    if (from && to && from > to) throw new ApiError('invalid_input', `--from ${from} is after --to ${to}`)
    const request: ExportRequest = {
      report: report as ReportName,
      dialect: { bom: ctx.options.bom === true, delimiter },
      ...(columns !== undefined ? { columns: splitList(columns) } : {}),
      ...(search !== undefined ? { query: { search } } : {}),
      ...(windows !== undefined ? { windows: parseWindows(windows) } : {}),
      ...(benchmark !== undefined ? { benchmark } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(tickers !== undefined ? { tickers: tickerList(tickers) } : {})
    }
    // Checked before the report is built: a refused path should not cost a 100k-event export.
    const target = await prepareOutputFile(out, ctx.core.dataDir)
    const result = await call(ctx.handlers, 'reports:export', request)
    await writeOutputFile(target, result.csv)
    ctx.out(`wrote ${result.rows} ${result.rows === 1 ? 'row' : 'rows'} to ${out}`)
  }
}

export const exportCommands: CliCommand[] = [exportCommand]
