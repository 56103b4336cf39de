/**
 * How text is cut into searchable words: lower-cased runs of letters and digits; every CJK
 * character is a word of its own (Chinese has no spaces; a query of several characters is then
 * checked as a phrase, see word-index.ts).
 */

/** Han, kana and hangul: indexed one character at a time. */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) // CJK compatibility ideographs
  )
}

/** Characters that are part of a word: ASCII letters and digits, and non-ASCII letters. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
  // Punctuation and symbol blocks separate words; other non-ASCII characters (é, ß, Ж…) are letters.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f)) return false
  if (c === 0xa0 || (c >= 0xa1 && c <= 0xbf) || c === 0xd7 || c === 0xf7) return false
  return !isCjk(c)
}

/** FNV-1a of a word's characters: the vocabulary's hash (word-index.ts computes it while scanning). */
export function wordHash(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Call `emit` with every word of `text` (already lower-cased by the caller). */
export function eachWord(text: string, emit: (word: string) => void): void {
  const n = text.length
  let start = -1
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (isWordChar(c)) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      emit(text.slice(start, i))
      start = -1
    }
    if (c >= 0x3040 && isCjk(c)) emit(text[i])
  }
  if (start >= 0) emit(text.slice(start))
}

export function words(text: string): string[] {
  const out: string[] = []
  eachWord(text.toLowerCase(), (w) => out.push(w))
  return out
}

/**
 * The query's terms, lower-cased: words split on whitespace, and "quoted words" kept together as
 * a phrase (an unclosed quote runs to the end, as while it is being typed). Every term must
 * match (AND); a term of several words matches them together, in order (word-index.ts).
 */
export function queryTerms(query: string): string[] {
  const out: string[] = []
  for (const m of query.toLowerCase().matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const term = (m[1] ?? m[2]).trim().replace(/\s+/g, ' ')
    if (term) out.push(term)
  }
  return out
}
