/**
 * impact:view: the Impact screen's table sorted, filtered and paged here, and its ranking of
 * events by basket change. A large workspace has hundreds of thousands of impact rows; a page
 * could neither receive nor sort them all. The order of the last view is kept, so scrolling
 * through it only slices.
 */
import type { z } from 'zod'
import { eventDateText } from '../../../shared/dates'
import { windowKey, type ImpactBasket, type ImpactRow, type ImpactSortColumn, type ImpactView, type impactSelectionSchema, type impactViewRequestSchema } from '../../../shared/market'
import type { Core } from '../core'
import type { ImpactColumns } from './impact-columns'
import type { FigureColumn } from './impact-figures'
import { impactTables, type ImpactTables } from './impact-table'

export type ImpactViewRequest = z.output<typeof impactViewRequestSchema>

/**
 * What each column sorts by, as the screen shows it: a text (of the row's event, company or
 * note) compared without case, a figure as a number, a missing figure last in either direction.
 */
const SORT_BY: Record<ImpactSortColumn, { event: (e: ImpactColumns['events'][number]) => string } | { company: (c: ImpactColumns['companies'][number]) => string } | { figure: FigureColumn } | 'window' | 'note'> = {
  event: { event: (e) => e.title.toLowerCase() },
  date: { event: (e) => eventDateText(e) },
  company: { company: (c) => `${c.ticker} ${c.name}`.toLowerCase() },
  window: 'window',
  day0: { figure: 'day0' },
  period: { figure: 'start_date' },
  mcap: { figure: 'start_mcap' },
  mcap_change: { figure: 'mcap_change' },
  mcap_return: { figure: 'mcap_return' },
  benchmark: { figure: 'benchmark_return' },
  abnormal_return: { figure: 'abnormal_return' },
  car: { figure: 'car' },
  t_stat: { figure: 't_stat' },
  note: 'note'
}

/** What each filter box searches (contains, without case): a text of the row's event, company or note. */
const FILTER_TEXT: Record<keyof ImpactViewRequest['filters'], { event: (e: ImpactColumns['events'][number]) => string } | { company: (c: ImpactColumns['companies'][number]) => string } | 'note'> = {
  event: { event: (e) => e.title },
  date: { event: (e) => eventDateText(e) },
  company: { company: (c) => `${c.ticker} ${c.name}` },
  benchmark: { company: (c) => c.benchmark },
  note: 'note'
}

/**
 * Each of `texts` as its rank among them (equal texts, equal ranks): numbers sort fast. Positions
 * are sorted by their text, not texts into a set and a map: for 100k titles those were ~10 MB the
 * host's heap kept until its next full collection.
 */
function ranks(texts: string[]): Float64Array {
  const order = Array.from(texts.keys())
  order.sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0))
  const rank = new Float64Array(texts.length)
  let r = -1
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || texts[order[k]] !== texts[order[k - 1]]) r++
    rank[order[k]] = r
  }
  return rank
}

/**
 * The rank of each item (an event, a company) by its text, among the items the kept rows have:
 * a filter that keeps a few rows ranks a few texts, not 100k.
 */
function itemRanks<T>(items: readonly T[], text: (item: T) => string, kept: Int32Array, itemOf: (row: number) => number): Float64Array {
  const used = new Uint8Array(items.length)
  for (let j = 0; j < kept.length; j++) used[itemOf(kept[j])] = 1
  const which: number[] = []
  for (let k = 0; k < used.length; k++) if (used[k]) which.push(k)
  const rank = new Float64Array(items.length)
  const r = ranks(which.map((k) => text(items[k])))
  for (let j = 0; j < which.length; j++) rank[which[j]] = r[j]
  return rank
}

/**
 * Row positions of the table that the filters keep, in the order asked; ties keep table order.
 * Takes the selection as callers may write it (a report request is typed before parsing).
 */
