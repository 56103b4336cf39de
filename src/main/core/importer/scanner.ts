/**
 * A CSV record scanner (RFC 4180 quoting, any of `,` `;` tab `|`, LF / CRLF / CR line ends) that
 * walks the text once and records where each field starts and ends, without building a string or
 * an array per row. A million-row import reads only two or three fields of each row, so the
 * caller materialises just those (see `fieldText`), or parses numbers and dates in place.
 */
import { ApiError } from '../../../shared/errors'

const QUOTE = 34
/** Fields counted past the capacity before a record is just "too wide" (see `countCapped`). */
const COUNT_BEYOND = 10_000
const LF = 10
const CR = 13

export class CsvScanner {
  /** Offset of the next unread character. */
  pos = 0
  /** 1-based line of `pos`. */
  line = 1
  /** 1-based line where the current record starts (what a rejected row reports). */
  rowLine = 0
  /** Fields in the current record (may exceed `capacity`; only the first `capacity` are kept). */
  count = 0
  /**
   * Set when an unquoted record has more than `capacity + COUNT_BEYOND` fields: counting stopped
   * there, so `count` is a lower bound. Counting the 3 million commas of a 50 MB line would hold the event
   * loop for most of a second to say only "too many".
   */
  countCapped = false
  /** Set when a quoted field is followed by other text before the delimiter (`"a"b,`). */
  malformed = false
  readonly starts: Int32Array
  readonly ends: Int32Array
  /** 1 where the field was quoted: its text needs `""` -> `"` unescaping. */
  readonly quoted: Uint8Array
  private readonly delimiterChar: string
  private nextQuote = -1
  private nextCR = -1
  private nextDelim = -1

  constructor(
    readonly text: string,
    readonly delimiter: number,
    readonly capacity: number,
    /** Named in the error of an unterminated quote. */
    readonly fileName: string
  ) {
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
    this.quoted = new Uint8Array(capacity)
    this.delimiterChar = String.fromCharCode(delimiter)
  }

  /** Start at an offset / line (after a header, or for the head of a file). */
  seek(pos: number, line: number): void {
    this.pos = pos
    this.line = line
  }

  /** Read the next non-blank record. False at the end of the text. */
  next(): boolean {
    const t = this.text
    const len = t.length
    for (;;) {
      const p = this.pos
      if (p >= len) return false
      let eol = t.indexOf('\n', p)
      if (eol < 0) eol = len
      // Quotes and lone CRs (old Mac line ends) are rare: their next positions are looked up
      // natively and remembered, and only a row that holds one takes the char-by-char path.
      if (this.nextQuote < p) this.nextQuote = indexOrEnd(t, '"', p)
      if (this.nextCR < p) this.nextCR = indexOrEnd(t, '\r', p)
      const rowEnd = eol > p && t.charCodeAt(eol - 1) === CR ? eol - 1 : eol
      if (this.nextQuote < eol || this.nextCR < rowEnd) return this.nextSlow()
      if (rowEnd === p) {
        // A blank line is layout, not a row: skip it without a word.
        this.pos = eol + 1
        this.line++
        continue
      }
      this.rowLine = this.line
      this.malformed = false
      this.countCapped = false
      const delim = this.delimiterChar
      const countLimit = this.capacity + COUNT_BEYOND
      let n = 0
      let start = p
      for (;;) {
        // Remembered too: a tail of rows without delimiters must not be searched to the end per row.
        if (this.nextDelim < start) this.nextDelim = indexOrEnd(t, delim, start)
        const end = this.nextDelim < rowEnd ? this.nextDelim : rowEnd
        if (n < this.capacity) {
          this.starts[n] = start
          this.ends[n] = end
          this.quoted[n] = 0
        }
        n++
        if (end === rowEnd) break
        if (n >= countLimit) {
          this.countCapped = true
          break
        }
        start = end + 1
      }
      this.count = n
      this.pos = eol + 1
      this.line++
      return true
    }
  }

  /** The general path: quoted fields (delimiters and line breaks inside quotes), CR line ends. */
  private nextSlow(): boolean {
    const t = this.text
    const len = t.length
    const delim = this.delimiter
    let p = this.pos
    let line = this.line
    // Blank lines are layout, not rows: skip them without a word.
    while (p < len) {
      const c = t.charCodeAt(p)
      if (c === LF) {
        line++
        p++
      } else if (c === CR) {
        line++
        p++
        if (t.charCodeAt(p) === LF) p++
      } else break
    }
    if (p >= len) {
      this.pos = p
      this.line = line
      return false
    }
    this.rowLine = line
    this.malformed = false
    this.countCapped = false
    let n = 0
    for (;;) {
      let start: number
      let end: number
      let quoted = 0
      if (t.charCodeAt(p) === QUOTE) {
        start = p + 1
        let q = start
        for (;;) {
          q = t.indexOf('"', q)
          if (q < 0) {
            throw new ApiError('invalid_input', `${this.fileName}: line ${this.rowLine}: a quote opened in field ${n + 1} is never closed`, {
              file: this.fileName,
              issues: [{ path: `field ${n + 1}`, message: 'unterminated quote', line: this.rowLine }]
            })
          }
          if (t.charCodeAt(q + 1) === QUOTE) q += 2
          else break
        }
        // A quoted field may span lines; later rows must still report their own line.
        for (let k = t.indexOf('\n', start); k >= 0 && k < q; k = t.indexOf('\n', k + 1)) line++
        end = q
        quoted = 1
        p = q + 1
        if (p < len) {
          const c = t.charCodeAt(p)
          if (c !== delim && c !== LF && c !== CR) {
            this.malformed = true
            while (p < len) {
              const d = t.charCodeAt(p)
              if (d === delim || d === LF || d === CR) break
              p++
            }
          }
        }
      } else {
        start = p
        while (p < len) {
          const c = t.charCodeAt(p)
          if (c === delim || c === LF || c === CR) break
          p++
        }
        end = p
      }
      if (n < this.capacity) {
        this.starts[n] = start
        this.ends[n] = end
        this.quoted[n] = quoted
      }
      n++
      if (p >= len) break
      const c = t.charCodeAt(p)
      p++
      if (c === delim) continue
      if (c === CR && t.charCodeAt(p) === LF) p++
      line++
      break
    }
    this.pos = p
    this.line = line
    this.count = n
    return true
  }

  /** The text of field i of the current record, unquoted and unescaped. */
  fieldText(i: number): string {
    if (i >= this.count || i >= this.capacity) return ''
    const s = this.text.slice(this.starts[i], this.ends[i])
    return this.quoted[i] ? s.replace(/""/g, '"') : s
  }

  /** Every field of the current record as text (header and sample rows only). */
  fields(): string[] {
    const out: string[] = []
    for (let i = 0; i < Math.min(this.count, this.capacity); i++) out.push(this.fieldText(i))
    return out
  }
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from)
  return i < 0 ? text.length : i
}

export const DELIMITERS = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]
