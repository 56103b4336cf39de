/**
 * Small helpers the CLI commands share: reading flags, splitting lists, and printing aligned
 * tables that stay aligned with Chinese text (wide characters take two terminal columns).
 */
import type { CliContext } from './command'
import { isIsoDate } from '../../shared/dates'
import { ApiError } from '../../shared/errors'

/** A string flag's value, or undefined when absent. */
export function stringOption(ctx: Pick<CliContext, 'options'>, name: string): string | undefined {
  const v = ctx.options[name]
  return typeof v === 'string' ? v : undefined
}

/** A date option, checked here so its error names the option (`--date`), not a field inside the request. */
export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new ApiError('invalid_input', `--${name}: "${value}" is not a real calendar date as YYYY-MM-DD`)
  return value
}

/** `BABA, 0700.HK,,` -> ['BABA', '0700.HK'] */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
}

/** Columns the text takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1
  return w
}

/** Cut to at most `max` columns, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text
  let out = ''
  let w = 0
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1
    if (w + cw > max - 1) break
    out += ch
    w += cw
  }
  return `${out}…`
}

/**
 * Control characters a title or tag may carry (line breaks, ESC sequences, bidi overrides),
 * written as escapes (`\n`, `\x1b`, `\u0085`, `\u202e`): stored text must not be able to move the cursor,
 * recolour or clear the terminal, or split one row into two. `keepLines` leaves line breaks for
 * output made of several lines.
 */
export function printable(text: string, keepLines = false): string {
  return text.replace(keepLines ? HOSTILE : CONTROL, (ch) => ESCAPES[ch] ?? escapeCode(ch.charCodeAt(0)))
}

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates that reorder what is shown.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const HOSTILE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
// Above the C0 range the \u form: it is also a valid JSON escape, so `--json` output (where
// JSON.stringify leaves DEL, C1 and bidi characters raw) still parses to the same text.
const escapeCode = (c: number): string => (c < 0x20 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`)

/**
 * Lines of an aligned table: a header, then one line per row, columns separated by two spaces.
 * `maxWidths` caps a column (by index); control characters in a cell are escaped (printable).
 */
export function formatTable(header: string[], rows: string[][], maxWidths: Record<number, number> = {}): string[] {
  const cells = [header, ...rows].map((r) =>
    r.map((c, i) => {
      const flat = printable(c).replace(/\s+/g, ' ')
      return maxWidths[i] ? truncate(flat, maxWidths[i]) : flat
    })
  )
  // A loop, not Math.max(...): a spread of 100k rows would overflow the call stack.
  const widths = header.map(() => 0)
  for (const r of cells) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], displayWidth(r[i]))
  return cells.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - displayWidth(c))))
      .join('  ')
      .trimEnd()
  )
}