export function orderRows(table: ImpactColumns, req: z.input<typeof impactSelectionSchema>): Int32Array {
  const sort = req.sort ?? []
  const n = table.rowCount
  // Filters are decided once per event, per company, per window and per distinct note (a few
  // hundred thousand rows share 100k events, 500 companies and a few thousand notes).
  const keepEvent = new Uint8Array(table.events.length).fill(1)
  const keepCompany = new Uint8Array(table.companies.length).fill(1)
  const keepWindow = Uint8Array.from(table.windows, (w) => (!req.window || windowKey(w.a, w.b) === req.window ? 1 : 0))
  const noteNeedles: string[] = []
  for (const [id, value] of Object.entries(req.filters ?? {})) {
    const needle = value?.trim().toLowerCase()
    if (!needle) continue
    const text = FILTER_TEXT[id as keyof typeof FILTER_TEXT]
    if (text === 'note') noteNeedles.push(needle)
    else if ('event' in text) table.events.forEach((e, i) => (keepEvent[i] &&= text.event(e).toLowerCase().includes(needle) ? 1 : 0))
    else table.companies.forEach((c, i) => (keepCompany[i] &&= text.company(c).toLowerCase().includes(needle) ? 1 : 0))
  }
  const noteKept = new Map<string, boolean>()
  const keepNote = (note: string): boolean => {
    let keep = noteKept.get(note)
    if (keep === undefined) noteKept.set(note, (keep = noteNeedles.every((needle) => note.toLowerCase().includes(needle))))
    return keep
  }
  const all = new Int32Array(n)
  let count = 0
  for (let i = 0; i < n; i++) {
    if (keepWindow[table.windowOf(i)] && keepEvent[table.eventOf(i)] && keepCompany[table.companyOf(i)] && (!noteNeedles.length || keepNote(table.note(i)))) all[count++] = i
  }
  if (!sort.length || !count) return all.slice(0, count)
  const kept = all.subarray(0, count)
  // Every key becomes one number per kept row, read once: a figure as it is, a text as its rank
  // among the distinct texts, NaN when missing; then each key's dense rank, and the keys' ranks
  // combined into one. Typed arrays sorted without a comparator sort 600k rows faster than a
  // comparator does and leave nothing on the JS heap; each step writes over the last one's
  // array, as a sort of 600k rows is tens of MB of them.
  let combined: { ranks: Float64Array; max: number } | null = null
  for (const s of sort) {
    const key = denseRanks(sortValues(table, SORT_BY[s.id], kept), s.desc)
    if (!combined) combined = key
    else {
      const joined = key.ranks
      for (let j = 0; j < count; j++) joined[j] += combined.ranks[j] * (key.max + 1)
      combined = denseRanks(joined, false)
    }
  }
  // Ties keep table order: the rank, then the position among the kept rows (ascending rows).
  const final = combined!.ranks
  for (let j = 0; j < count; j++) final[j] = final[j] * count + j
  final.sort()
  const order = new Int32Array(count)
  for (let j = 0; j < count; j++) order[j] = kept[final[j] % count]
  return order
}

/**
 * Each value's rank among the distinct values (0 the first in the key's direction), written over
 * the values, and how many distinct values there are: a missing value (NaN) ranks after them
 * all, whichever the direction.
 */
function denseRanks(values: Float64Array, desc: boolean): { ranks: Float64Array; max: number } {
  // A typed array sorts numerically, NaN last; then keep each value once.
  const distinct = values.slice().sort()
  let m = 0
  for (let i = 0; i < distinct.length; i++) {
    const v = distinct[i]
    if (v !== v) break
    if (m === 0 || v !== distinct[m - 1]) distinct[m++] = v
  }
  const ranks = values
  for (let j = 0; j < values.length; j++) {
    const v = values[j]
    if (v !== v) {
      ranks[j] = m
      continue
    }
    let lo = 0
    let hi = m - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (distinct[mid] < v) lo = mid + 1
      else hi = mid
    }
    ranks[j] = desc ? m - 1 - lo : lo
  }
  return { ranks, max: m }
}

