/**
 * Ready the first screens while the window loads: the events table's first page (its sort order;
 * 250 ms on the large workspace, which was spent on the way to the first rows), then the default
 * chart's series. The desktop shell and the browser host call this once they are up; the CLI's
 * one-shot commands do not.
 */
import type { Core } from './core'
import { marketService } from './market/service'

export function warmUpFirstScreens(core: Core): void {
  setTimeout(() => {
    if (core.closing) return
    core.events.prepareFirstPage()
    marketService(core).warmUp()
  }, 0).unref()
}
