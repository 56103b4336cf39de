/**
 * How many chips fit in a cell, worked out from the text alone: a chip that does not fit whole is
 * left out and counted ("+2") instead of showing as an empty sliver past the cell's ellipsis. No
 * layout is read (a fast scroll renders a screenful of cells per frame): widths are estimated
 * from character classes, a little generously, so an estimate errs towards "+N" rather than a cut.
 */

export interface ChipFont {
  /** px */
  size: number
  mono?: boolean
}

/** Horizontal padding plus the gap after a chip (base.css `.chip`), px. */
const CHIP_EXTRA = 6 * 2 + 4
/** The "+N" chip: its padding and gap. */
const MORE_EXTRA = 2 * 2 + 4
/** Text cells pad 8 px on each side (grid.css `.grid-cell`). */
export const CELL_PADDING = 16

/**
 * Advances (em) of DejaVu Sans, the widest of the fonts the app asks for (Linux's fallback): on a
 * narrower font (Inter, Segoe UI, SF) a chip is estimated wider than it is, which is the safe way.
 */
const ADVANCE: readonly (readonly [string, number])[] = [
  ["ijl'", 0.28],
  ['.,:;|/\\-"', 0.37],
  ['ftr()[]!', 0.42],
  ['sczI?*_`J', 0.55],
  ['kvxyLF', 0.6],
  ['ETYP', 0.64],
  ['ABCKRSVXZ&', 0.7],
  ['DGHNOQU', 0.79],
  ['w+#<=>^~M', 0.86],
  ['mW%@…', 1]
]
const ADVANCE_OF = new Map<string, number>()
for (const [chars, em] of ADVANCE) for (const ch of chars) ADVANCE_OF.set(ch, em)

/** Estimated advance of a character, in em: a full em for CJK, the table above, else 0.64. */
function advance(ch: string, mono: boolean): number {
  const c = ch.codePointAt(0)!
  if (c >= 0x2e80 && c <= 0xffef && !(c >= 0xfe00 && c <= 0xfe0f)) return 1
  if (mono) return 0.605
  return ADVANCE_OF.get(ch) ?? 0.64
}

export function textWidth(text: string, font: ChipFont): number {
  let em = 0
  for (const ch of text) em += advance(ch, !!font.mono)
  return Math.ceil(em * font.size)
}

export function chipWidth(text: string, font: ChipFont): number {
  return textWidth(text, font) + CHIP_EXTRA
}

/** The "+N" chip is plain 12 px text whatever its neighbours are (base.css `.chip-more`). */
function moreWidth(n: number): number {
  return textWidth(`+${n}`, { size: 12 }) + MORE_EXTRA
}

export interface ChipFit {
  /** How many chips to show, from the first. */
  shown: number
  /** How many are left out ("+N"), 0 for none. */
  more: number
  /** Set when even the first chip does not fit whole: the room (px) its text has. */
  clipFirst: number | null
}

/**
 * Chips of these widths in a cell `room` px wide (its content box): as many whole chips as fit
 * with room left for the "+N" of the rest. At most `max` chips are shown in any case.
 */
export function fitChips(widths: readonly number[], room: number, max = Infinity): ChipFit {
  const n = widths.length
  const limit = n > max ? Math.max(1, max - 1) : n
  let used = 0
  let shown = 0
  while (shown < limit) {
    const rest = n - shown - 1
    const reserve = rest > 0 ? moreWidth(rest) : 0
    if (used + widths[shown] + reserve > room) break
    used += widths[shown]
    shown++
  }
  if (shown > 0 || n === 0) return { shown, more: n - shown, clipFirst: null }
  // Not even the first chip fits whole: show it cut (with an ellipsis) beside the count.
  const reserve = n > 1 ? moreWidth(n - 1) : 0
  return { shown: 1, more: n - 1, clipFirst: Math.max(0, room - reserve - CHIP_EXTRA) }
}

/** The longest start of `text` (with "…") whose estimated width is within `room` px. */
export function clipText(text: string, room: number, font: ChipFont): string {
  if (textWidth(text, font) <= room) return text
  const ellipsis = textWidth('…', font)
  let em = 0
  let out = ''
  for (const ch of text) {
    em += advance(ch, !!font.mono)
    if (Math.ceil(em * font.size) + ellipsis > room) break
    out += ch
  }
  return `${out || [...text][0]}…`
}
