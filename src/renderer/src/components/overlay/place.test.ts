import { describe, expect, it } from 'vitest'
import { placeInView } from './place'

// A window 1440 x 900 whose grid is seen from y 116 (under its sticky header) to 900, and from
// x 190 to 1020 (the detail panel takes the rest).
const grid = { left: 190, top: 116, right: 1020, bottom: 900 }

describe('a pop-up stays where the analyst can see it', () => {
  it('a pick-list opened on a row near the bottom of the window opens upward', () => {
    const cell = { left: 610, top: 830, width: 170, height: 32 }
    const popup = { left: 610, top: 830, width: 340, height: 320 }
    const { dx, dy } = placeInView(popup, cell, grid, { cover: true })
    expect(dx).toBe(0)
    // Its bottom edge now meets the cell's bottom edge, and all of it is on screen.
    expect(popup.top + dy + popup.height).toBe(cell.top + cell.height)
    expect(popup.top + dy).toBeGreaterThanOrEqual(grid.top)
  })

  it('a summary editor in a column beside the detail panel slides left to stay in the grid', () => {
    const cell = { left: 700, top: 300, width: 320, height: 32 }
    const popup = { left: 700, top: 300, width: 420, height: 170 }
    const { dx, dy } = placeInView(popup, cell, grid, { cover: true })
    expect(dy).toBe(0)
    expect(popup.left + dx + popup.width).toBe(grid.right)
  })

  it('an error message under the last visible row goes above the cell, not over it', () => {
    const cell = { left: 800, top: 860, width: 104, height: 32 }
    const message = { left: 800, top: 894, width: 300, height: 50 }
    const { dx, dy } = placeInView(message, cell, grid, { cover: false, gap: 2 })
    expect(message.top + dy + message.height).toBe(cell.top - 2)
    expect(message.left + dx + message.width).toBeLessThanOrEqual(grid.right)
  })

  it('a pop-up that fits where it is stays put', () => {
    const cell = { left: 300, top: 200, width: 170, height: 32 }
    expect(placeInView({ left: 300, top: 200, width: 340, height: 300 }, cell, grid, { cover: true })).toEqual({ dx: 0, dy: 0 })
  })

  it('in a short window it takes the roomier side and keeps its top edge visible', () => {
    const short = { left: 0, top: 100, right: 1000, bottom: 500 }
    const cell = { left: 10, top: 200, width: 100, height: 32 }
    const popup = { left: 10, top: 200, width: 300, height: 450 }
    const { dy } = placeInView(popup, cell, short, { cover: true })
    // 300 px below the cell's top against 132 px above its bottom: it stays below.
    expect(dy).toBe(0)
    const low = { left: 10, top: 440, width: 100, height: 32 }
    const placed = placeInView({ ...popup, top: 440 }, low, short, { cover: true })
    expect(440 + placed.dy).toBe(short.top)
  })
})
