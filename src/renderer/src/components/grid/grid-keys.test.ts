/** The grid's keyboard conventions, as an analyst used to spreadsheets expects them. */
import { describe, expect, test } from 'vitest'
import { keyAction, tabInRow, tabTarget, typedToEdit } from './grid-keys'

const extent = { rows: 100, cols: 10, page: 20 }

describe('grid keys', () => {
  test('arrows move one cell and stop at the edges', () => {
    expect(keyAction('ArrowDown', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 4, col: 2 } })
    expect(keyAction('ArrowUp', false, { row: 0, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 0, col: 2 } })
    expect(keyAction('ArrowRight', false, { row: 3, col: 9 }, extent)).toEqual({ kind: 'move', to: { row: 3, col: 9 } })
    expect(keyAction('ArrowLeft', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 3, col: 1 } })
  })

  test('the first arrow press with no active cell lands on the first cell', () => {
    expect(keyAction('ArrowDown', false, null, extent)).toEqual({ kind: 'move', to: { row: 0, col: 0 } })
    expect(keyAction('ArrowRight', false, null, extent)).toEqual({ kind: 'move', to: { row: 0, col: 0 } })
  })

  test('Home/End, Ctrl+Home/End and paging', () => {
    expect(keyAction('End', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 3, col: 9 } })
    expect(keyAction('Home', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 3, col: 0 } })
    expect(keyAction('End', true, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 99, col: 2 } })
    expect(keyAction('Home', true, { row: 3, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 0, col: 2 } })
    expect(keyAction('PageDown', false, { row: 90, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 99, col: 2 } })
    expect(keyAction('PageUp', false, { row: 30, col: 2 }, extent)).toEqual({ kind: 'move', to: { row: 10, col: 2 } })
  })

  test('Enter and F2 edit the active cell; other keys do nothing; an empty grid ignores keys', () => {
    expect(keyAction('Enter', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'edit', cell: { row: 3, col: 2 } })
    expect(keyAction('F2', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'edit', cell: { row: 3, col: 2 } })
    expect(keyAction('x', false, { row: 3, col: 2 }, extent)).toEqual({ kind: 'none' })
    expect(keyAction('ArrowDown', false, null, { rows: 0, cols: 10, page: 5 })).toEqual({ kind: 'none' })
  })

  test('Tab after an edit moves to the next cell, wrapping to the next row; Shift+Tab goes back', () => {
    expect(tabTarget({ row: 3, col: 2 }, 1, extent)).toEqual({ row: 3, col: 3 })
    expect(tabTarget({ row: 3, col: 9 }, 1, extent)).toEqual({ row: 4, col: 0 })
    expect(tabTarget({ row: 3, col: 0 }, -1, extent)).toEqual({ row: 2, col: 9 })
    expect(tabTarget({ row: 99, col: 9 }, 1, extent)).toEqual({ row: 99, col: 0 })
  })

  test('Tab on the grid moves along the row, and past its ends lets focus leave the grid', () => {
    expect(tabInRow({ row: 3, col: 2 }, 1, 10)).toEqual({ row: 3, col: 3 })
    expect(tabInRow({ row: 3, col: 2 }, -1, 10)).toEqual({ row: 3, col: 1 })
    expect(tabInRow({ row: 3, col: 9 }, 1, 10)).toBeNull()
    expect(tabInRow({ row: 3, col: 0 }, -1, 10)).toBeNull()
  })

  test('typing a character on a cell starts editing it with that character; shortcuts, named keys and the search key do not', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) =>
      typedToEdit({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods })
    expect(key('a')).toBe('a')
    expect(key('Z')).toBe('Z')
    expect(key('2')).toBe('2')
    expect(key('é')).toBe('é')
    expect(key('阿')).toBe('阿')
    expect(key('😀')).toBe('😀')
    expect(key('c', { ctrlKey: true })).toBeNull()
    expect(key('c', { metaKey: true })).toBeNull()
    expect(key('x', { altKey: true })).toBeNull()
    expect(key('a', { isComposing: true })).toBeNull()
    for (const named of ['Tab', 'Enter', 'Escape', 'ArrowDown', 'F2', 'Shift', 'Dead', 'Process', ' ', '/']) expect(key(named)).toBeNull()
  })
})
