/**
 * The inverted index behind global search: every word of an event (its fields, its companies'
 * names and tickers, its notes) points to the events that contain it. A query term matches an
 * event when one of the event's words starts with it ("tenc" finds Tencent), so each keystroke is
 * a binary search in the sorted vocabulary plus a union of posting lists, not a scan of the text.
 *
 * Edits append postings for the event's words and mark it "dirty": its old postings may be stale,
 * so a dirty event found by the index is checked against its current text. After many edits the
 * index is rebuilt from scratch.
 */
import { eachWord, isCjk, isWordChar, wordHash, words } from './tokens'

interface Postings {
  nums: Int32Array
  length: number
  /** Last event number added, so an event's repeated word is posted once. */
  last: number
}

/** The searchable text of one event, lower-cased. */
export type TextOf = (num: number) => string | null

export class WordIndex {
  /**
   * The vocabulary: an open-addressing hash table (slot -> word id, -1 empty) over `vocab`, so
   * that indexing 100k events looks words up by position in their text, without a substring and
   * a string hash per occurrence.
   */
  private slots = new Int32Array(1 << 16).fill(-1)
  private vocab: string[] = []
  private hashes: number[] = []
  private postings: Postings[] = []
  /** Word ids in word order for prefix ranges; ids added since the last sort are in `fresh`. */
  private sorted: number[] = []
  private fresh: number[] = []
  private dirty = new Set<number>()

  constructor(private readonly textOf: TextOf) {}

  /**
   * Index an event's text (on build and after an edit). The scan is scanWords() inlined: this
   * loop runs over every character of the workspace when the index is built.
   */
  add(num: number, text: string, edited: boolean): void {
    if (edited) this.dirty.add(num)
    const n = text.length
    let start = -1
    let h = 0
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32
      if (isWordChar(c)) {
        if (start < 0) {
          start = i
          h = 0x811c9dc5
        }
        h = Math.imul(h ^ c, 0x01000193)
        continue
      }
      if (start >= 0) {
        this.post(this.wordId(text, start, i, h >>> 0), num)
        start = -1
      }
      if (c >= 0x3040 && isCjk(c)) this.post(this.wordId(text, i, i + 1, Math.imul(0x811c9dc5 ^ c, 0x01000193) >>> 0), num)
    }
  }

  private post(id: number, num: number): void {
    const p = this.postings[id]
    if (p.last === num) return
    p.last = num
    if (p.length === p.nums.length) {
      const grown = new Int32Array(p.nums.length * 2)
      grown.set(p.nums)
      p.nums = grown
    }
    p.nums[p.length++] = num
  }

  /** The id of the word text[start, end), added to the vocabulary when new. */
  private wordId(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    const len = end - start
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]
      if (id < 0) {
        // A copy, not a slice: a slice would keep the whole text it was cut from alive.
        const word = copyString(text.slice(start, end))
        const newId = this.vocab.length
        this.vocab.push(word)
        this.hashes.push(hash)
        this.postings.push({ nums: new Int32Array(4), length: 0, last: -1 })
        this.fresh.push(newId)
        this.slots[i] = newId
        if (this.vocab.length * 2 > this.slots.length) this.grow()
        return newId
      }
      if (this.hashes[id] === hash && sameChars(this.vocab[id], text, start, len)) return id
    }
  }

  private find(word: string): Postings | undefined {
    const hash = wordHash(word)
    const mask = this.slots.length - 1
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]
      if (id < 0) return undefined
      if (this.hashes[id] === hash && this.vocab[id] === word) return this.postings[id]
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1)
    const mask = slots.length - 1
    for (let id = 0; id < this.vocab.length; id++) {
      let i = this.hashes[id] & mask
      while (slots[i] >= 0) i = (i + 1) & mask
      slots[i] = id
    }
    this.slots = slots
  }

  /** Events edited since the index was built: when there are many, a rebuild pays off. */
  get staleCount(): number {
    return this.dirty.size
  }

  /**
   * Event numbers matching every term, as a bitmap over numbers (length `size`); events whose
   * postings may be stale are checked against their text.
   */
  match(terms: string[], size: number): Uint8Array {
    let result: Uint8Array | null = null
    for (const term of terms) {
      const hits = this.matchTerm(term, size)
      if (result === null) result = hits
      else for (let i = 0; i < size; i++) result[i] &= hits[i]
    }
    return result ?? new Uint8Array(size)
  }

  private matchTerm(term: string, size: number): Uint8Array {
    const parts = words(term)
    const hits = new Uint8Array(size)
    if (parts.length === 0) return this.verifyAll(term, size)
    // Each part of the term narrows the candidates; a CJK character must match exactly.
    let first = true
    for (const part of parts) {
      const mark = new Uint8Array(size)
      const exact = part.length === 1 && isCjk(part.charCodeAt(0))
      this.eachPrefixMatch(part, exact, (p) => {
        const nums = p.nums
        for (let i = 0; i < p.length; i++) if (nums[i] < size) mark[nums[i]] = 1
      })
      if (first) hits.set(mark)
      else for (let i = 0; i < size; i++) hits[i] &= mark[i]
      first = false
    }
    // A term of several parts ("0700.hk", "腾讯", "e-cny") is a phrase: check the candidates' text.
    const phrase = parts.length > 1 || parts[0] !== term
    for (let i = 0; i < size; i++) {
      if (!hits[i]) continue
      if (phrase || this.dirty.has(i)) hits[i] = this.textHas(i, term, parts, phrase) ? 1 : 0
    }
    return hits
  }

  private textHas(num: number, term: string, parts: string[], phrase: boolean): boolean {
    const text = this.textOf(num)
    if (text === null) return false
    if (phrase) return text.includes(term)
    // A dirty event: its current words must still start with the term.
    let found = false
    eachWord(text, (w) => {
      if (!found && w.startsWith(parts[0])) found = true
    })
    return found
  }

  /** A term with no word characters at all ("&", "%"): plain substring over every event. */
  private verifyAll(term: string, size: number): Uint8Array {
    const hits = new Uint8Array(size)
    for (let i = 0; i < size; i++) {
      const text = this.textOf(i)
      if (text !== null && text.includes(term)) hits[i] = 1
    }
    return hits
  }

  private eachPrefixMatch(prefix: string, exact: boolean, visit: (p: Postings) => void): void {
    if (exact) {
      const p = this.find(prefix)
      if (p) visit(p)
      return
    }
    if (this.fresh.length > 4096) this.resort()
    const s = this.sorted
    const v = this.vocab
    let lo = 0
    let hi = s.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (v[s[mid]] < prefix) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < s.length && v[s[i]].startsWith(prefix); i++) visit(this.postings[s[i]])
    for (const id of this.fresh) if (v[id].startsWith(prefix)) visit(this.postings[id])
  }

  /** Sort the vocabulary (after a build, and when many new words arrived). */
  resort(): void {
    if (this.fresh.length === 0) return
    const v = this.vocab
    this.sorted = this.sorted.concat(this.fresh).sort((a, b) => (v[a] < v[b] ? -1 : v[a] > v[b] ? 1 : 0))
    this.fresh = []
  }
}

/** word === text.slice(start, start + len), without the slice (words are short). */
function sameChars(word: string, text: string, start: number, len: number): boolean {
  if (word.length !== len) return false
  for (let k = 0; k < len; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false
  return true
}

function copyString(s: string): string {
  // Short strings are copied by slice anyway; long ones are flattened by a round trip.
  return s.length < 13 ? s : (' ' + s).slice(1).split('').join('')
}
