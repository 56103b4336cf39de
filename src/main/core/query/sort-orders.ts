/**
 * Every event in the order of a column, kept up to date as events change: the first sort by a
 * column sorts 100k events once; after that an edit moves only the edited event (a binary search
 * and an array move), so re-sorting after each cell edit costs next to nothing.
 *
 * Ties break by date, then id. The date order is built first (events bucketed by day, a few ids
 * sorted per day) and every other column breaks its ties by position in it, so a cold sort
 * compares numbers where it can: numeric and pick-list columns become one number per event and
 * are sorted natively; text columns compare their keys, then the tie position.
 */
import type { EventColumn } from '../../../shared/api'
import { dayFromIso } from '../../../shared/dates'

/** The sort key of an event number for a column; ties break by date, then id. */
export interface KeySource {
  key(column: EventColumn, num: number): string | number
  date(num: number): string
  id(num: number): string
}

interface Order {
  nums: number[]
  /** Keys by event number; text keys are filled in lazily. */
  keys: (string | number | undefined)[]
}

/** Columns whose keys are few distinct values or numbers: sorted as packed numbers. */
const NUMERIC_PACK = new Set<EventColumn>(['noteCount', 'category', 'authority'])

/**
 * An array of `size` holes-free slots. Writing keys at scattered indices of an empty `[]` (or of
 * a `new Array(100_000)`) turns it into a slow dictionary; this one stays a fast array.
 */
function denseArray<T>(size: number): (T | undefined)[] {
  const a: (T | undefined)[] = []
  for (let i = 0; i < size; i++) a.push(undefined)
  return a
}

function maxOf(nums: readonly number[]): number {
  let m = -1
  for (const x of nums) if (x > m) m = x
  return m
}

export class SortOrders {
  private orders = new Map<EventColumn, Order>()

  constructor(private readonly source: KeySource) {}

  /** Event numbers in ascending order of the column (read-only). */
  get(column: EventColumn, live: Iterable<number>): readonly number[] {
    let order = this.orders.get(column)
    if (!order) {
      const byDate = this.orders.get('date') ?? this.buildDate(live)
      this.orders.set('date', byDate)
      order = column === 'date' ? byDate : this.build(column, byDate.nums)
      this.orders.set(column, order)
    }
    return order.nums
  }

  has(column: EventColumn): boolean {
    return this.orders.has(column)
  }

  /** An event changed (or appeared): move it to its place in every order built so far. */
  update(num: number): void {
    for (const [column, order] of this.orders) {
      this.remove(order, num)
      const key = this.source.key(column, num)
      order.keys[num] = key
      order.nums.splice(this.position(column, order, key, num), 0, num)
    }
  }

  delete(num: number): void {
    for (const order of this.orders.values()) this.remove(order, num)
  }

  /** Forget a column's order (rebuilt on demand), e.g. the companies order after a rename. */
  drop(column: EventColumn): void {
    if (column === 'date') this.orders.clear() // every other order breaks its ties by it
    else this.orders.delete(column)
  }

  /** Forget every order (they are rebuilt on demand), e.g. after a bulk change. */
  clear(): void {
    this.orders.clear()
  }

  /** Date order: events bucketed by day number, each day's few events sorted by id. */
  private buildDate(live: Iterable<number>): Order {
    const s = this.source
    const all = [...live]
    const keys = denseArray<string | number>(maxOf(all) + 1)
    // Ids read once: the per-day sorts compare them many times.
    const ids = denseArray<string>(keys.length)
    const byDay = new Map<number, number[]>()
    for (const num of all) {
      const date = s.date(num)
      keys[num] = date
      ids[num] = s.id(num)
      const day = dayFromIso(date)
      const bucket = byDay.get(day)
      if (bucket) bucket.push(num)
      else byDay.set(day, [num])
    }
    const days = Float64Array.from(byDay.keys()).sort()
    const nums: number[] = []
    for (const day of days) {
      const bucket = byDay.get(day)!
      if (bucket.length > 1) bucket.sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1))
      for (const num of bucket) nums.push(num)
    }
    return { nums, keys }
  }

  private build(column: EventColumn, byDate: readonly number[]): Order {
    const s = this.source
    const n = byDate.length
    // Position in the date order breaks ties (it is the date-then-id order).
    const keys = denseArray<string | number>(maxOf(byDate) + 1)
    if (NUMERIC_PACK.has(column)) {
      for (const num of byDate) keys[num] = s.key(column, num)
      // key rank x n + tie position: one float per event, sorted by the engine, no callbacks.
      const distinct = [...new Set(byDate.map((num) => keys[num]!))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      const keyRank = new Map(distinct.map((k, i) => [k, i]))
      const packed = new Float64Array(n)
      for (let i = 0; i < n; i++) packed[i] = keyRank.get(keys[byDate[i]]!)! * n + i
      packed.sort()
      const nums = new Array<number>(n)
      for (let i = 0; i < n; i++) nums[i] = byDate[packed[i] % n]
      return { nums, keys }
    }
    // Text: sort positions in the date order by key; equal keys keep that order (date, then id).
    const text = byDate.map((num) => s.key(column, num))
    const idx = Array.from({ length: n }, (_, i) => i)
    idx.sort((a, b) => {
      const ka = text[a]
      const kb = text[b]
      return ka < kb ? -1 : ka > kb ? 1 : a - b
    })
    return { nums: idx.map((i) => byDate[i]), keys }
  }

  private compare(column: EventColumn, keys: (string | number | undefined)[], a: number, b: number): number {
    const ka = (keys[a] ??= this.source.key(column, a))
    const kb = (keys[b] ??= this.source.key(column, b))
    if (ka < kb) return -1
    if (ka > kb) return 1
    const s = this.source
    const da = s.date(a)
    const db = s.date(b)
    if (da !== db) return da < db ? -1 : 1
    const ia = s.id(a)
    const ib = s.id(b)
    return ia < ib ? -1 : ia > ib ? 1 : 0
  }

  private remove(order: Order, num: number): void {
    const i = order.nums.indexOf(num)
    if (i >= 0) order.nums.splice(i, 1)
  }

  private position(column: EventColumn, order: Order, key: string | number, num: number): number {
    const keys = order.keys
    keys[num] = key
    let lo = 0
    let hi = order.nums.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(column, keys, order.nums[mid], num) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
