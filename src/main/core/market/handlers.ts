/** chart:*, impact:*. Owner: market. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { ApiError } from '../../../shared/errors'

export function marketHandlers(_core: Core): Pick<Handlers, 'chart:marketcap' | 'chart:basket' | 'impact:table'> {
  const notYet = (): never => {
    throw new ApiError('unavailable', 'not available yet')
  }
  return { 'chart:marketcap': notYet, 'chart:basket': notYet, 'impact:table': notYet }
}
