/**
 * backup:*: list, make and restore backups of the workspace (service.ts does the work), or keep
 * working without restoring after damage was found at start.
 */
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { backupService } from './service'

export function backupHandlers(core: Core): Pick<Handlers, 'backup:list' | 'backup:create' | 'backup:restore' | 'backup:dismissProblems'> {
  const service = backupService(core)
  return {
    'backup:list': () => service.list(),
    'backup:create': async () => {
      const { path: _path, ...info } = await service.create('manual')
      return info
    },
    'backup:restore': ({ id }) => service.restoreId(id),
    'backup:dismissProblems': async () => ({ dismissed: await service.dismissProblems() })
  }
}
