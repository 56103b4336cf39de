/** Dates and counts as the analyst reads them; formatters are built once (tables call them a lot). */
const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
// Backups made a few seconds apart (one on demand, one before a restore) must read differently.
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })
const shortDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const number = new Intl.NumberFormat()

/** An ISO time in the given format; a text that is not one is shown as it is. */
function formatIso(format: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : format.format(d)
}

export const formatDateTime = (iso: string): string => formatIso(dateTime, iso)
export const formatDateTimeSeconds = (iso: string): string => formatIso(dateTimeSeconds, iso)
export const formatShortDate = (iso: string): string => formatIso(shortDate, iso)

export function formatCount(n: number): string {
  return number.format(n)
}

/** "1 note", "3 notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
