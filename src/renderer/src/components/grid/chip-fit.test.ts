import { describe, expect, it } from 'vitest'
import { CELL_PADDING, chipWidth, clipText, fitChips, textWidth } from './chip-fit'

const MONO = { size: 11.5, mono: true }
const PLAIN = { size: 12 }

describe('chips in a narrow cell: whole chips, then a count of the rest', () => {
  it("three tickers in the Companies column: two and '+1' at its default width, one and '+2' when narrower", () => {
    const tickers = ['1024.HK', '0700.HK', 'BABA']
    const widths = tickers.map((t) => chipWidth(t, MONO))
    expect(fitChips(widths, 184 - CELL_PADDING)).toEqual({ shown: 2, more: 1, clipFirst: null })
    // At 170 px the second ticker and the count do not both fit: no sliver, a count instead.
    expect(fitChips(widths, 170 - CELL_PADDING)).toEqual({ shown: 1, more: 2, clipFirst: null })
  })

  it('a wide cell shows every chip and no count', () => {
    const tags = ['ipo', 'nyse']
    expect(fitChips(tags.map((t) => chipWidth(t, PLAIN)), 300 - CELL_PADDING)).toEqual({ shown: 2, more: 0, clipFirst: null })
  })

  it('what is shown, with its count, fits in the cell by the estimate', () => {
    const tags = ['content-penalty', 'minors', 'live-streaming', 'cac']
    const widths = tags.map((t) => chipWidth(t, PLAIN))
    for (const width of [120, 150, 200, 260, 400]) {
      const room = width - CELL_PADDING
      const fit = fitChips(widths, room)
      const used = widths.slice(0, fit.shown).reduce((a, b) => a + b, 0)
      const more = fit.more ? textWidth(`+${fit.more}`, PLAIN) + 8 : 0
      if (fit.clipFirst === null) expect(used + more).toBeLessThanOrEqual(room)
      expect(fit.shown + fit.more).toBe(tags.length)
    }
  })

  it('a single tag longer than the cell is cut with an ellipsis and the rest still counted', () => {
    const tags = ['regulatory-summons-and-self-inspection', 'cac']
    const fit = fitChips(tags.map((t) => chipWidth(t, PLAIN)), 150 - CELL_PADDING)
    expect(fit.shown).toBe(1)
    expect(fit.more).toBe(1)
    expect(fit.clipFirst).not.toBeNull()
    const cut = clipText(tags[0], fit.clipFirst!, PLAIN)
    expect(cut.endsWith('…')).toBe(true)
    expect(textWidth(cut, PLAIN)).toBeLessThanOrEqual(fit.clipFirst!)
  })

  it('the old limit of three still holds in a very wide cell', () => {
    const five = ['a', 'b', 'c', 'd', 'e']
    expect(fitChips(five.map((t) => chipWidth(t, PLAIN)), 2000, 3)).toEqual({ shown: 2, more: 3, clipFirst: null })
  })

  it('the estimate is never narrower than DejaVu Sans Mono draws (0.602 em per character)', () => {
    expect(textWidth('0700.HK', MONO)).toBeGreaterThanOrEqual(Math.ceil(7 * 0.602 * 11.5))
    // Chinese characters take a full em.
    expect(textWidth('阿里巴巴', PLAIN)).toBe(48)
  })
})
