/**
 * Keep a pop-up element inside the visible area (see place.ts): measured when it opens and
 * again whenever its size changes (an error appears in it, a list is filtered), never on scroll,
 * so it costs nothing while the grid scrolls. The offset is applied with the CSS `translate`
 * property, which leaves the element's own `transform` and position rules alone.
 */
import { useLayoutEffect, type RefObject } from 'react'
import { placeInView, visibleArea, type View } from './place'

export interface KeepInViewOptions {
  /** What the pop-up belongs to: by default its parent element. */
  anchor?: (el: HTMLElement) => Element | null
  cover: boolean
  gap?: number
  /** Narrow the visible area (a sticky header covers the top of a grid). */
  adjust?: (view: View, el: HTMLElement) => View
  /** Runs once before the first placement: undo a scroll the pop-up's focus caused (scrollSnapshot). */
  before?: () => void
}

export function useKeepInView(ref: RefObject<HTMLElement | null>, { anchor, cover, gap, adjust, before }: KeepInViewOptions): void {
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    before?.()
    let applied = { dx: 0, dy: 0 }
    const place = () => {
      const a = (anchor ? anchor(el) : el.parentElement)?.getBoundingClientRect()
      if (!a) return
      const area = visibleArea(el)
      const view = adjust ? adjust(area, el) : area
      let r = el.getBoundingClientRect()
      // Wider than all there is to see (a list in the narrow detail panel): as wide as that.
      const room = Math.floor(view.right - view.left)
      if (r.width > room && room > 0 && !el.style.maxWidth) {
        el.style.maxWidth = `${room}px`
        el.style.minWidth = '0'
        r = el.getBoundingClientRect()
      }
      // Where the CSS put it, before our own offset.
      const box = { left: r.left - applied.dx, top: r.top - applied.dy, width: r.width, height: r.height }
      const next = placeInView(box, { left: a.left, top: a.top, width: a.width, height: a.height }, view, { cover, gap })
      if (next.dx === applied.dx && next.dy === applied.dy) return
      applied = next
      el.style.translate = next.dx || next.dy ? `${next.dx}px ${next.dy}px` : ''
    }
    place()
    const observer = new ResizeObserver(place)
    observer.observe(el)
    return () => observer.disconnect()
    // Placed once per opening; the options are fixed for an element's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref])
}
