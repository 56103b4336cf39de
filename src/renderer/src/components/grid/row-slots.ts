/**
 * Which row element shows which row, from one render of a virtualised grid to the next. Rows are
 * React-keyed by slot; the slots are chosen so that scrolling reuses row elements in place:
 * - a small scroll: rows still in view keep their element; a row entering below takes the element
 *   of a row that left (one DOM move each), a row entering above gets a new one (reusing one there
 *   would make React move every row after it);
 * - a jump (most rows new, as in a fast scroll): the elements are reused in their DOM order, so
 *   nothing moves; only their text is rewritten.
 * DOM order stays the rows' order (screen readers read it), and a move is avoided where a rewrite
 * does: moving an element rebuilds its style and layout from scratch.
 */

export interface RowSlots {
  /** Row indexes, ascending, as rendered. */
  readonly indices: readonly number[]
  /** The slot (React key) of each of those rows. */
  readonly slots: readonly number[]
}

export const NO_SLOTS: RowSlots = { indices: [], slots: [] }

/** The slots of `indices` (ascending) after a render that showed `prev`. */
export function assignSlots(prev: RowSlots, indices: readonly number[]): RowSlots {
  const before = new Map<number, number>()
  prev.indices.forEach((index, i) => before.set(index, prev.slots[i]))
  let fresh = 0
  for (const s of prev.slots) fresh = Math.max(fresh, s + 1)

  let kept = 0
  let lastKept = -1
  indices.forEach((index, j) => {
    if (!before.has(index)) return
    kept++
    lastKept = j
  })

  if (kept * 2 < indices.length) {
    return { indices, slots: indices.map((_, j) => (j < prev.slots.length ? prev.slots[j] : fresh++)) }
  }

  const showing = new Set(indices)
  const freed = prev.indices.filter((index) => !showing.has(index)).map((index) => before.get(index)!)
  let next = 0
  const slots = indices.map((index, j) => {
    const own = before.get(index)
    if (own !== undefined) return own
    if (j > lastKept && next < freed.length) return freed[next++]
    return fresh++
  })
  return { indices, slots }
}
