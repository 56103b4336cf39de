/**
 * Where a pop-up (a cell's editor or error, a filter panel) goes so that it is seen whole: below
 * its anchor when it fits, above it when it does not (a row near the bottom of the window), and
 * slid sideways to stay inside the visible area (a column next to the detail panel). Pure
 * arithmetic over rectangles, so it is tested without a browser.
 */

export interface Box {
  left: number
  top: number
  width: number
  height: number
}

export interface View {
  left: number
  top: number
  right: number
  bottom: number
}

export interface PlaceOptions {
  /** The pop-up starts over its anchor (an editor over its cell) rather than under it (a message). */
  cover: boolean
  /** Space between anchor and pop-up when it does not cover it, px. */
  gap?: number
}

/**
 * The offset (px) to move `box`, placed where its CSS put it, so that it lies in `view`.
 * `anchor` is what it belongs to (a cell, a button); `box` starts at the anchor's left edge.
 */
export function placeInView(box: Box, anchor: Box, view: View, { cover, gap = 0 }: PlaceOptions): { dx: number; dy: number } {
  const below = cover ? anchor.top : anchor.top + anchor.height + gap
  const above = cover ? anchor.top + anchor.height - box.height : anchor.top - gap - box.height
  let top = box.top
  if (top + box.height > view.bottom) {
    if (above >= view.top) top = above
    else {
      // Fits neither way: take the side with more room, and keep its top edge on screen.
      const roomBelow = view.bottom - below
      const roomAbove = (cover ? anchor.top + anchor.height : anchor.top - gap) - view.top
      top = roomAbove > roomBelow ? Math.max(view.top, above) : below
    }
  }
  let left = box.left
  if (left + box.width > view.right) left = view.right - box.width
  if (left < view.left) left = view.left
  return { dx: left - box.left, dy: top - box.top }
}

/** The part of the window an element's content is seen through: its clipping ancestors and the window. */
export function visibleArea(el: Element): View {
  const view: View = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p)
    if (s.overflowX === 'visible' && s.overflowY === 'visible' && !/paint|strict|content/.test(s.contain)) continue
    const r = p.getBoundingClientRect()
    // clientWidth/Height leave out the scrollbars, which a pop-up must not sit under either.
    view.left = Math.max(view.left, r.left + p.clientLeft)
    view.top = Math.max(view.top, r.top + p.clientTop)
    view.right = Math.min(view.right, r.left + p.clientLeft + p.clientWidth)
    view.bottom = Math.min(view.bottom, r.top + p.clientTop + p.clientHeight)
  }
  return view
}

/**
 * Remember where `el` and its ancestors are scrolled, to put them back. A pop-up that opens past
 * an edge gets its focus before it is moved into view, and the browser scrolls the grid or panel
 * behind it to show the focused field: taken before opening, this undoes that jump.
 */
export function scrollSnapshot(el: Element | null): () => void {
  const saved: [Element, number, number][] = []
  for (let p = el; p; p = p.parentElement) if (p.scrollLeft || p.scrollTop || p.scrollWidth > p.clientWidth || p.scrollHeight > p.clientHeight) saved.push([p, p.scrollLeft, p.scrollTop])
  return () => {
    for (const [p, left, top] of saved) {
      if (p.scrollLeft !== left) p.scrollLeft = left
      if (p.scrollTop !== top) p.scrollTop = top
    }
  }
}
