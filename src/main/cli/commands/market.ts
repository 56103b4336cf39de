/**
 * Market data from the command line: `import prices`, `companies list`, `series list`,
 * `shares set`, `benchmark set`. Each goes through the same contract methods as the wizard.
 */
import { resolve } from 'node:path'
import type { CompanyRow } from '../../../shared/api'
import type { ImportDryRun, ImportMapping, ValueKind } from '../../../shared/market'
import { DATE_FORMATS, VALUE_KINDS } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import { call } from '../../core/dispatch'
import type { CliCommand } from '../command'
import { dateOption } from '../format'

/** Rejected rows printed; the rest are counted. */
const SHOWN_REJECTS = 20

const importPrices: CliCommand = {
  words: ['import', 'prices'],
  summary: 'Import daily prices (or market caps) from a CSV file: a dry run, then all or nothing',
  usage: 'import prices FILE [--ticker T] [--column close|adj_close|market_cap] [--date-column NAME] [--value-column NAME] [--currency C] [--date-format F] [--dry-run] [--skip-rejected]',
  help: [
    '  --ticker T           the ticker of the file\'s rows (not needed when the file has a Ticker or Symbol column)',
    '  --column KIND        what to import: close (default), adj_close or market_cap; picks the Close,',
    '                       Adj Close or Market Cap column by its header name',
    '  --date-column NAME   the date column, when it is not called Date',
    '  --value-column NAME  the value column, when its name is not recognised',
    '  --currency C         currency of a company the import creates (default: from the ticker\'s',
    '                       Yahoo suffix, e.g. .HK -> HKD, .SS/.SZ -> CNY, .T -> JPY; else USD)',
    '  --date-format F      how the dates are written, when detection guesses wrong: YYYY-MM-DD,',
    '                       DD/MM/YYYY, MM/DD/YYYY, YYYY/MM/DD or DD.MM.YYYY',
    '  --dry-run            check every row and show what would change; write nothing',
    '  --skip-rejected      import the good rows of a file that has rejected rows (without it, such a',
    '                       file is refused whole and nothing is written)',
    'Delimiter (, ; tab |), decimal comma, header row, date format and encoding are detected.',
    'An unknown ticker gets a company named after it. Rejected rows are listed as `line N: field: reason`.'
  ].join('\n'),
  options: {
    ticker: { type: 'string' },
    column: { type: 'string' },
    'date-column': { type: 'string' },
    'value-column': { type: 'string' },
    currency: { type: 'string' },
    'date-format': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-rejected': { type: 'boolean' }
  },
  positionals: 1,
  writesNothing: (options) => options['dry-run'] === true,
  fields: { 'mapping.ticker': '--ticker', 'mapping.currency': '--currency', 'mapping.dateColumn': '--date-column', 'mapping.valueColumn': '--value-column' },
  async run({ handlers, args, options, out }) {
    const source = { kind: 'path' as const, path: resolve(args[0]) }
    const ins = await call(handlers, 'import:inspect', { source })
    const kind = options.column as string | undefined
    if (kind !== undefined && !(VALUE_KINDS as readonly string[]).includes(kind)) {
      throw new ApiError('invalid_input', `--column must be one of ${VALUE_KINDS.join(', ')}, not "${kind}"`)
    }
    const columns = ins.header.map((h) => `"${h}"`).join(', ')
    const valueColumnOpt = options['value-column'] as string | undefined
    const valueKind = (kind ?? ins.candidates.find((c) => c.column === valueColumnOpt)?.kind ?? (valueColumnOpt ? 'close' : ins.suggested.valueKind ?? 'close')) as ValueKind
    const valueColumn = valueColumnOpt ?? ins.candidates.find((c) => c.kind === valueKind)?.column
    if (!valueColumn) {
      throw new ApiError('invalid_input', `${ins.name}: no ${valueKind} column recognised among ${columns}; name it with --value-column NAME`)
    }
    const dateColumn = (options['date-column'] as string | undefined) ?? ins.suggested.dateColumn
    if (!dateColumn) throw new ApiError('invalid_input', `${ins.name}: no date column recognised among ${columns}; name it with --date-column NAME`)
    const ticker = options.ticker as string | undefined
    const tickerColumn = ins.suggested.tickerColumn
    if (!ticker && !tickerColumn) {
      throw new ApiError('invalid_input', `${ins.name} has no Ticker or Symbol column: give the ticker with --ticker T`)
    }
    if (ticker && tickerColumn) {
      // Storing every row under T would file other tickers' prices as T's.
      const col = ins.header.indexOf(tickerColumn)
      const seen = [...new Set(ins.sample.map((r) => r[col]).filter(Boolean))].slice(0, 5).join(', ')
      throw new ApiError(
        'invalid_input',
        `${ins.name} has a "${tickerColumn}" column naming each row's ticker (${seen}): --ticker is for single-ticker files; drop it to import every ticker in the file`
      )
    }
    const dateFormat = options['date-format'] as string | undefined
    if (dateFormat !== undefined && !(DATE_FORMATS as readonly string[]).includes(dateFormat)) {
      throw new ApiError('invalid_input', `--date-format must be one of ${DATE_FORMATS.join(', ')}, not "${dateFormat}"`)
    }
    const mapping: ImportMapping = {
      dateColumn,
      valueColumn,
      valueKind,
      ...(dateFormat ? { dateFormat: dateFormat as ImportMapping['dateFormat'] } : {}),
      ...(ticker ? { ticker } : { tickerColumn }),
      ...(options.currency ? { currency: String(options.currency).toUpperCase() } : {})
    }
    const dry = await call(handlers, 'import:preview', { source, mapping })
    for (const line of describeDryRun(dry, valueColumn, dateFormat !== undefined)) out(line)
    if (options['dry-run']) return out('Dry run: nothing written.')
    const { rejected, rows } = dry.totals
    const skipRejected = options['skip-rejected'] === true
    if (rejected > 0 && rejected < rows && !skipRejected) {
      const good = rows - rejected
      throw new ApiError(
        'invalid_input',
        `${dry.name}: ${plural(rejected, 'row was', 'rows were')} rejected (listed above); nothing written. Fix the file, or run again with --skip-rejected to import the other ${plural(good, 'row')}`
      )
    }
    const result = await call(handlers, 'import:commit', { previewId: dry.previewId, skipRejected })
    if (!result.written.length && !result.createdCompanies.length) {
      return out(`Nothing written: every accepted row of ${dry.name} is already stored.`)
    }
    const wrote = result.tickers.filter((t) => result.written.includes(t.ticker)).map((t) => `${t.ticker} (${t.new} new, ${t.replaced} replaced)`)
    const parts = [wrote.length ? `wrote ${wrote.join(', ')}` : '', result.createdCompanies.length ? `created ${plural(result.createdCompanies.length, 'company', 'companies')} ${result.createdCompanies.join(', ')}` : '']
    out(`Imported ${dry.name}: ${parts.filter(Boolean).join('; ')}.`)
  }
}

