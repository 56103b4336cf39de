/**
 * Bytes of a user's file -> text, without guessing wrong silently. Spreadsheet tools save CSV as
 * UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text") or Windows-1252 (older Excel on
 * Western locales); each decodes here to the text the user saw, and the caller is told which.
 * Pure: only TextDecoder, which Node, Electron and every browser provide.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** The file started with a byte-order mark (removed from `text`). */
  bom: boolean
}

export interface DecodeOptions {
  /**
   * The bytes are only the head of a longer file: a character cut in two at the end is dropped
   * instead of making the whole head look like it is not UTF-8.
   */
  partial?: boolean
}

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const stream = !!opts.partial
  const { encoding, bom, start } = sniff(bytes)
  const body = bytes.subarray(start)
  if (encoding === 'utf-8') {
    const utf8 = tryUtf8(body, stream)
    // Not valid UTF-8 (even after a BOM that promised it, as confused tools write): Windows-1252
    // keeps every byte visible instead of turning them into U+FFFD.
    return utf8 === null ? { text: decode('windows-1252', body, stream), encoding: 'windows-1252', bom } : { text: utf8, encoding, bom }
  }
  return { text: decode(encoding, body, stream), encoding, bom }
}

/**
 * The encoding the first bytes announce (BOM) or betray (UTF-16 zeros); else UTF-8 to try.
 * `start` is where the text begins, after the BOM.
 */
export function sniff(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean; start: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true, start: 3 }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true, start: 2 }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true, start: 2 }
  return { encoding: sniffUtf16(bytes) ?? 'utf-8', bom: false, start: 0 }
}

function decode(encoding: TextEncodingName, bytes: Uint8Array, stream: boolean): string {
  // ignoreBOM: the BOM (if any) was already cut off above; a second one is content.
  return fixCp1252(encoding, new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes, { stream }))
}

/**
 * Node's decoder treats windows-1252 as ISO-8859-1 and turns 0x80-0x9f (€, curly quotes, …) into
 * invisible control characters; browsers get it right. Map that range per the WHATWG table.
 */
function fixCp1252(encoding: TextEncodingName, text: string): string {
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : text
}

/** Windows-1252 bytes 0x80-0x9f (WHATWG encoding standard); unassigned ones stay as they are. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

function tryUtf8(bytes: Uint8Array, stream: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream })
  } catch {
    return null
  }
}

/**
 * UTF-16 saved without a BOM: text made of ASCII has a zero in every other byte, which neither
 * UTF-8 nor Windows-1252 text ever has. Binary files have zeros too, but not in that regular a
 * pattern, so they still reach the caller's "not a text file" check.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02) return 'utf-16be'
  return null
}

/** Describe an encoding for a message: "UTF-16LE with BOM". */
export function encodingLabel(d: Pick<DecodedText, 'encoding' | 'bom'>): string {
  const name = d.encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : d.encoding.toUpperCase()
  return d.bom ? `${name} with BOM` : name
}