/** One sort key per kept row, in the order of `kept`. */
function sortValues(table: ImpactColumns, by: (typeof SORT_BY)[ImpactSortColumn], kept: Int32Array): Float64Array {
  // Plain loops: a callback per row boxed each figure, 10 MB of heap per sort of 600k rows.
  const values = new Float64Array(kept.length)
  if (by === 'window') {
    const keys = table.windows.map((w) => w.a * 100_000 + w.b)
    for (let j = 0; j < kept.length; j++) values[j] = keys[table.windowOf(kept[j])]
  } else if (by === 'note') {
    // A few thousand distinct notes among 600k rows: each lowered and ranked once.
    const distinct = new Map<string, number>()
    for (let j = 0; j < kept.length; j++) distinct.set(table.note(kept[j]), 0)
    const texts = [...distinct.keys()]
    const rank = ranks(texts.map((t) => t.toLowerCase()))
    texts.forEach((t, k) => distinct.set(t, rank[k]))
    for (let j = 0; j < kept.length; j++) values[j] = distinct.get(table.note(kept[j]))!
  } else if ('event' in by) {
    const rank = itemRanks(table.events, by.event, kept, (i) => table.eventOf(i))
    for (let j = 0; j < kept.length; j++) values[j] = rank[table.eventOf(kept[j])]
  } else if ('company' in by) {
    const rank = itemRanks(table.companies, by.company, kept, (i) => table.companyOf(i))
    for (let j = 0; j < kept.length; j++) values[j] = rank[table.companyOf(kept[j])]
  } else {
    table.figures.values(by.figure, kept, values)
  }
  return values
}

/** The ranking: the events' baskets for one window, biggest loss first (or by date). */
function rankBaskets(table: ImpactColumns, window: { a: number; b: number } | null, order: 'change' | 'date'): Int32Array {
  const w = window ? table.windows.indexOf(window) : -1
  if (w < 0) return new Int32Array(0)
  const mine: number[] = []
  for (let b = w; b < table.basketCount; b += table.windows.length) mine.push(b)
  // Baskets come by date already; ranked, events without a figure go last.
  const change = (b: number) => {
    const v = table.basketValue(b)
    return v !== v ? Infinity : v
  }
  if (order === 'change') mine.sort((x, y) => change(x) - change(y))
  return Int32Array.from(mine)
}

export class ImpactViews {
  /** The last order asked for, reused while the table and the request's order are the same. */
  private last: { table: ImpactColumns; key: string; order: Int32Array } | null = null
  private lastRanking: { table: ImpactColumns; key: string; baskets: Int32Array } | null = null

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
    // Only the page's rows are built as objects.
    const rows: ImpactRow[] = []
    for (let i = req.offset; i < Math.min(order.length, req.offset + req.limit); i++) rows.push(table.row(order[i]))

    const rankWindow = table.windows.find((w) => windowKey(w.a, w.b) === req.ranking.window) ?? table.windows[0] ?? null
    const rankKey = JSON.stringify([rankWindow, req.ranking.order])
    if (this.lastRanking?.table !== table || this.lastRanking.key !== rankKey) this.lastRanking = { table, key: rankKey, baskets: rankBaskets(table, rankWindow, req.ranking.order) }
    const ranked = this.lastRanking.baskets
    const baskets: ImpactBasket[] = Array.from(ranked.subarray(req.ranking.offset, req.ranking.offset + req.ranking.limit), (b) => table.basket(b))
    return {
      currency: table.currency,
      windows: table.windows.map((w) => ({ a: w.a, b: w.b })),
      progress: null,
      all: table.rowCount,
      total: order.length,
      offset: req.offset,
      rows,
      ranking: { window: rankWindow && { a: rankWindow.a, b: rankWindow.b }, total: ranked.length, offset: req.ranking.offset, rows: baskets }
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
