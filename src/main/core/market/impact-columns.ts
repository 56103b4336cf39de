/**
 * A computed impact table held as columns: per row only the slot of its figures (impact-figures.ts),
 * per event x company pair the two indexes of its event and company, per basket a few numbers.
 * Row and basket objects are built only for what a caller receives (a page of impact:view, the
 * rows a report writes, impact:table's answer): 600k row objects held for the Impact screen cost
 * the host ~300 MB.
 *
 * Rows come pair by pair, each pair's windows in the table's window order, so row r belongs to
 * pair floor(r / windows) and window r % windows; baskets come event by event the same way.
 */
import { eventDateText } from '../../../shared/dates'
import type { PolicyEvent } from '../../../shared/domain'
import type { ImpactBasket, ImpactRow, ImpactTable } from '../../../shared/market'
import type { FigureColumn, FigureSlab } from './impact-figures'

/** The company columns every row of one company shares within a table. */
export interface RowCompany {
  id: string
  ticker: string
  name: string
  currency: string
  /** The benchmark's ticker as the row shows it. */
  benchmark: string
}

export class ImpactColumns {
  readonly rowCount: number
  private readonly w: number

  constructor(
    readonly currency: string,
    readonly windows: readonly { a: number; b: number }[],
    private readonly slab: FigureSlab,
    /** The table's events (each links a company), in table order; baskets follow the same order. */
    readonly events: readonly PolicyEvent[],
    readonly companies: readonly RowCompany[],
    /** Per pair: its index in `events` and in `companies`. */
    private readonly pairEvent: Int32Array,
    private readonly pairCompany: Int32Array,
    /** Per row: its figures' slot in `slab`. */
    private readonly slots: Int32Array,
    /** Per basket (event x window): its sums, NaN when no company counted. */
    private readonly basketChange: Float64Array,
    private readonly basketCaar: Float64Array,
    private readonly basketCounted: Int32Array,
    private readonly basketCarCounted: Int32Array
  ) {
    this.w = windows.length
    this.rowCount = slots.length
  }

  get basketCount(): number {
    return this.basketChange.length
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

  /** A figure of a row as a number (NaN when missing), for sorting. */
  value(column: FigureColumn, row: number): number {
    return this.slab.value(column, this.slots[row])
  }

  note(row: number): string {
    return this.slab.note(this.slots[row])
  }

  /** One row as it crosses the wire and goes into a report. */
  row(r: number): ImpactRow {
    const event = this.events[this.eventOf(r)]
    const company = this.companies[this.companyOf(r)]
    const window = this.windows[this.windowOf(r)]
    const f = this.slab.figures(this.slots[r])
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
    return this.basketChange[b]
  }

  /** One basket: an event x window of the table. */
  basket(b: number): ImpactBasket {
    const event = this.events[(b / this.w) | 0]
    const window = this.windows[b % this.w]
    const change = this.basketChange[b]
    const caar = this.basketCaar[b]
    return {
      event_id: event.id,
      event_date: eventDateText(event),
      event_title: event.title,
      window_start: window.a,
      window_end: window.b,
      basket_mcap_change: change !== change ? null : change,
      counted: this.basketCounted[b],
      companies: event.companies.length,
      caar: caar !== caar ? null : caar,
      car_counted: this.basketCarCounted[b]
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
