/**
 * The pixel width of a box, kept current with a ResizeObserver. Charts ask the core for about one
 * point per pixel, so the width is also what decides how far lines are downsampled. A callback
 * ref, so a box that appears after the first render (once data arrived) is measured too.
 * Measured in a layout effect: the width is known before the first paint, so the chart's data is
 * asked for a render earlier and no frame shows the box without it.
 */
import { useLayoutEffect, useState } from 'react'

export function useWidth<T extends HTMLElement>(): [(el: T | null) => void, number, T | null] {
  const [el, setEl] = useState<T | null>(null)
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    if (!el) return
    setWidth(Math.floor(el.getBoundingClientRect().width))
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width)
      // Ignore sub-10px jitter (scrollbars appearing) so a resize does not refetch for nothing.
      setWidth((old) => (Math.abs(old - w) >= 10 ? w : old))
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [el])
  return [setEl, width, el]
}
