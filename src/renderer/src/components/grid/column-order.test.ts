import { describe, expect, it } from 'vitest'
import { canMoveColumn, moveColumn } from './column-order'

const ORDER = ['date', 'title', 'category', 'tags', 'summary', 'sources', 'updatedAt']

describe('moving a column in the Columns menu moves it in the table', () => {
  it('with Summary hidden, "Move Sources left" puts Sources before Tags, visibly', () => {
    const visible = new Set(ORDER.filter((c) => c !== 'summary'))
    const next = moveColumn(ORDER, visible, 'sources', -1)
    const shown = next.filter((c) => visible.has(c))
    expect(shown).toEqual(['date', 'title', 'category', 'sources', 'tags', 'updatedAt'])
    // The hidden column keeps its place among the others.
    expect(next).toEqual(['date', 'title', 'category', 'sources', 'tags', 'summary', 'updatedAt'])
  })

  it('moving right skips hidden columns the same way', () => {
    const visible = new Set(ORDER.filter((c) => c !== 'summary' && c !== 'sources'))
    const next = moveColumn(ORDER, visible, 'tags', 1)
    expect(next.filter((c) => visible.has(c))).toEqual(['date', 'title', 'category', 'updatedAt', 'tags'])
  })

  it('the first visible column cannot move left, even with hidden columns before it', () => {
    const visible = new Set(ORDER.filter((c) => c !== 'date'))
    expect(canMoveColumn(ORDER, visible, 'title', -1)).toBe(false)
    expect(canMoveColumn(ORDER, visible, 'title', 1)).toBe(true)
    expect(canMoveColumn(ORDER, visible, 'updatedAt', 1)).toBe(false)
  })

  it('with nothing hidden a move swaps neighbours', () => {
    expect(moveColumn(ORDER, new Set(ORDER), 'tags', -1)).toEqual(['date', 'title', 'tags', 'category', 'summary', 'sources', 'updatedAt'])
  })
})
