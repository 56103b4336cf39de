/**
 * A fast structural check of a shard, used at open before the zod schema. Opening 100k events
 * through zod costs about as much as parsing their JSON; this check costs a fraction of it.
 *
 * It is deliberately at least as strict as `shardSchema`: when it says yes, zod would too (a
 * property test holds it to that); when it says no, the caller runs zod, which either accepts
 * (an unusual but valid shard) or produces the precise message for the user.
 */
import { AUTHORITIES, CATEGORIES } from '../../../shared/domain'
import { dayFromIso, dayFromParts, digits } from '../../../shared/dates'
import type { Shard } from './schema'

const CATEGORY = new Set<string>(CATEGORIES.map((c) => c[0]))
const AUTHORITY = new Set<string>(AUTHORITIES)
const EVENT_KEYS = 12
const NOTE_KEYS = 5

export function quickShardCheck(raw: unknown): raw is Shard {
  if (!isPlain(raw) || Object.keys(raw).length !== 2) return false
  const { events, notes } = raw as { events: unknown; notes: unknown }
  if (!Array.isArray(events) || !Array.isArray(notes)) return false
  for (const e of events) if (!isEvent(e)) return false
  for (const n of notes) if (!isNote(n)) return false
  return true
}

function isEvent(e: unknown): boolean {
  if (!isPlain(e)) return false
  const v = e as Record<string, unknown>
  return (
    Object.keys(v).length === EVENT_KEYS &&
    isId(v.id) &&
    typeof v.date === 'string' &&
    !Number.isNaN(dayFromIso(v.date)) &&
    (v.datePrecision === 'day' || v.datePrecision === 'month') &&
    isText(v.title, 1, 300) &&
    isText(v.summary, 0, 10_000) &&
    typeof v.category === 'string' &&
    CATEGORY.has(v.category) &&
    typeof v.authority === 'string' &&
    AUTHORITY.has(v.authority) &&
    isList(v.companies, 200, isId) &&
    isList(v.tags, 50, (t) => isText(t, 1, 60)) &&
    isList(v.sources, 50, (s) => isText(s, 1, 1000)) &&
    isTimestamp(v.createdAt) &&
    isTimestamp(v.updatedAt)
  )
}

function isNote(n: unknown): boolean {
  if (!isPlain(n)) return false
  const v = n as Record<string, unknown>
  return (
    Object.keys(v).length === NOTE_KEYS &&
    isId(v.id) &&
    isId(v.eventId) &&
    isText(v.text, 0, 100_000) &&
    isTimestamp(v.createdAt) &&
    isTimestamp(v.updatedAt)
  )
}

/** A plain object (not null, not an array): what a JSON document's records are. */
export function isPlain(x: unknown): x is object {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function isText(x: unknown, min: number, max: number): boolean {
  return typeof x === 'string' && x.length >= min && x.length <= max
}

function isList(x: unknown, max: number, item: (v: unknown) => boolean): boolean {
  if (!Array.isArray(x) || x.length > max) return false
  for (const v of x) if (!item(v)) return false
  return true
}

/** Same alphabet as the `id` schema: letters, digits, _ . ^ = - ; 1 to 64 characters. */
function isId(x: unknown): boolean {
  if (typeof x !== 'string' || x.length < 1 || x.length > 64) return false
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i)
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 94 || c === 61 || c === 45
    if (!ok) return false
  }
  return true
}

/** `YYYY-MM-DDTHH:MM:SS(.fraction)?Z` with a real date: the form the app writes; others go to zod. */
function isTimestamp(x: unknown): boolean {
  if (typeof x !== 'string' || x.length < 20 || x.length > 30 || x.charCodeAt(x.length - 1) !== 90 /* Z */) return false
  if (x[4] !== '-' || x[7] !== '-' || x[10] !== 'T' || x[13] !== ':' || x[16] !== ':') return false
  const y = digits(x, 0, 4)
  const mo = digits(x, 5, 2)
  const d = digits(x, 8, 2)
  const h = digits(x, 11, 2)
  const mi = digits(x, 14, 2)
  const s = digits(x, 17, 2)
  if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return false
  if (Number.isNaN(dayFromParts(y, mo, d))) return false
  if (x.length === 20) return true
  if (x[19] !== '.' || x.length < 22) return false
  return digits(x, 20, x.length - 21) >= 0
}
