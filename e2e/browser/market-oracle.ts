/**
 * An independent reading of IMPACT.md, written for the tests from the raw price files: no code
 * is shared with the core. Market cap = Close x shares (one share row applies to every date),
 * day 0 = first trading day on or after the event, window [a, b] runs from the close of day a-1
 * to the close of day b, the benchmark's value on a date is its latest close on or before it.
 */

export interface Closes {
  dates: string[]
  close: number[]
}

/** Date and Close columns found by header name (files order their columns differently). */
export function readCloses(text: string): Closes {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0].split(',').map((h) => h.trim())
  const di = header.indexOf('Date')
  const ci = header.indexOf('Close')
  if (di < 0 || ci < 0) throw new Error(`no Date/Close column in ${header.join(',')}`)
  const out: Closes = { dates: [], close: [] }
  for (const line of lines.slice(1)) {
    const cells = line.split(',')
    const v = Number(cells[ci])
    if (cells[ci] === 'null' || !Number.isFinite(v)) continue
    out.dates.push(cells[di].slice(0, 10))
    out.close.push(v)
  }
  return out
}

/** Latest close on or before `date`. */
export function closeOnOrBefore(s: Closes, date: string): number {
  let v = NaN
  for (let i = 0; i < s.dates.length && s.dates[i] <= date; i++) v = s.close[i]
  if (Number.isNaN(v)) throw new Error(`no close on or before ${date}`)
  return v
}

export interface Figures {
  day0: string
  start_date: string
  end_date: string
  start_mcap: number
  end_mcap: number
  mcap_change: number
  mcap_return: number
  benchmark_return: number
  abnormal_return: number
}

export function windowFigures(stock: Closes, bench: Closes, shares: number, eventDate: string, a: number, b: number): Figures {
  const d0 = stock.dates.findIndex((d) => d >= eventDate)
  const s = d0 + a - 1
  const e = d0 + b
  if (d0 < 0 || s < 0 || e >= stock.dates.length) throw new Error(`window [${a},${b}] of ${eventDate} is outside the series`)
  const startMcap = stock.close[s] * shares
  const endMcap = stock.close[e] * shares
  const mcapReturn = endMcap / startMcap - 1
  const benchReturn = closeOnOrBefore(bench, stock.dates[e]) / closeOnOrBefore(bench, stock.dates[s]) - 1
  return {
    day0: stock.dates[d0],
    start_date: stock.dates[s],
    end_date: stock.dates[e],
    start_mcap: startMcap,
    end_mcap: endMcap,
    mcap_change: endMcap - startMcap,
    mcap_return: mcapReturn,
    benchmark_return: benchReturn,
    abnormal_return: mcapReturn - benchReturn
  }
}

export interface Drawdown {
  peakDate: string
  troughDate: string
  loss: number
  lossFraction: number
}

/**
 * The basket's largest peak-to-trough loss between two dates. B(t) is summed on the dates where
 * every company has a value, a company's last value carrying over at most 5 calendar days.
 */
export function basketDrawdown(companies: { closes: Closes; shares: number }[], from: string, to: string): Drawdown {
  const dates = [...new Set(companies.flatMap((c) => c.closes.dates))].filter((d) => d >= from && d <= to).sort()
  const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
  let best: Drawdown = { peakDate: '', troughDate: '', loss: 0, lossFraction: 0 }
  let peak = -Infinity
  let peakDate = ''
  for (const date of dates) {
    let total = 0
    let complete = true
    for (const c of companies) {
      let i = -1
      for (let k = 0; k < c.closes.dates.length && c.closes.dates[k] <= date; k++) i = k
      if (i < 0 || days(date) - days(c.closes.dates[i]) > 5) {
        complete = false
        break
      }
      total += c.closes.close[i] * c.shares
    }
    if (!complete) continue
    if (total > peak) {
      peak = total
      peakDate = date
    }
    if (peak - total > best.loss) best = { peakDate, troughDate: date, loss: peak - total, lossFraction: (peak - total) / peak }
  }
  return best
}

/** |actual - expected| within a relative tolerance (figures go through JSON and CSV text). */
export function near(actual: number, expected: number, rel = 1e-9): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected))
}
