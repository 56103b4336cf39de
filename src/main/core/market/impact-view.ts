/**
 * impact:view: the Impact screen's table sorted, filtered and paged here, and its ranking of
 * events by basket change. A large workspace has hundreds of thousands of impact rows; a page
 * could neither receive nor sort them all. The order of the last view is kept, so scrolling
 * through it only slices.
 */
import type { z } from 'zod'
import { windowKey, type ImpactBasket, type ImpactRow, type ImpactSortColumn, type ImpactTable, type ImpactView, type impactSelectionSchema, type impactViewRequestSchema } from '../../../shared/market'
import type { Core } from '../core'
import { impactTables, type ImpactTables } from './impact-table'

export type ImpactViewRequest = z.output<typeof impactViewRequestSchema>

type Key = string | number | undefined

/**
 * Each column's sort key, as the screen shows it: text compared without case, numbers as
 * numbers, and a missing figure (undefined) last in either direction.
 */
const SORT_KEYS: Record<ImpactSortColumn, (r: ImpactRow) => Key> = {
  event: (r) => r.event_title.toLowerCase(),
  date: (r) => r.event_date,
  company: (r) => `${r.ticker} ${r.company}`.toLowerCase(),
  window: (r) => r.window_start * 100_000 + r.window_end,
  day0: (r) => r.day0 ?? undefined,
  period: (r) => r.start_date ?? undefined,
  mcap: (r) => r.start_mcap ?? undefined,
  mcap_change: (r) => r.mcap_change ?? undefined,
  mcap_return: (r) => r.mcap_return ?? undefined,
  benchmark: (r) => r.benchmark_return ?? undefined,
  abnormal_return: (r) => r.abnormal_return ?? undefined,
  car: (r) => r.car ?? undefined,
  t_stat: (r) => r.t_stat ?? undefined,
  note: (r) => r.note.toLowerCase()
}

/** Columns whose keys are numbers (or missing). */
const NUMERIC_SORT = new Set<ImpactSortColumn>(['window', 'mcap', 'mcap_change', 'mcap_return', 'benchmark', 'abnormal_return', 'car', 't_stat'])

/** What each filter box searches (contains, without case). */
const FILTER_TEXT: Record<keyof ImpactViewRequest['filters'], (r: ImpactRow) => string> = {
  event: (r) => r.event_title,
  date: (r) => r.event_date,
  company: (r) => `${r.ticker} ${r.company}`,
  benchmark: (r) => r.benchmark,
  note: (r) => r.note
}

/**
 * Row positions in `table.rows` that the filters keep, in the order asked; ties keep table order.
 * Takes the selection as callers may write it (a report request is typed before parsing).
 */
export function orderRows(table: ImpactTable, req: z.input<typeof impactSelectionSchema>): Int32Array {
  const sort = req.sort ?? []
  const rows = table.rows
  const tests: ((r: ImpactRow) => boolean)[] = []
  if (req.window) tests.push((r) => windowKey(r.window_start, r.window_end) === req.window)
  for (const [id, value] of Object.entries(req.filters ?? {})) {
    const needle = value?.trim().toLowerCase()
    const text = FILTER_TEXT[id as keyof typeof FILTER_TEXT]
    if (needle) tests.push((r) => text(r).toLowerCase().includes(needle))
  }
  const kept: number[] = []
  for (let i = 0; i < rows.length; i++) if (tests.every((t) => t(rows[i]))) kept.push(i)
  if (sort.length) {
    // Every key becomes one number per row, read once: a figure as it is, a text as its rank
    // among the distinct texts (few: 600k rows share 100k titles and 500 companies), NaN when
    // missing. Comparing typed numbers keeps a sort of 600k rows near half a second.
    const keys = sort.map((s) => {
      const key = SORT_KEYS[s.id]
      const values = new Float64Array(rows.length).fill(NaN)
      if (NUMERIC_SORT.has(s.id)) for (const i of kept) values[i] = (key(rows[i]) as number | undefined) ?? NaN
      else {
        const rank = new Map<Key, number>()
        for (const i of kept) rank.set(key(rows[i]), 0)
        rank.delete(undefined)
        const texts = [...rank.keys()] as string[]
        texts.sort()
        texts.forEach((t, r) => rank.set(t, r))
        for (const i of kept) values[i] = rank.get(key(rows[i])) ?? NaN
      }
      return { values, dir: s.desc ? -1 : 1 }
    })
    kept.sort((a, b) => {
      for (const { values, dir } of keys) {
        const va = values[a]
        const vb = values[b]
        if (va === vb || (va !== va && vb !== vb)) continue
        // A missing figure (NaN) goes last whichever the direction.
        if (va !== va) return 1
        if (vb !== vb) return -1
        return va < vb ? -dir : dir
      }
      return a - b
    })
  }
  return Int32Array.from(kept)
}

/** The ranking: the events' baskets for one window, biggest loss first (or by date). */
function rankBaskets(table: ImpactTable, window: { a: number; b: number } | null, order: 'change' | 'date'): ImpactBasket[] {
  if (!window) return []
  const mine = table.baskets.filter((b) => b.window_start === window.a && b.window_end === window.b)
  // Baskets come by date already; ranked, events without a figure go last.
  return order === 'date' ? mine : mine.sort((x, y) => (x.basket_mcap_change ?? Infinity) - (y.basket_mcap_change ?? Infinity))
}

export class ImpactViews {
  /** The last order asked for, reused while the table and the request's order are the same. */
  private last: { table: ImpactTable; key: string; order: Int32Array } | null = null
  private lastRanking: { table: ImpactTable; key: string; rows: ImpactBasket[] } | null = null

  constructor(private readonly tables: ImpactTables) {}

  async view(req: ImpactViewRequest): Promise<ImpactView> {
    const got = await this.tables.tableOrProgress(req.benchmark ? { benchmark: req.benchmark } : {}, req.waitMs)
    if ('progress' in got) {
      const { currency, windows } = this.tables.describe()
      return { currency, windows, progress: got.progress, all: 0, total: 0, offset: req.offset, rows: [], ranking: { window: null, total: 0, offset: 0, rows: [] } }
    }
    const { table } = got
    const key = JSON.stringify([req.window ?? '', req.filters, req.sort])
    if (this.last?.table !== table || this.last.key !== key) this.last = { table, key, order: orderRows(table, req) }
    const { order } = this.last
    const rows: ImpactRow[] = []
    for (let i = req.offset; i < Math.min(order.length, req.offset + req.limit); i++) rows.push(table.rows[order[i]])

    const rankWindow = table.windows.find((w) => windowKey(w.a, w.b) === req.ranking.window) ?? table.windows[0] ?? null
    const rankKey = JSON.stringify([rankWindow, req.ranking.order])
    if (this.lastRanking?.table !== table || this.lastRanking.key !== rankKey) this.lastRanking = { table, key: rankKey, rows: rankBaskets(table, rankWindow, req.ranking.order) }
    const ranked = this.lastRanking.rows
    return {
      currency: table.currency,
      windows: table.windows,
      progress: null,
      all: table.rows.length,
      total: order.length,
      offset: req.offset,
      rows,
      ranking: { window: rankWindow, total: ranked.length, offset: req.ranking.offset, rows: ranked.slice(req.ranking.offset, req.ranking.offset + req.ranking.limit) }
    }
  }
}

const views = new WeakMap<Core, ImpactViews>()

/** The Impact screen's views of a core's impact table (one per open data directory). */
export function impactViews(core: Core): ImpactViews {
  let v = views.get(core)
  if (!v) views.set(core, (v = new ImpactViews(impactTables(core))))
  return v
}