/** The dry run as the analyst reads it: one line per ticker, then the rejected rows. */
export function describeDryRun(dry: ImportDryRun, valueColumn: string, formatGiven = false): string[] {
  const t = dry.totals
  const lines = [`${dry.name}: ${plural(t.rows, 'row')}, "${valueColumn}" as ${dry.valueKind}; ${t.new} new, ${t.replaced} replaced, ${t.unchanged} unchanged, ${t.rejected} rejected`]
  if (dry.dateFormatAmbiguous && !formatGiven) {
    // 01/02/2021 is 1 February or January 2: say which was taken, and how to take the other.
    const other = dry.dateFormat === 'DD/MM/YYYY' ? 'MM/DD/YYYY' : dry.dateFormat === 'MM/DD/YYYY' ? 'DD/MM/YYYY' : null
    lines.push(`Dates read as ${dry.dateFormat}${other ? `; every date would also read as ${other}: if that is the file's order, run again with --date-format ${other}` : ''}`)
  }
  const width = Math.max(6, ...dry.tickers.map((x) => x.ticker.length))
  lines.push(`${'ticker'.padEnd(width)}  ${'new'.padStart(8)}  ${'replaced'.padStart(8)}  ${'unchanged'.padStart(9)}  first       last`)
  for (const x of dry.tickers) {
    const tail = x.createsCompany ? '  (new company)' : ''
    lines.push(`${x.ticker.padEnd(width)}  ${String(x.new).padStart(8)}  ${String(x.replaced).padStart(8)}  ${String(x.unchanged).padStart(9)}  ${x.first ?? '-'}  ${x.last ?? '-'}${tail}`)
  }
  if (t.rejected) {
    lines.push(`Rejected ${plural(t.rejected, 'row')}:`)
    for (const r of dry.rejected.slice(0, SHOWN_REJECTS)) lines.push(`line ${r.line}: ${r.field}: ${r.reason}`)
    if (t.rejected > SHOWN_REJECTS) lines.push(`... and ${t.rejected - SHOWN_REJECTS} more rejected rows`)
  }
  return lines
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

const companiesList: CliCommand = {
  words: ['companies', 'list'],
  summary: 'List the companies with their listings, share schedules and linked events',
  usage: 'companies list [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run({ handlers, options, out }) {
    const rows = await call(handlers, 'companies:list', {})
    if (options.json) return out(JSON.stringify(rows, null, 2))
    if (!rows.length) return out('No companies yet.')
    const width = Math.max(...rows.map((c) => c.id.length))
    for (const c of rows) out(`${c.id.padEnd(width)}  ${c.name}${c.nameZh ? ` (${c.nameZh})` : ''}  ${listingsText(c)}  ${plural(c.eventCount, 'event')}`)
  }
}

function listingsText(c: CompanyRow): string {
  if (!c.listings.length) return 'unlisted'
  return c.listings.map((l) => `${l.ticker} ${l.currency}${l.shares.length ? ` ${plural(l.shares.length, 'share row')}` : ''}`).join(', ')
}

const seriesList: CliCommand = {
  words: ['series', 'list'],
  summary: 'List the imported price series',
  usage: 'series list [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run({ handlers, options, out }) {
    const rows = await call(handlers, 'series:list', {})
    if (options.json) return out(JSON.stringify(rows, null, 2))
    if (!rows.length) return out('No imported series yet: capwatch import prices FILE --ticker T')
    const width = Math.max(...rows.map((s) => s.ticker.length))
    for (const s of rows) {
      const counts = Object.entries(s.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')
      out(`${s.ticker.padEnd(width)}  ${s.currency}  ${s.first ?? '-'} .. ${s.last ?? '-'}  ${counts}${s.benchmark ? '  benchmark' : ''}`)
    }
  }
}

const sharesSet: CliCommand = {
  words: ['shares', 'set'],
  summary: "Add or replace one row of a listing's share schedule (shares outstanding from a date on)",
  usage: 'shares set TICKER --date YYYY-MM-DD --shares N [--source S]',
  help: '  --date D     the date from which N shares are outstanding (a row with that date is replaced)\n  --shares N   shares outstanding, e.g. 2712000000 or 2.712e9\n  --source S   where the figure comes from (filing, page)',
  options: { date: { type: 'string' }, shares: { type: 'string' }, source: { type: 'string' } },
  positionals: 1,
  async run({ handlers, args, options, out }) {
    const [ticker] = args
    if (!options.date || !options.shares) throw new ApiError('invalid_input', 'shares set needs --date YYYY-MM-DD and --shares N')
    // Decimal only (Number() would also read 0x10 as 16), and no more than a double holds exactly.
    const text = String(options.shares).replace(/[_,]/g, '')
    const shares = /^\d+(\.\d+)?(e\+?\d+)?$/i.test(text) ? Number(text) : NaN
    if (!Number.isFinite(shares) || shares <= 0) throw new ApiError('invalid_input', `--shares must be a number above zero, not "${String(options.shares)}"`)
    if (shares > Number.MAX_SAFE_INTEGER) throw new ApiError('invalid_input', `--shares ${String(options.shares)} is more than Capwatch can store exactly (at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')})`)
    const companies = await call(handlers, 'companies:list', {})
    const upper = ticker.toUpperCase()
    const company = companies.find((c) => c.listings.some((l) => l.ticker.toUpperCase() === upper))
    const listing = company?.listings.find((l) => l.ticker.toUpperCase() === upper)
    if (!company || !listing) throw new ApiError('not_found', `No listing with ticker ${ticker}; see capwatch companies list`)
    const date = dateOption('date', String(options.date))!
    const replaced = listing.shares.some((r) => r.date === date)
    const rows = [...listing.shares.filter((r) => r.date !== date), { date, shares, source: String(options.source ?? '') }]
    const updated = await call(handlers, 'shares:set', { ticker: listing.ticker, rows })
    const schedule = updated.listings.find((l) => l.ticker === listing.ticker)!.shares
    out(`${listing.ticker} (${company.name}): ${replaced ? 'replaced' : 'added'} ${shares.toLocaleString('en-US')} shares from ${date}; the schedule has ${plural(schedule.length, 'row')}`)
  }
}

const benchmarkSet: CliCommand = {
  words: ['benchmark', 'set'],
  summary: 'Mark an imported series as a benchmark (e.g. SPY, ^HSI), or unmark it with --unset',
  usage: 'benchmark set TICKER [--unset]',
  options: { unset: { type: 'boolean' } },
  positionals: 1,
  async run({ handlers, args, options, out }) {
    const info = await call(handlers, 'series:setBenchmark', { ticker: args[0], benchmark: !options.unset })
    out(info.benchmark ? `${info.ticker} is a benchmark.` : `${info.ticker} is no longer a benchmark.`)
  }
}

const seriesRemove: CliCommand = {
  words: ['series', 'remove'],
  summary: "Remove an imported series (its prices); the company and its listing stay",
  usage: 'series remove TICKER',
  help: 'Refused while a currency is converted with the series. Companies that had it as their benchmark\ngo back to the default benchmark. A backup made before still holds the prices.',
  positionals: 1,
  fields: { ticker: 'TICKER' },
  async run({ handlers, args, out }) {
    const r = await call(handlers, 'series:remove', { ticker: args[0] })
    const bench = r.benchmarkOf.length ? `; ${r.benchmarkOf.join(', ')} now ${r.benchmarkOf.length === 1 ? 'uses' : 'use'} the default benchmark` : ''
    out(`Removed ${r.ticker} (${plural(r.points, 'price')})${bench}.`)
  }
}

export const marketCommands: CliCommand[] = [importPrices, companiesList, seriesList, seriesRemove, sharesSet, benchmarkSet]
