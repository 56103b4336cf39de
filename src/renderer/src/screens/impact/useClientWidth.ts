/**
 * The width a scrolling box gives its content (clientWidth: no border, no scrollbar), kept
 * current with a ResizeObserver. The impact table shares what its columns leave by this.
 */
import { useCallback, useEffect, useState } from 'react'

export function useClientWidth(): [(el: HTMLElement | null) => void, number] {
  const [el, setEl] = useState<HTMLElement | null>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    if (!el) return
    const read = () => setWidth(el.clientWidth)
    read()
    const ro = new ResizeObserver(read)
    ro.observe(el)
    return () => ro.disconnect()
  }, [el])
  return [useCallback((e: HTMLElement | null) => setEl(e), []), width]
}
