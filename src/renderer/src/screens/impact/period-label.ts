/**
 * A window's "start → end" as the impact table shows it: month and day only while both dates lie
 * in the event's year (the Date column gives that year), else the end written with its year
 * ("12-16 → 2021-01-25"). One year is enough: a window is shorter than a year, so the start is
 * the last such month-day before the end. Two full dates would not fit the column.
 */
export function periodLabel(eventDate: string, start: string, end: string): string {
  const year = (d: string) => d.slice(0, 4)
  const sameYear = year(start) === year(eventDate) && year(end) === year(eventDate)
  return `${start.slice(5)} → ${sameYear ? end.slice(5) : end}`
}
