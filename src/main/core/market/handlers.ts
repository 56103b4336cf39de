/** chart:*, impact:*. Owner: market. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { basketChart, marketcapChart } from './chart'
import { impactTables } from './impact-table'
import { impactViews } from './impact-view'
import { marketService } from './service'

export function marketHandlers(core: Core): Pick<Handlers, 'chart:marketcap' | 'chart:basket' | 'impact:table' | 'impact:view'> {
  return {
    'chart:marketcap': (req) => marketcapChart(marketService(core), req),
    'chart:basket': (req) => basketChart(marketService(core), req),
    'impact:table': async (req) => (await impactTables(core).table(req)).toTable(),
    'impact:view': (req) => impactViews(core).view(req)
  }
}
