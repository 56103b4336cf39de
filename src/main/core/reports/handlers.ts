/** reports:export. Owner: reports. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { ApiError } from '../../../shared/errors'

export function reportHandlers(_core: Core): Pick<Handlers, 'reports:export'> {
  return {
    'reports:export': () => {
      throw new ApiError('unavailable', 'reports:export is not available yet')
    }
  }
}
