/**
 * The value (y) axis of the charts: the range of what is in view rounded out to a round step
 * (1, 2, 2.5 or 5 x 10^k) with a tick on every step, so an analyst reads $0.5T, 100 or -20 %
 * rather than $650B, 65.0 or -10 %; per mode (a drawdown from peak tops at 0 %), and how values
 * read on the axis and in the hover read-out. On a log scale the ticks are 1, 2, 5 x 10^k or
 * sparser, as many as the axis's height keeps apart. Pure functions, no React.
 */
import type { ChartMode } from '../../../../shared/market'
import type { Line } from './chart-data'

export interface ValueAxis {
  domain: [number, number]
  /** Round ticks, every one drawn. */
  ticks?: number[]
}

const MULTIPLES = [1, 2, 2.5, 5, 10]

/** The smallest round step that splits `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  // The tolerance keeps 1.0000000001 x step from jumping to the next multiple.
  return MULTIPLES.map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag
}

// Floating steps leave 0.30000000000000004 behind; twelve digits are far below any label.
const clean = (v: number) => Number(v.toPrecision(12)) || 0

/** A range rounded out to a round step, with a tick on every step (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 5): Required<ValueAxis> {
  if (!(hi > lo)) {
    const pad = Math.abs(hi) * 0.05 || 1
    return niceTicks(lo - pad, hi + pad, count)
  }
  const step = niceStep(hi - lo, count)
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.ceil(hi / step - 1e-9)
  const ticks: number[] = []
  for (let k = first; k <= last; k++) ticks.push(clean(k * step))
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks }
}

/**
 * Multiples of a power of ten to put log ticks on, finest first, with the smallest distance
 * between two neighbours in decades: 1, 2, 5 x 10^k are 0.3 decades apart at least.
 */
const LOG_STEPS: { multiples: number[]; gap: number }[] = [
  { multiples: [1, 2, 3, 4, 5, 6, 7, 8, 9], gap: Math.log10(10 / 9) },
  { multiples: [1, 2, 3, 5], gap: Math.log10(3 / 2) },
  { multiples: [1, 2, 5], gap: Math.log10(2) },
  { multiples: [1, 3], gap: Math.log10(3) },
  { multiples: [1], gap: 1 }
]
/** Labels closer than this (px) run into one another at the charts' 11 px. */
const MIN_LABEL_GAP = 18
/** And an axis reads best with a label every 30 px or more on average. */
const MEAN_LABEL_GAP = 30

/**
 * Ticks for a log axis over [lo, hi] drawn `px` tall: the finest of LOG_STEPS whose labels stay
 * MIN_LABEL_GAP apart and MEAN_LABEL_GAP apart on average, with at least two ticks in range. A
 * range within one decade that none of them marks twice (31B to 39B) is read with round linear
 * steps: over so short a range the log scale is nearly linear anyway.
 */
export function logTicks(lo: number, hi: number, px: number): number[] {
  const decades = Math.log10(hi) - Math.log10(lo)
  const pxPerDecade = px / Math.max(decades, 1e-9)
  const k0 = Math.floor(Math.log10(lo))
  const k1 = Math.ceil(Math.log10(hi))
  for (const step of LOG_STEPS) {
    if (step.gap * pxPerDecade < MIN_LABEL_GAP) continue
    const ticks: number[] = []
    for (let k = k0; k <= k1; k++)
      for (const m of step.multiples) {
        const v = clean(m * 10 ** k)
        if (v >= lo && v <= hi) ticks.push(v)
      }
    if (ticks.length >= 2 && ticks.length <= Math.max(2, px / MEAN_LABEL_GAP)) return ticks
  }
  return niceTicks(lo, hi, Math.max(2, Math.floor(px / 60))).ticks.filter((t) => t >= lo && t <= hi)
}

/** Lowest and highest value of the visible lines inside [x0, x1] (positive ones only on a log scale). */
export function extent(lines: Line[], hidden: ReadonlySet<string>, x0: number, x1: number, log: boolean): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const l of lines) {
    if (hidden.has(l.id)) continue
    for (const p of l.points) {
      if (p.day < x0 || p.day > x1 || !Number.isFinite(p.v)) continue
      if (log && p.v <= 0) continue
      if (p.v < lo) lo = p.v
      if (p.v > hi) hi = p.v
    }
  }
  return lo === Infinity ? null : [lo, hi]
}

/**
 * The y axis for what is in view (`plotPx` tall), so a zoom also rescales the values. Market caps
 * and indices never go below zero, so the axis is not padded into negative money; a drawdown from
 * peak is never above zero nor below -100 %, so its axis runs from a round floor up to exactly 0 %.
 */
export function valueAxis(lines: Line[], hidden: ReadonlySet<string>, x0: number, x1: number, mode: ChartMode, log: boolean, plotPx = 400): ValueAxis | null {
  const range = extent(lines, hidden, x0, x1, log && mode !== 'drawdown')
  if (!range) return null
  const [lo, hi] = range
  if (log && mode !== 'drawdown') {
    const domain: [number, number] = [lo / 1.05, hi * 1.05]
    return { domain, ticks: logTicks(domain[0], domain[1], plotPx) }
  }
  if (mode === 'drawdown') return niceTicks(Math.max(-1, Math.min(lo * 1.04, -0.05)), 0)
  const pad = (hi - lo) * 0.04
  return niceTicks(lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad)
}

/** How a value reads on the axis: ticks are round, so no decimals unless the step has them. */
export function axisFormatter(mode: ChartMode, money: (v: number) => string): (v: number) => string {
  if (mode === 'indexed') return (v) => (Number.isInteger(v) ? String(v) : String(clean(v)))
  if (mode === 'drawdown') return (v) => `${clean(v * 100)} %`
  return money
}

/** How a value reads in the hover read-out: the axis' units with one decimal more. */
export function readoutFormatter(mode: ChartMode, money: (v: number) => string): (v: number) => string {
  if (mode === 'indexed') return (v) => v.toFixed(1)
  if (mode === 'drawdown') return (v) => `${(v * 100).toFixed(1)} %`
  return money
}
