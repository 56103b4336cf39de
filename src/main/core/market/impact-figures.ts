/**
 * The computed figures of impact rows (event x company x window), held column by column in typed
 * arrays, one slot per row. A large workspace has 600k rows: as objects they cost the host ~300 MB
 * (issue acceptance: <= 600 MB resident in all); here they take 56 bytes each.
 *
 * A slab only ever grows: a slot, once written, never changes, so a table that points at slots
 * (impact-columns.ts) stays right while later computations add to the slab. Slots whose pair was
 * recomputed or dropped are counted as garbage; the table cache starts a new slab when garbage
 * outweighs the live slots, and the old one goes when nothing points at it any more.
 */
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { abnormalReturn, mcapChange, mcapReturn, type ImpactFigures } from './impact'

/** A date that is missing (null) in a day column. */
const NO_DAY = -0x80000000

/** The figures without their window: a slot belongs to one window, which its owner knows. */
export type SlotFigures = Omit<ImpactFigures, 'window_start' | 'window_end'>

/** The columns a sort or a filter can read without building a row. */
export type FigureColumn = 'day0' | 'start_date' | 'start_mcap' | 'mcap_change' | 'mcap_return' | 'benchmark_return' | 'abnormal_return' | 'car' | 't_stat'

export class FigureSlab {
  length = 0
  /** Slots nobody will read again (their pair was recomputed or is gone). */
  garbage = 0
  private capacity = 0
  // Stored: what cannot be derived. mcap_change, mcap_return and abnormal_return follow from
  // these with impact.ts's own definitions. NaN is a missing figure (null on the wire).
  private startMcap = new Float64Array(0)
  private endMcap = new Float64Array(0)
  private benchReturn = new Float64Array(0)
  private car = new Float64Array(0)
  private tStat = new Float64Array(0)
  private day0 = new Int32Array(0)
  private startDay = new Int32Array(0)
  private endDay = new Int32Array(0)
  /** Index into `notes`: 600k rows share a few thousand reasons. */
  private noteId = new Int32Array(0)
  private readonly notes: string[] = []
  private readonly noteIds = new Map<string, number>()

  /** Store one window's figures; returns its slot. */
  add(f: SlotFigures): number {
    const i = this.next()
    this.startMcap[i] = f.start_mcap ?? NaN
    this.endMcap[i] = f.end_mcap ?? NaN
    this.benchReturn[i] = f.benchmark_return ?? NaN
    this.car[i] = f.car ?? NaN
    this.tStat[i] = f.t_stat ?? NaN
    this.day0[i] = f.day0 === null ? NO_DAY : dayFromIso(f.day0)
    this.startDay[i] = f.start_date === null ? NO_DAY : dayFromIso(f.start_date)
    this.endDay[i] = f.end_date === null ? NO_DAY : dayFromIso(f.end_date)
    let note = this.noteIds.get(f.note)
    if (note === undefined) {
      note = this.notes.push(f.note) - 1
      this.noteIds.set(f.note, note)
    }
    this.noteId[i] = note
    return i
  }

  /** A slot of another slab copied into this one (a pair moving to a new slab); its new slot. */
  adopt(from: FigureSlab, slot: number): number {
    return this.add(from.figures(slot))
  }

  /** The figures of a slot, as pairImpact computed them. */
  figures(i: number): SlotFigures {
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
      note: this.notes[this.noteId[i]]
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

  /** The note of a slot. */
  note(i: number): string {
    return this.notes[this.noteId[i]]
  }

  /** A free slot at the end, growing the columns by half when full. */
  private next(): number {
    if (this.length === this.capacity) {
      const capacity = Math.max(1024, Math.ceil(this.capacity * 1.5))
      this.startMcap = grown(this.startMcap, new Float64Array(capacity))
      this.endMcap = grown(this.endMcap, new Float64Array(capacity))
      this.benchReturn = grown(this.benchReturn, new Float64Array(capacity))
      this.car = grown(this.car, new Float64Array(capacity))
      this.tStat = grown(this.tStat, new Float64Array(capacity))
      this.day0 = grown(this.day0, new Int32Array(capacity))
      this.startDay = grown(this.startDay, new Int32Array(capacity))
      this.endDay = grown(this.endDay, new Int32Array(capacity))
      this.noteId = grown(this.noteId, new Int32Array(capacity))
      this.capacity = capacity
    }
    return this.length++
  }
}

function grown<T extends Float64Array | Int32Array>(old: T, into: T): T {
  into.set(old)
  return into
}

/**
 * A stored figure as the row has it. A figure that came out NaN (a zero market cap divided by)
 * is null too: JSON already wrote it as null, and IMPACT.md has no NaN figures.
 */
const num = (v: number): number | null => (v !== v ? null : v)
const day = (d: number): string | null => (d === NO_DAY ? null : isoFromDay(d))
