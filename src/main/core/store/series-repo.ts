/**
 * Imported price series. Each revision of a ticker's series is an immutable file under series/,
 * written in the same transaction as the meta index that points at it; a replaced revision is
 * listed in the meta's `retired` and deleted only after the commit that replaced it.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { readTextIfExists } from './files'
import { parseDocument, serialize } from './json-document'
import { SERIES_DIR, seriesFileSchema, type Meta, type SeriesFile, type SeriesMeta } from './schema'
import { fingerprint } from './series-check'
import { quickSeriesFileCheck } from './series-file-check'

export class SeriesRepo {
  private cache = new Map<string, SeriesFile>()
  private reading = new Map<string, Promise<SeriesFile>>()
  /** New series files not yet committed: file -> JSON text. */
  private staged = new Map<string, string>()

  constructor(
    private readonly dataDir: string,
    private readonly doc: () => Meta,
    private readonly touchMeta: () => void,
    private readonly now: () => Date
  ) {}

  list(): SeriesMeta[] {
    return this.doc().series
  }

  meta(ticker: string): SeriesMeta | undefined {
    return this.doc().series.find((s) => s.ticker === ticker)
  }

  /** The series' points; read from its file on first use and kept. */
  async load(ticker: string): Promise<SeriesFile | null> {
    const m = this.meta(ticker)
    if (!m) return null
    const cached = this.cache.get(m.file)
    if (cached) return cached
    // Callers may ask for the same series at once (a chart's companies sharing an FX series):
    // one read serves them all.
    let reading = this.reading.get(m.file)
    if (!reading) {
      reading = this.read(ticker, m).finally(() => this.reading.delete(m.file))
      this.reading.set(m.file, reading)
    }
    return reading
  }

  private async read(ticker: string, m: SeriesMeta): Promise<SeriesFile> {
    const text = this.staged.get(m.file) ?? (await readTextIfExists(join(this.dataDir, m.file)))
    if (text === null) throw new ApiError('corrupt', `${m.file}: the series file of ${ticker} is missing`, { file: m.file })
    // Checked whole at open (series-check.ts); a change since then came from outside Capwatch.
    if (m.sha256 !== undefined && fingerprint(text).sha256 !== m.sha256) {
      throw new ApiError('corrupt', `${m.file}: the imported prices of ${ticker} were changed on disk since Capwatch checked them at start; restart Capwatch to set the file aside`, { file: m.file })
    }
    const data = parseDocument(text, m.file, seriesFileSchema, quickSeriesFileCheck)
    this.cache.set(m.file, data)
    return data
  }

  /** Replace (or add) a series: its new file and the index entry land in the same commit. */
  put(meta: Omit<SeriesMeta, 'file' | 'bytes' | 'sha256'>, data: SeriesFile): SeriesMeta {
    const safe = meta.ticker.replace(/[^A-Za-z0-9_^=-]/g, '_')
    const file = `${SERIES_DIR}/${safe}-${this.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}.json`
    const text = serialize(data)
    const full: SeriesMeta = { ...meta, file, ...fingerprint(text) }
    this.touchMeta()
    const m = this.doc()
    const i = m.series.findIndex((s) => s.ticker === meta.ticker)
    if (i >= 0) {
      m.retired.push(m.series[i].file)
      this.cache.delete(m.series[i].file)
      m.series[i] = full
    } else m.series.push(full)
    this.staged.set(file, text)
    this.cache.set(file, data)
    return full
  }

  /** Remove a series: its file is retired with the commit (deleted after it), like a replaced revision's. */
  remove(ticker: string): SeriesMeta {
    const m = this.doc()
    const i = m.series.findIndex((s) => s.ticker === ticker)
    if (i < 0) throw new ApiError('not_found', `No imported series for ${ticker}`)
    this.touchMeta()
    const [gone] = m.series.splice(i, 1)
    m.retired.push(gone.file)
    this.cache.delete(gone.file)
    return gone
  }

  setMeta(ticker: string, patch: Partial<Omit<SeriesMeta, 'file' | 'ticker' | 'bytes' | 'sha256'>>): SeriesMeta {
    const list = this.doc().series
    const i = list.findIndex((s) => s.ticker === ticker)
    if (i < 0) throw new ApiError('not_found', `No imported series for ${ticker}`)
    this.touchMeta()
    list[i] = { ...list[i], ...patch }
    return list[i]
  }

  /**
   * File a series under another ticker (a listing's ticker corrected): the index entry changes,
   * the immutable file and its checksum stay as they are.
   */
  rename(from: string, to: string): SeriesMeta {
    const list = this.doc().series
    const i = list.findIndex((s) => s.ticker === from)
    if (i < 0) throw new ApiError('not_found', `No imported series for ${from}`)
    this.touchMeta()
    list[i] = { ...list[i], ticker: to }
    return list[i]
  }

  // ---- used by the store ------------------------------------------------------------------------

  takeStaged(): Map<string, string> {
    const s = this.staged
    this.staged = new Map()
    return s
  }

  hasStaged(): boolean {
    return this.staged.size > 0
  }

  /** Files of a failed commit: they never reached the disk. */
  dropStaged(files: string[]): void {
    for (const f of files) this.cache.delete(f)
  }

  reset(): void {
    this.cache.clear()
    this.staged.clear()
  }

  /**
   * Delete retired revisions that a committed meta no longer names, then forget them (the next
   * meta write records that; a crash before it only means deleting again, harmlessly).
   */
  async sweepRetired(files: string[]): Promise<void> {
    if (files.length === 0) return
    const live = new Set(this.doc().series.map((s) => s.file))
    const done = new Set<string>()
    for (const f of files) {
      if (live.has(f) || !f.startsWith(`${SERIES_DIR}/`) || f.includes('..')) continue
      try {
        await rm(join(this.dataDir, f), { force: true })
        done.add(f)
      } catch {
        // kept in the list: tried again at the next open
      }
    }
    const m = this.doc()
    m.retired = m.retired.filter((f) => !done.has(f))
  }
}
