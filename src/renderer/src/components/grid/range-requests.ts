/**
 * Passes the rows in view on to whoever fetches them (a pager), out of the frame that drew them:
 * starting a request costs the page a millisecond or two, which a scroll frame need not pay.
 *
 * While the view jumps by more than it shows from one report to the next (a fling, a drag of the
 * scrollbar), the rows in view are replaced before a page of them could arrive: in a fling through
 * 100k events, four screens a frame, not one frame in a hundred showed fetched rows, yet every
 * page was still fetched, decoded and rendered into rows already scrolled away, on the main
 * thread that draws the scroll. So a jump is only passed on once the view has rested for
 * `settleMs`; a smaller move (a wheel notch, the arrow keys) is passed on at once.
 */
export type RangeRequest = (start: number, end: number) => void

export function rangeRequests(request: RangeRequest, settleMs: number): RangeRequest {
  let shown: [number, number] | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  return (start, end) => {
    const jumped = shown !== null && (start > shown[1] || end < shown[0])
    shown = [start, end]
    clearTimeout(timer)
    timer = setTimeout(() => request(start, end), jumped ? settleMs : 0)
  }
}
