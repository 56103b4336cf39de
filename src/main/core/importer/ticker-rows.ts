/**
 * The accepted rows of one ticker, in growable typed arrays (no object per row): day, value and
 * the file line each came from (to name a duplicate's first line). `finish()` sorts by day,
 * keeping file order among equal days, and moves every repeat of a date out as a duplicate.
 */

export interface Duplicate {
  line: number
  day: number
  firstLine: number
}

export interface SortedRows {
  days: Int32Array
  values: Float64Array
  duplicates: Duplicate[]
}

export class TickerRows {
  n = 0
  private days = new Int32Array(256)
  private values = new Float64Array(256)
  private lines = new Int32Array(256)
  private ascending = true
  private lastDay = -Infinity

  constructor(readonly ticker: string) {}

  push(day: number, value: number, line: number): void {
    if (this.n === this.days.length) this.grow()
    this.days[this.n] = day
    this.values[this.n] = value
    this.lines[this.n] = line
    this.n++
    if (day <= this.lastDay) this.ascending = false
    this.lastDay = day
  }

  private grow(): void {
    const cap = this.days.length * 2
    const d = new Int32Array(cap)
    d.set(this.days)
    const v = new Float64Array(cap)
    v.set(this.values)
    const l = new Int32Array(cap)
    l.set(this.lines)
    this.days = d
    this.values = v
    this.lines = l
  }

  /** Rows ordered by date with each date once (its first occurrence in the file). */
  finish(): SortedRows {
    const n = this.n
    if (this.ascending) return { days: this.days.slice(0, n), values: this.values.slice(0, n), duplicates: [] }
    // Sort (day, row index) pairs packed in one float: a typed-array numeric sort, no comparator.
    // Row index < 2^25 and day + 2^22 < 2^23 keep the packed key below 2^53, exact.
    const keys = new Float64Array(n)
    const SHIFT = 2 ** 25
    for (let i = 0; i < n; i++) keys[i] = (this.days[i] + 2 ** 22) * SHIFT + i
    keys.sort()
    const days = new Int32Array(n)
    const values = new Float64Array(n)
    const duplicates: Duplicate[] = []
    let m = 0
    let firstLine = 0
    for (let k = 0; k < n; k++) {
      const i = keys[k] % SHIFT
      const day = this.days[i]
      if (m > 0 && days[m - 1] === day) {
        duplicates.push({ line: this.lines[i], day, firstLine })
        continue
      }
      firstLine = this.lines[i]
      days[m] = day
      values[m] = this.values[i]
      m++
    }
    return { days: days.slice(0, m), values: values.slice(0, m), duplicates }
  }
}

/** Most rows one ticker may hold (the packed sort key's limit; a century of days is ~37k). */
export const MAX_ROWS_PER_TICKER = 2 ** 25
