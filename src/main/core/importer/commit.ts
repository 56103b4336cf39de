/**
 * Applying a preview: every changed ticker's merged series and every new company land in ONE
 * store commit, or none does. The preview is refused when a stored series it was compared with
 * has changed since (another import, another window), because its counts would then be untrue.
 */
import type { ImportResult } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import { isoFromDay } from '../../../shared/dates'
import type { Core } from '../core'
import type { SeriesFile, SeriesMeta } from '../store/schema'
import { PART, type Preview, type PreviewTicker } from './dry-run'
import { ownerOf, stageCompany } from './listings'
import type { JobTracker } from './jobs'
import { yieldToLoop } from './parse'

interface Planned {
  t: PreviewTicker
  data: SeriesFile | null
}

export async function applyPreview(core: Core, p: Preview, job: JobTracker): Promise<ImportResult> {
  if (p.tickers.length === 0) {
    throw new ApiError('invalid_input', `${p.name}: nothing to import: all ${p.totals.rejected} rows were rejected`, { file: p.name })
  }
  job.phase('merging', p.tickers.length)
  // Merge first (this may take a while and yields), then check and stage in one synchronous step,
  // so no other write can slip in between the conflict check and the staging.
  const planned: Planned[] = []
  for (let i = 0; i < p.tickers.length; i++) {
    const t = p.tickers[i]
    const changed = t.counts.new + t.counts.replaced > 0
    planned.push({ t, data: changed ? await merged(core, p, t) : null })
    job.progress(i + 1)
    await yieldToLoop()
  }
  const conflicts = p.tickers.filter((t) => (core.store.series.meta(t.counts.ticker)?.file ?? null) !== t.baseFile)
  if (conflicts.length) {
    const names = conflicts.map((t) => t.counts.ticker).join(', ')
    throw new ApiError('conflict', `${p.name}: the stored series of ${names} changed since the dry run; run the dry run again`, { file: p.name })
  }
  const createdCompanies: string[] = []
  const written: string[] = []
  const stamp = core.now().toISOString()
  for (const { t, data } of planned) {
    const ticker = t.counts.ticker
    let owner = ownerOf(core, ticker, t.currency)
    if (owner.companyId === null) {
      owner = { companyId: stageCompany(core, ticker, t.currency).id, currency: t.currency }
      createdCompanies.push(ticker)
    }
    const meta = core.store.series.meta(ticker)
    if (data) {
      core.store.series.put(seriesMeta(data, meta, owner, p.name, stamp), data)
      written.push(ticker)
    } else if (meta && meta.companyId !== owner.companyId) core.store.series.setMeta(ticker, { companyId: owner.companyId })
  }
  if (createdCompanies.length || written.length) {
    job.phase('writing', 1)
    await core.store.commit()
  }
  return { tickers: p.tickers.map((t) => t.counts), totals: p.totals, createdCompanies, written }
}

/** The stored series with this import's points laid over it (other kinds kept as they are). */
async function merged(core: Core, p: Preview, t: PreviewTicker): Promise<SeriesFile> {
  const ticker = t.counts.ticker
  const stored = t.baseFile ? await core.store.series.load(ticker) : null
  const key = PART[p.valueKind]
  const old = stored?.[key]
  const data: SeriesFile = { ...(stored ?? {}), ticker }
  if (!old || old.days.length === 0) {
    data[key] = { days: Array.from(t.days), values: Array.from(t.values) }
    return data
  }
  const days: number[] = []
  const values: number[] = []
  let i = 0
  let j = 0
  const nd = t.days
  const nv = t.values
  while (i < nd.length || j < old.days.length) {
    if (j >= old.days.length || (i < nd.length && nd[i] <= old.days[j])) {
      if (j < old.days.length && nd[i] === old.days[j]) j++
      days.push(nd[i])
      values.push(nv[i])
      i++
    } else {
      days.push(old.days[j])
      values.push(old.values[j])
      j++
    }
  }
  data[key] = { days, values }
  return data
}

function seriesMeta(
  data: SeriesFile,
  old: SeriesMeta | undefined,
  owner: { companyId: string | null; currency: string },
  source: string,
  importedAt: string
): Omit<SeriesMeta, 'file'> {
  const parts = [data.close, data.adjClose, data.marketCap].filter((x) => x && x.days.length) as { days: number[] }[]
  const first = Math.min(...parts.map((x) => x.days[0]))
  const last = Math.max(...parts.map((x) => x.days[x.days.length - 1]))
  return {
    ticker: data.ticker,
    companyId: owner.companyId,
    currency: owner.currency,
    benchmark: old?.benchmark ?? false,
    counts: {
      ...(data.close ? { close: data.close.days.length } : {}),
      ...(data.adjClose ? { adj_close: data.adjClose.days.length } : {}),
      ...(data.marketCap ? { market_cap: data.marketCap.days.length } : {})
    },
    first: parts.length ? isoFromDay(first) : null,
    last: parts.length ? isoFromDay(last) : null,
    source,
    importedAt
  }
}
