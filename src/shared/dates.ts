/**
 * Calendar dates as the product uses them: ISO `YYYY-MM-DD` strings at the edges, and integer
 * day numbers (days since 1970-01-01, UTC) inside calculations so that comparisons and binary
 * searches are plain integer work.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number of an ISO date, or NaN when the text is not a real calendar date (2021-02-30). */
export function dayFromIso(iso: string): number {
  const m = ISO_DAY.exec(iso)
  if (!m) return NaN
  return dayFromParts(+m[1], +m[2], +m[3])
}

export function dayFromParts(y: number, mo: number, d: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN
  const t = Date.UTC(y, mo - 1, d)
  const back = new Date(t)
  // Date.UTC rolls 2021-02-30 over into March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN
  return Math.round(t / 86_400_000)
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function isIsoDate(text: string): boolean {
  return !Number.isNaN(dayFromIso(text))
}

/** Today's date in the local time zone, as the analyst reads the calendar. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
