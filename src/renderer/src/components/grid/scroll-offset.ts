/**
 * The virtualiser's view of the grid's (vertical) scroll position, read once per frame just before
 * the frame is drawn.
 *
 * A scroll event is dispatched at the start of the frame after the one in which the position
 * changed. Rows rendered right away from it are one position behind whenever the position changes
 * again during that frame's animation callbacks (a script scrolling the grid step by step, a
 * smooth scroll, a jump made from a requestAnimationFrame): the frame would then lay out rows for
 * a place already scrolled away, paint blank space where rows should be, and lay rows out a second
 * time. So a scroll event only asks for a look at the position after the frame's animation
 * callbacks (see next-frame.ts), and the rows for where the grid really is are rendered, once,
 * before the frame is painted. The end of scrolling is reported at once.
 */
import { observeElementOffset, type Virtualizer } from '@tanstack/react-virtual'
import { oncePerFrame } from '../next-frame'

type OffsetCallback = (offset: number, isScrolling: boolean) => void

export function observeOffsetBeforePaint<T extends Element>(instance: Virtualizer<T, Element>, cb: OffsetCallback): (() => void) | undefined {
  const element = instance.scrollElement
  if (!element) return undefined
  let live = true
  let last = element.scrollTop
  const look = oncePerFrame('read', () => {
    const now = element.scrollTop
    if (!live || now === last) return
    last = now
    cb(now, true)
  })
  const stop = observeElementOffset(instance, (offset, isScrolling) => {
    if (isScrolling) return look()
    last = offset
    cb(offset, false)
  })
  return () => {
    live = false
    stop?.()
  }
}
