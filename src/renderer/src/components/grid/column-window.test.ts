/**
 * Column window: a row renders the cells the analyst can see, one column either side, and never
 * leaves a blank where a column is partly in view; moving to an off-screen column scrolls it in.
 */
import { describe, expect, test } from 'vitest'
import { columnWindow, scrollLeftToShow, type ColumnBox } from './column-window'

/** Columns placed left to right from their widths, as the table places them. */
function placed(sizes: number[]): ColumnBox[] {
  let x = 0
  return sizes.map((size) => {
    const box = { start: x, size }
    x += size
    return box
  })
}

// The events table's default columns: date, title, category, authority, companies, tags,
// summary, sources, noteCount, updatedAt (1,704 px in all).
const EVENTS = placed([104, 300, 136, 104, 170, 150, 320, 200, 70, 150])
const ids = ['date', 'title', 'category', 'authority', 'companies', 'tags', 'summary', 'sources', 'noteCount', 'updatedAt']
const rendered = (w: { from: number; to: number }) => ids.slice(w.from, w.to + 1)

describe('columns rendered for the horizontal view', () => {
  test('at the left edge of a 1,252 px view: up to summary (partly shown) and one more', () => {
    const w = columnWindow(EVENTS, { left: 0, width: 1252 }, 1)
    expect(rendered(w)).toEqual(['date', 'title', 'category', 'authority', 'companies', 'tags', 'summary', 'sources'])
  })

  test('without overscan only the columns touching the view', () => {
    expect(rendered(columnWindow(EVENTS, { left: 0, width: 1252 }, 0))).toEqual(ids.slice(0, 7))
  })

  test('scrolled to the right end: the leftmost columns are dropped', () => {
    const w = columnWindow(EVENTS, { left: 1704 - 1252, width: 1252 }, 1)
    // 452 px in: date (0-104) and title (104-404) are out of view; title is the overscan.
    expect(rendered(w)).toEqual(ids.slice(1))
  })

  test('a column touching the view by one pixel is rendered; one ending exactly at its edge is not', () => {
    expect(rendered(columnWindow(EVENTS, { left: 403, width: 100 }, 0))).toEqual(['title', 'category'])
    expect(rendered(columnWindow(EVENTS, { left: 404, width: 100 }, 0))).toEqual(['category'])
    expect(rendered(columnWindow(EVENTS, { left: 404, width: 136 }, 0))).toEqual(['category'])
  })

  test('a view inside one wide column renders that column and its neighbours', () => {
    expect(rendered(columnWindow(EVENTS, { left: 150, width: 100 }, 1))).toEqual(['date', 'title', 'category'])
  })

  test('a view wider than the table renders every column', () => {
    expect(rendered(columnWindow(EVENTS, { left: 0, width: 3000 }, 1))).toEqual(ids)
  })

  test('before the grid is measured every column is rendered rather than none', () => {
    expect(rendered(columnWindow(EVENTS, { left: 0, width: 0 }))).toEqual(ids)
    expect(rendered(columnWindow(EVENTS, { left: 0, width: NaN }))).toEqual(ids)
  })

  test('a table with no visible columns renders none', () => {
    const w = columnWindow([], { left: 0, width: 800 })
    expect(w.to).toBeLessThan(w.from)
  })

  test('after a column is widened the same scroll position shows fewer columns', () => {
    const wide = placed([104, 900, 136, 104, 170, 150, 320, 200, 70, 150])
    expect(rendered(columnWindow(wide, { left: 0, width: 1252 }, 0))).toEqual(['date', 'title', 'category', 'authority', 'companies'])
  })
})

describe('scrolling an off-screen column into view', () => {
  const view = { left: 0, width: 1252 }

  test('a column already in view does not scroll', () => {
    expect(scrollLeftToShow(EVENTS[1], view)).toBe(0)
  })

  test('a column off the right edge scrolls just far enough to show its right edge', () => {
    const updatedAt = EVENTS[9]
    expect(scrollLeftToShow(updatedAt, view)).toBe(1704 - 1252)
  })

  test('a column off the left edge scrolls to its left edge', () => {
    expect(scrollLeftToShow(EVENTS[0], { left: 452, width: 1252 })).toBe(0)
    expect(scrollLeftToShow(EVENTS[1], { left: 452, width: 1252 })).toBe(104)
  })

  test('a column wider than the view shows its left edge', () => {
    expect(scrollLeftToShow({ start: 500, size: 900 }, { left: 0, width: 600 })).toBe(500)
  })
})
