/** import:*, jobs:progress, series:*. Owner: importer. */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import type { AdapterHooks } from '../handlers'
import { importService } from './service'
import { listSeries, removeSeries, setBenchmark } from './series'

type ImportMethods = 'import:inspect' | 'import:preview' | 'import:commit' | 'jobs:progress' | 'series:list' | 'series:setBenchmark' | 'series:remove'

export function importHandlers(core: Core, hooks: AdapterHooks): Pick<Handlers, ImportMethods> {
  const service = importService(core)
  return {
    'import:inspect': ({ source }) => service.inspect(source, hooks),
    'import:preview': ({ source, mapping, jobId }) => service.preview(source, mapping, hooks, jobId),
    'import:commit': ({ previewId, skipRejected, jobId }) => service.commit(previewId, { skipRejected, jobId }),
    'jobs:progress': ({ jobId }) => service.jobs.get(jobId),
    'series:list': () => listSeries(core),
    'series:setBenchmark': ({ ticker, benchmark }) => setBenchmark(core, ticker, benchmark),
    'series:remove': ({ ticker }) => removeSeries(core, ticker)
  }
}
