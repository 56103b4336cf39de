/**
 * Row slots: whatever the analyst does with the scrollbar, the grid reuses its row elements
 * instead of rebuilding them, and the rows stay in reading order.
 */
import { describe, expect, test } from 'vitest'
import { assignSlots, NO_SLOTS, type RowSlots } from './row-slots'

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** Render after render: the slots of each window. */
function scroll(windows: number[][]): RowSlots[] {
  const out: RowSlots[] = []
  let prev = NO_SLOTS
  for (const w of windows) out.push((prev = assignSlots(prev, w)))
  return out
}

/** How React would treat the keys: kept, mounted and moved elements (its keyed-list heuristic). */
function reconcile(prev: RowSlots, next: RowSlots) {
  const oldPos = new Map(prev.slots.map((s, i) => [s, i]))
  let lastPlaced = 0
  let moved = 0
  let mounted = 0
  for (const s of next.slots) {
    const at = oldPos.get(s)
    if (at === undefined) mounted++
    else if (at < lastPlaced) moved++
    else lastPlaced = at
  }
  const unmounted = prev.slots.filter((s) => !next.slots.includes(s)).length
  return { moved, mounted, unmounted }
}

describe('row slots', () => {
  test('every row on screen has its own slot', () => {
    for (const r of scroll([range(0, 30), range(1, 31), range(200, 230), range(190, 221), range(0, 5)])) {
      expect(new Set(r.slots).size).toBe(r.slots.length)
      expect(r.slots).toHaveLength(r.indices.length)
    }
  })

  test('a re-render of the same rows keeps every slot', () => {
    const [a, b] = scroll([range(40, 70), range(40, 70)])
    expect(b.slots).toEqual(a.slots)
  })

  test('scrolling down one row keeps the other rows and moves one element to the bottom', () => {
    const [a, b] = scroll([range(0, 30), range(1, 31)])
    expect(b.slots.slice(0, 30)).toEqual(a.slots.slice(1))
    expect(b.slots[30]).toBe(a.slots[0])
    expect(reconcile(a, b)).toEqual({ moved: 1, mounted: 0, unmounted: 0 })
  })

  test('scrolling up one row keeps the other rows in place', () => {
    const [a, b] = scroll([range(10, 40), range(9, 39)])
    expect(b.slots.slice(1)).toEqual(a.slots.slice(0, 30))
    expect(reconcile(a, b)).toEqual({ moved: 0, mounted: 1, unmounted: 1 })
  })

  test('a fast scroll (no row in common) reuses every element without moving any', () => {
    const [a, b, c] = scroll([range(0, 30), range(106, 136), range(212, 243)])
    expect(b.slots).toEqual(a.slots)
    expect(reconcile(a, b)).toEqual({ moved: 0, mounted: 0, unmounted: 0 })
    // One more row on screen than before: one new element at the end, nothing else changes.
    expect(c.slots.slice(0, 31)).toEqual(b.slots)
    expect(reconcile(b, c)).toEqual({ moved: 0, mounted: 1, unmounted: 0 })
  })

  test('a jump that keeps only a few rows still moves nothing', () => {
    const [a, b] = scroll([range(0, 30), range(28, 58)])
    expect(reconcile(a, b).moved).toBe(0)
  })
})
