/**
 * How any failure reads to the analyst: the core's own message, never a stack trace, and for a
 * rejected field the field's name as the form shows it ("Title must not be empty"), not the
 * contract's path ("events:update: patch.title: must not be empty").
 */
import { ApiError, type ApiIssue } from '../../../shared/errors'

/** Field names as the analyst reads them, by the last named part of an issue's path. */
const LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  date: 'Date',
  datePrecision: 'Date',
  summary: 'Summary',
  category: 'Category',
  authority: 'Authority',
  companies: 'Companies',
  tags: 'Tags',
  sources: 'Sources',
  name: 'Name',
  nameZh: 'Chinese name',
  sector: 'Sector',
  listings: 'Listings',
  benchmark: 'Benchmark',
  notes: 'Notes',
  text: 'Note',
  ticker: 'ticker',
  exchange: 'exchange',
  currency: 'currency',
  shares: 'shares'
}

/** One element of a list, named by its position from 1 ("Listing 2"), by the list's path part. */
const ITEM: Readonly<Record<string, string>> = {
  listings: 'Listing',
  sources: 'Source',
  tags: 'Tag',
  companies: 'Company',
  rows: 'Row',
  shares: 'Share row'
}

/** The wrappers of the contract's inputs (`{id, patch}`, `{fields}`) say nothing to the analyst. */
const WRAPPERS = new Set(['patch', 'fields', 'input', '(input)'])

/** "patch.listings.0.currency" -> "Listing 1 currency"; "patch.title" -> "Title". */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !WRAPPERS.has(p))
  const words: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const next = parts[i + 1]
    if (next !== undefined && /^\d+$/.test(next)) {
      words.push(`${ITEM[part] ?? LABELS[part] ?? part} ${Number(next) + 1}`)
      i++
    } else words.push(words.length ? (LABELS[part] ?? part).toLowerCase() : (LABELS[part] ?? part))
  }
  const label = words.join(' ')
  return label ? label[0].toUpperCase() + label.slice(1) : ''
}

/** zod's stock messages, reworded as the rest of the core's messages read ("must …"). */
export function plainMessage(message: string): string {
  const big = /^Too big: expected (string|array|number) to (?:have|be) <=?(\d+)(?: (characters|items))?/.exec(message)
  if (big) return big[1] === 'number' ? `must be at most ${big[2]}` : `must be at most ${big[2]} ${big[1] === 'string' ? 'characters' : 'items'}`
  const small = /^Too small: expected (string|array|number) to (?:have|be) >=?(\d+)/.exec(message)
  if (small) return small[1] === 'number' ? `must be at least ${small[2]}` : Number(small[2]) <= 1 ? 'must not be empty' : `must have at least ${small[2]} ${small[1] === 'string' ? 'characters' : 'items'}`
  if (/^Invalid option/.test(message)) return 'is not one of the choices'
  return message
}

/** "Title must not be empty", "Listing 1 currency must be a 3-letter currency code such as USD". */
export function issueText(issue: ApiIssue): string {
  const label = fieldLabel(issue.path)
  const message = plainMessage(issue.message)
  if (!label) return message[0].toUpperCase() + message.slice(1)
  // A message that continues the field's name reads as one sentence; any other follows a colon.
  return /^(must|is|has|should|cannot|can't)\b/.test(message) ? `${label} ${message}` : `${label}: ${message}`
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    // A refused input names its fields; other failures (a duplicate ticker, a lost connection)
    // already say what happened in words.
    if (e.code === 'invalid_input' && e.issues?.length) return e.issues.map(issueText).join('; ')
    return e.message
  }
  if (e instanceof Error) return e.message
  return String(e)
}

/** True for the core's "this feature is not built/available here" answer. */
export function isUnavailable(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'unavailable'
}
