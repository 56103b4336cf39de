/** import:*, jobs:progress, series:*. Owner: importer. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import type { AdapterHooks } from '../handlers'
import { ApiError } from '../../../shared/errors'

type ImportMethods = 'import:inspect' | 'import:preview' | 'import:commit' | 'jobs:progress' | 'series:list' | 'series:setBenchmark'

export function importHandlers(_core: Core, _hooks: AdapterHooks): Pick<Handlers, ImportMethods> {
  const notYet = (): never => {
    throw new ApiError('unavailable', 'not available yet')
  }
  return {
    'import:inspect': notYet,
    'import:preview': notYet,
    'import:commit': notYet,
    'jobs:progress': notYet,
    'series:list': notYet,
    'series:setBenchmark': notYet
  }
}
