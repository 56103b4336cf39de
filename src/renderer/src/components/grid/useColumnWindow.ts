/**
 * The columns a grid's rows render (see column-window.ts), kept up to date as the grid scrolls
 * sideways or changes width.
 *
 * The scroll position is read like the vertical one (scroll-offset.ts): a scroll event only asks
 * for a look just before the next frame is drawn, and the rows are re-rendered, synchronously,
 * only when the set of columns in view changes. Scrolling up and down, which fires the same
 * scroll events, costs one read of scrollLeft per frame and no render. Call this hook before the
 * row virtualiser: its scroll listener is then added first, so its read comes before the
 * virtualiser's render in each frame and never forces a layout of freshly written rows.
 *
 * The window is derived during render from the last read view and the current column placement,
 * so resizing, reordering or hiding a column renders the right cells without waiting for a scroll.
 */
import { useLayoutEffect, useReducer, useRef, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { columnWindow, sameWindow, type ColumnBox, type ColumnWindow, type HorizontalView } from './column-window'
import { oncePerFrame } from '../next-frame'

export function useColumnWindow(scrollRef: RefObject<HTMLElement | null>, boxes: readonly ColumnBox[]): ColumnWindow {
  // Width 0 until measured: every column is rendered until then (see columnWindow).
  const view = useRef<HorizontalView>({ left: 0, width: 0 })
  const latestBoxes = useRef(boxes)
  latestBoxes.current = boxes
  const shown = useRef<ColumnWindow>({ from: 0, to: boxes.length - 1 })
  const [, rerender] = useReducer((n: number) => n + 1, 0)

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    let live = true
    /** Render again if the columns in view changed; `sync` from outside React (a frame, an observer). */
    const refresh = (sync: boolean) => {
      if (sameWindow(columnWindow(latestBoxes.current, view.current), shown.current)) return
      if (sync) flushSync(rerender)
      else rerender()
    }
    const measure = () => {
      view.current = { left: el.scrollLeft, width: el.clientWidth }
    }
    // In a layout effect, so the first paint already has only the columns in view.
    measure()
    refresh(false)
    const onScroll = oncePerFrame('read', () => {
      if (!live) return
      const left = el.scrollLeft
      if (left === view.current.left) return
      view.current = { left, width: view.current.width }
      refresh(true)
    })
    el.addEventListener('scroll', onScroll, { passive: true })
    // The grid gets wider or narrower (window resized, a side panel opened or closed).
    const resize = new ResizeObserver(() => {
      if (!live) return
      measure()
      refresh(true)
    })
    resize.observe(el)
    return () => {
      live = false
      el.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [scrollRef])

  const win = columnWindow(boxes, view.current)
  useLayoutEffect(() => {
    shown.current = win
  })
  return win
}
