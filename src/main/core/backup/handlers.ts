/** backup:*. Owner: backup. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { ApiError } from '../../../shared/errors'

export function backupHandlers(_core: Core): Pick<Handlers, 'backup:list' | 'backup:create' | 'backup:restore'> {
  const notYet = (): never => {
    throw new ApiError('unavailable', 'not available yet')
  }
  return { 'backup:list': notYet, 'backup:create': notYet, 'backup:restore': notYet }
}
