/**
 * The computed figures of a table's impact rows (event x company x window), column by column in
 * typed arrays, one entry per row. A large workspace has 600k rows: as objects they cost the host
 * ~300 MB (the target is <= 600 MB resident in all); here they take 56 bytes each.
 */
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { abnormalReturn, mcapChange, mcapReturn, type ImpactFigures } from './impact'

/** A date that is missing (null) in a day column. */
const NO_DAY = -0x80000000

/** The figures without their window: the table knows each row's window. */
export type RowFigures = Omit<ImpactFigures, 'window_start' | 'window_end'>

/**
 * The notes of every table of a workspace, each text once: 600k rows share a few thousand
 * reasons, and tables that share the ids copy a run of rows as one block of memory.
 */
export class NoteBook {
  readonly texts: string[] = []
  private readonly ids = new Map<string, number>()

  id(note: string): number {
    let id = this.ids.get(note)
    if (id === undefined) this.ids.set(note, (id = this.texts.push(note) - 1))
    return id
  }
}

/** The columns a sort or a filter can read without building a row. */
export type FigureColumn = 'day0' | 'start_date' | 'start_mcap' | 'mcap_change' | 'mcap_return' | 'benchmark_return' | 'abnormal_return' | 'car' | 't_stat'

export class FigureColumns {
  // Stored: what cannot be derived. mcap_change, mcap_return and abnormal_return follow from
  // these with impact.ts's own definitions. NaN is a missing figure (null on the wire).
  private readonly startMcap: Float64Array
  private readonly endMcap: Float64Array
  private readonly benchReturn: Float64Array
  private readonly car: Float64Array
  private readonly tStat: Float64Array
  private readonly day0: Int32Array
  private readonly startDay: Int32Array
  private readonly endDay: Int32Array
  /** Index into the note book's texts. */
  private readonly noteId: Int32Array

  constructor(
    readonly length: number,
    private readonly notes: NoteBook
  ) {
    this.startMcap = new Float64Array(length)
    this.endMcap = new Float64Array(length)
    this.benchReturn = new Float64Array(length)
    this.car = new Float64Array(length)
    this.tStat = new Float64Array(length)
    this.day0 = new Int32Array(length)
    this.startDay = new Int32Array(length)
    this.endDay = new Int32Array(length)
    this.noteId = new Int32Array(length)
  }

  /** Store one row's figures as pairImpact computed them. */
  set(i: number, f: RowFigures): void {
    this.startMcap[i] = f.start_mcap ?? NaN
    this.endMcap[i] = f.end_mcap ?? NaN
    this.benchReturn[i] = f.benchmark_return ?? NaN
    this.car[i] = f.car ?? NaN
    this.tStat[i] = f.t_stat ?? NaN
    this.day0[i] = f.day0 === null ? NO_DAY : dayFromIso(f.day0)
    this.startDay[i] = f.start_date === null ? NO_DAY : dayFromIso(f.start_date)
    this.endDay[i] = f.end_date === null ? NO_DAY : dayFromIso(f.end_date)
    this.noteId[i] = this.notes.id(f.note)
  }

  /** Rows from `i` take the figures of `n` rows from `j` of another table (pairs nothing changed for). */
  copy(i: number, from: FigureColumns, j: number, n: number): void {
    const block = <T extends Float64Array | Int32Array>(to: T, of: T) => to.set(of.subarray(j, j + n), i)
    block(this.startMcap, from.startMcap)
    block(this.endMcap, from.endMcap)
    block(this.benchReturn, from.benchReturn)
    block(this.car, from.car)
    block(this.tStat, from.tStat)
    block(this.day0, from.day0)
    block(this.startDay, from.startDay)
    block(this.endDay, from.endDay)
    if (from.notes === this.notes) block(this.noteId, from.noteId)
    else for (let k = 0; k < n; k++) this.noteId[i + k] = this.notes.id(from.note(j + k))
  }

  /** The figures of a row, as pairImpact computed them. */
  figures(i: number): RowFigures {
    const ms = num(this.startMcap[i])
    const me = num(this.endMcap[i])
    const br = num(this.benchReturn[i])
    const mr = ms === null || me === null ? null : mcapReturn(ms, me)
    return {
      day0: day(this.day0[i]),
      start_date: day(this.startDay[i]),
      end_date: day(this.endDay[i]),
      start_mcap: ms,
      end_mcap: me,
      mcap_change: ms === null || me === null ? null : mcapChange(ms, me),
      mcap_return: mr,
      benchmark_return: br,
      abnormal_return: mr === null || br === null ? null : abnormalReturn(mr, br),
      car: num(this.car[i]),
      t_stat: num(this.tStat[i]),
      note: this.notes.texts[this.noteId[i]]
    }
  }

  /** A column's value as a number for sorting (a date as its day number); NaN when missing. */
  value(column: FigureColumn, i: number): number {
    switch (column) {
      case 'day0':
        return this.day0[i] === NO_DAY ? NaN : this.day0[i]
      case 'start_date':
        return this.startDay[i] === NO_DAY ? NaN : this.startDay[i]
      case 'start_mcap':
        return this.startMcap[i]
      case 'mcap_change':
        return mcapChange(this.startMcap[i], this.endMcap[i])
      case 'mcap_return':
        return mcapReturn(this.startMcap[i], this.endMcap[i])
      case 'benchmark_return':
        return this.benchReturn[i]
      case 'abnormal_return':
        return abnormalReturn(mcapReturn(this.startMcap[i], this.endMcap[i]), this.benchReturn[i])
      case 'car':
        return this.car[i]
      case 't_stat':
        return this.tStat[i]
    }
  }

  /** `value` of each of `rows`, into `into`: one loop, no number boxed per row. */
  values(column: FigureColumn, rows: Int32Array, into: Float64Array): void {
    for (let j = 0; j < rows.length; j++) into[j] = this.value(column, rows[j])
  }

  note(i: number): string {
    return this.notes.texts[this.noteId[i]]
  }
}

/**
 * Rows one table takes from others, gathered into runs of consecutive rows and copied a run at a
 * time: after an edit, a handful of runs make up the whole table of 600k rows.
 */
export class RowCopies {
  private from: FigureColumns | null = null
  private to = 0
  private at = 0
  private n = 0

  constructor(private readonly into: FigureColumns) {}

  /** Row `to` takes row `at` of `from` (copied by the time flush returns). */
  add(to: number, from: FigureColumns, at: number): void {
    if (from === this.from && to === this.to + this.n && at === this.at + this.n) {
      this.n++
      return
    }
    this.flush()
    this.from = from
    this.to = to
    this.at = at
    this.n = 1
  }

  flush(): void {
    if (this.from && this.n) this.into.copy(this.to, this.from, this.at, this.n)
    this.n = 0
  }
}

/**
 * A stored figure as the row has it. A figure that came out NaN (a zero market cap divided by)
 * is null too: JSON already wrote it as null, and IMPACT.md has no NaN figures.
 */
const num = (v: number): number | null => (v !== v ? null : v)
const day = (d: number): string | null => (d === NO_DAY ? null : isoFromDay(d))
