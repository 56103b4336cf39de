/**
 * A list shown as chips (an event's companies or tags). In a grid cell, given the column's width,
 * it shows the chips that fit whole and counts the rest ("+2"); the cell's tooltip names them
 * all. The fit is estimated from the text (chip-fit.ts), never measured, so it is cheap enough for
 * every row of a fast scroll.
 */
import { CELL_PADDING, chipWidth, clipText, fitChips, type ChipFont } from './grid/chip-fit'

const PLAIN: ChipFont = { size: 12 }
/** `.chip-company` is set in the monospace font, a little smaller. */
const MONO: ChipFont = { size: 11.5, mono: true }

interface Props {
  items: readonly string[]
  className?: string
  /** Show at most this many (the last place going to "+N"). */
  max?: number
  /** The cell's width (px): chips that do not fit are counted instead. Unset: no limit but `max`. */
  width?: number
  /** The chips are in the monospace font (companies by ticker). */
  mono?: boolean
}

export function Chips({ items, className, max = Infinity, width, mono }: Props) {
  const font = mono ? MONO : PLAIN
  const fit =
    width === undefined
      ? items.length > max
        ? { shown: max - 1, more: items.length - max + 1, clipFirst: null }
        : { shown: items.length, more: 0, clipFirst: null }
      : fitChips(
          items.map((t) => chipWidth(t, font)),
          width - CELL_PADDING,
          max
        )
  const shown = items.slice(0, fit.shown)
  return (
    <>
      {shown.map((t, i) => (
        // Keyed by position: a reused row rewrites its chips' text instead of replacing them.
        <span key={i} className={`chip ${className ?? ''}`}>
          {i === 0 && fit.clipFirst !== null ? clipText(t, fit.clipFirst, font) : t}
        </span>
      ))}
      {fit.more > 0 && <span className="chip chip-more">+{fit.more}</span>}
    </>
  )
}
