/**
 * A computed impact table held as columns: per row its figures (impact-figures.ts), per event x
 * company pair the indexes of its event and company, per basket a few numbers. Row and basket
 * objects are built only for what a caller receives (a page of impact:view, the rows a report
 * writes, impact:table's answer): 600k row objects held for the Impact screen cost the host
 * ~300 MB. A table is never changed once computed; the next computation copies from it the
 * figures of the pairs nothing changed for (impact-table.ts).
 *
 * Rows come pair by pair, each pair's windows in the table's window order, so row r belongs to
 * pair floor(r / windows) and window r % windows; baskets come event by event the same way.
 */
import { eventDateText } from '../../../shared/dates'
import type { PolicyEvent } from '../../../shared/domain'
import { windowKey, type ImpactBasket, type ImpactRow, type ImpactTable } from '../../../shared/market'
import type { FigureColumns } from './impact-figures'

/** The company columns every row of one company shares within a table. */
export interface RowCompany {
  id: string
  ticker: string
  name: string
  currency: string
  /** The benchmark's ticker as the row shows it. */
  benchmark: string
}

/** Per basket (event x window): its companies' mcap_change summed and car averaged, NaN when none counted. */
export interface Baskets {
  change: Float64Array
  caar: Float64Array
  counted: Int32Array
  carCounted: Int32Array
}

export class ImpactColumns {
  readonly rowCount: number
  private readonly w: number
  /** Built when a later computation first looks up its pairs here (pairOf). */
  private byId: Map<string, number> | null = null
  private pairStart: Int32Array | null = null
  private cursor = 0

  constructor(
    readonly currency: string,
    readonly windows: readonly { a: number; b: number }[],
    /** The table's events (each links a company), in table order; baskets follow the same order. */
    readonly events: readonly PolicyEvent[],
    readonly companies: readonly RowCompany[],
    /** Per pair: its index in `events` and in `companies`. */
    private readonly pairEvent: Int32Array,
    private readonly pairCompany: Int32Array,
    /** Per row: its figures. */
    readonly figures: FigureColumns,
    private readonly baskets: Baskets
  ) {
    this.w = windows.length
    // A table's figure columns may be longer: a link to a company deleted since makes no pair.
    this.rowCount = pairEvent.length * this.w
  }

  get basketCount(): number {
    return this.baskets.change.length
  }

  /** Index in `events` of a row's event. */
  eventOf(row: number): number {
    return this.pairEvent[(row / this.w) | 0]
  }

  /** Index in `companies` of a row's company. */
  companyOf(row: number): number {
    return this.pairCompany[(row / this.w) | 0]
  }

  /** Index in `windows` of a row's window (or a basket's). */
  windowOf(row: number): number {
    return row % this.w
  }

  note(row: number): string {
    return this.figures.note(row)
  }

  /** Index in `windows` of the window "a:b" (windowKey), or -1. */
  windowIndex(key: string): number {
    return this.windows.findIndex((w) => windowKey(w.a, w.b) === key)
  }

  /**
   * The pair of `event` and `company` in this table, or -1: none, or the event's date has changed
   * since (its day 0 and its note depend on it). Its row for window w is pair * windows + w.
   */
  pairOf(event: PolicyEvent, company: RowCompany): number {
    const e = this.eventIndex(event)
    if (e < 0) return -1
    const then = this.events[e]
    if (then.date !== event.date || then.datePrecision !== event.datePrecision) return -1
    const start = (this.pairStart ??= this.buildPairStart())
    for (let p = start[e]; p < start[e + 1]; p++) if (this.companies[this.pairCompany[p]] === company) return p
    return -1
  }

  /**
   * An event's index, or -1. The next computation asks in nearly the same order as this table's
   * events, so the events just after the last one found are tried before a map by id (built only
   * when that fails: after an edit moved an event, say).
   */
  private eventIndex(event: PolicyEvent): number {
    const events = this.events
    const end = Math.min(events.length, this.cursor + 4)
    for (let k = this.cursor; k < end; k++) {
      // The same object while the event is unchanged: no need to read its id.
      if (events[k] === event || events[k].id === event.id) {
        this.cursor = k + 1
        return k
      }
    }
    if (!this.byId) {
      this.byId = new Map()
      for (let e = 0; e < events.length; e++) this.byId.set(events[e].id, e)
    }
    const e = this.byId.get(event.id) ?? -1
    if (e >= 0) this.cursor = e + 1
    return e
  }

  /** Pairs come event by event: event e's are pairStart[e] up to pairStart[e + 1]. */
  private buildPairStart(): Int32Array {
    const start = new Int32Array(this.events.length + 1)
    for (let p = 0; p < this.pairEvent.length; p++) start[this.pairEvent[p] + 1]++
    for (let e = 0; e < this.events.length; e++) start[e + 1] += start[e]
    return start
  }

  /** One row as it crosses the wire and goes into a report. */
  row(r: number): ImpactRow {
    const event = this.events[this.eventOf(r)]
    const company = this.companies[this.companyOf(r)]
    const window = this.windows[this.windowOf(r)]
    const f = this.figures.figures(r)
    return {
      event_id: event.id,
      // As the events report writes it: "2021-08" when only the month is known.
      event_date: eventDateText(event),
      event_title: event.title,
      company_id: company.id,
      ticker: company.ticker,
      company: company.name,
      window_start: window.a,
      window_end: window.b,
      day0: f.day0,
      start_date: f.start_date,
      end_date: f.end_date,
      currency: company.currency,
      start_mcap: f.start_mcap,
      end_mcap: f.end_mcap,
      mcap_change: f.mcap_change,
      mcap_return: f.mcap_return,
      benchmark: company.benchmark,
      benchmark_return: f.benchmark_return,
      abnormal_return: f.abnormal_return,
      car: f.car,
      t_stat: f.t_stat,
      note: f.note
    }
  }

  /** Basket change of one basket (NaN when none counted), for ranking. */
  basketValue(b: number): number {
    return this.baskets.change[b]
  }

  /** One basket: an event x window of the table. */
  basket(b: number): ImpactBasket {
    const event = this.events[(b / this.w) | 0]
    const window = this.windows[b % this.w]
    const change = this.baskets.change[b]
    const caar = this.baskets.caar[b]
    return {
      event_id: event.id,
      event_date: eventDateText(event),
      event_title: event.title,
      window_start: window.a,
      window_end: window.b,
      basket_mcap_change: change !== change ? null : change,
      counted: this.baskets.counted[b],
      companies: event.companies.length,
      caar: caar !== caar ? null : caar,
      car_counted: this.baskets.carCounted[b]
    }
  }

  /** The whole table as impact:table answers it: every row and basket built. */
  toTable(): ImpactTable {
    return {
      currency: this.currency,
      windows: this.windows.map((w) => ({ a: w.a, b: w.b })),
      rows: Array.from({ length: this.rowCount }, (_, r) => this.row(r)),
      baskets: Array.from({ length: this.basketCount }, (_, b) => this.basket(b))
    }
  }
}
