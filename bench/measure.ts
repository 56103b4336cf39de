/** Timing and reporting helpers of the bench. */
export interface BenchResult {
  id: string
  what: string
  value: number
  unit: string
  baseline: string
  baseline_value: number
  ratio: number
  target: string
  met: boolean
  note?: string
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))
  return s[i]
}

/** The middle sample: what a run on this machine typically gives, neither its luckiest nor its worst. */
export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b)
  return s.length ? s[(s.length - 1) >> 1] : NaN
}

export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now()
  const v = await fn()
  return [performance.now() - t0, v]
}

/** Best of n runs: the least disturbed by the rest of the machine. */
export async function best(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let m = Infinity
  for (let i = 0; i < n; i++) m = Math.min(m, (await time(fn))[0])
  return m
}

export function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

export function result(r: Omit<BenchResult, 'ratio'> & { ratio?: number }): BenchResult {
  return { ...r, ratio: r.ratio ?? round(r.value / r.baseline_value, 3), value: round(r.value, 2), baseline_value: round(r.baseline_value, 2) }
}

export function round(x: number, d: number): number {
  const f = 10 ** d
  return Math.round(x * f) / f
}

export function printTable(results: BenchResult[]): string {
  const rows = [['id', 'value', 'baseline', 'ratio', 'target', 'met'], ...results.map((r) => [r.id, `${r.value} ${r.unit}`, `${r.baseline_value} ${r.unit} (${r.baseline})`, String(r.ratio), r.target, r.met ? 'yes' : 'NO'])]
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ')
  // What a figure is set beside (note.save: the naive layout's cost), under the table.
  const notes = results.filter((r) => r.note).map((r) => `${r.id}: ${r.note}`)
  return [line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line), ...(notes.length ? ['', ...notes] : [])].join('\n')
}
